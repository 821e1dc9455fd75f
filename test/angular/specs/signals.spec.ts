import { HttpClient, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, Component, inject, Injector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { createLimiter } from 'rxjs-asyncer';
import { firstWins, gather } from 'rxjs-asyncer/operators';
import { injectScope, injectTaskGroup, progressSignal, soonSignal, taskGroupResource } from 'rxjs-asyncer/angular';
import { flush, untilAborted } from './helpers';

describe('signals: soonSignal, progressSignal, taskGroupResource', () => {
  it("progressSignal() feeds on an operator's progress option: zero counts at once, then the operator's", async () => {
    const progress = progressSignal(); // no injection context needed: nothing subscribes
    expect(progress()).toEqual({ total: 0, queued: 0, running: 0, fulfilled: 0, failed: 0, cancelled: 0 });
    let release!: () => void;
    const slow = new Promise<number>((resolve) => (release = () => resolve(2)));
    const done = firstValueFrom(gather([() => 1, () => slow], { progress }));
    await flush();
    expect(progress()).toMatchObject({ total: 2, fulfilled: 1, running: 1 });
    release();
    await done;
    expect(progress()).toMatchObject({ total: 2, fulfilled: 2, running: 0 });
  });

  let http: HttpTestingController;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('gather into a signal with status: pending, then fulfilled with every value', async () => {
    @Component({ selector: 'app-g', template: '' })
    class Host {
      http = inject(HttpClient);
      scope = injectScope();
      page = soonSignal(
        this.scope.startSoon(() => gather({ user: this.http.get<{ name: string }>('/api/user'), prefs: this.http.get<{ theme: string }>('/api/prefs') })),
      );
    }
    const host = TestBed.createComponent(Host).componentInstance;
    expect(host.page()).toEqual({ status: 'pending' });
    await flush();
    http.expectOne('/api/user').flush({ name: 'Ada' });
    http.expectOne('/api/prefs').flush({ theme: 'dark' });
    await flush();
    expect(host.page()).toEqual({ status: 'fulfilled', value: { user: { name: 'Ada' }, prefs: { theme: 'dark' } } });
  });

  it('a failing gather: failed with the error, and the other request cancelled', async () => {
    @Component({ selector: 'app-g2', template: '' })
    class Host {
      http = inject(HttpClient);
      scope = injectScope({ onError: () => undefined });
      page = soonSignal(this.scope.startSoon(() => gather([this.http.get('/api/one'), this.http.get('/api/two')])));
    }
    const host = TestBed.createComponent(Host).componentInstance;
    await flush();
    const two = http.expectOne('/api/two');
    http.expectOne('/api/one').flush('no', { status: 404, statusText: 'Not Found' });
    await flush();
    expect(host.page().status).toBe('failed');
    expect(two.cancelled).toBe(true);
  });

  it('firstWins over two mirrors: the first answer wins and the loser’s request is cancelled', async () => {
    const client = TestBed.inject(HttpClient);
    const winner = firstValueFrom(firstWins([() => client.get<string>('https://a.example/data'), () => client.get<string>('https://b.example/data')]));
    const a = http.expectOne('https://a.example/data');
    const b = http.expectOne('https://b.example/data');
    b.flush('from b');
    await expect(winner).resolves.toBe('from b');
    expect(a.cancelled).toBe(true);
  });

  it('firstWins over two mirrors: a 503 does not end the race', async () => {
    const client = TestBed.inject(HttpClient);
    const winner = firstValueFrom(firstWins([() => client.get<string>('https://a.example/data'), () => client.get<string>('https://b.example/data')]));
    http.expectOne('https://a.example/data').flush('busy', { status: 503, statusText: 'Service Unavailable' });
    http.expectOne('https://b.example/data').flush('from b');
    await expect(winner).resolves.toBe('from b');
  });

  it('soonSignal: cancelled with the reason when the group is cancelled', async () => {
    const injector = TestBed.inject(Injector);
    const tg = injectTaskGroup({ injector });
    const state = soonSignal(tg.startSoon(untilAborted, tg.signal), { injector });
    tg.cancel('enough');
    expect(state()).toEqual({ status: 'cancelled', reason: 'enough' });
    await tg.join();
  });

  it('progressSignal follows a group and a limiter, with a value at once', async () => {
    const injector = TestBed.inject(Injector);
    const limiter = createLimiter(2);
    const tg = injectTaskGroup({ injector, limiter });
    const progress = progressSignal(tg, { injector });
    const slots = progressSignal(limiter, { injector });
    expect(progress()).toEqual({ total: 0, queued: 0, running: 0, fulfilled: 0, failed: 0, cancelled: 0 });
    tg.startSoon(async () => 1);
    tg.startSoon(untilAborted, tg.signal);
    await flush();
    expect(progress()).toMatchObject({ total: 2, running: 1, fulfilled: 1 });
    expect(slots()).toEqual({ running: 1, pending: 0, concurrency: 2 });
    tg.cancel();
    await tg.join();
    expect(progress()).toMatchObject({ total: 2, fulfilled: 1, cancelled: 1 });
  });

  it('taskGroupResource re-runs when params change, cancelling the previous run', async () => {
    @Component({ selector: 'app-r', template: '' })
    class Host {
      http = inject(HttpClient);
      id = signal('ada');
      page = taskGroupResource({
        params: () => this.id(),
        body: (tg, id) => ({ user: tg.startSoon(() => this.http.get<{ name: string }>(`/api/users/${id}`)) }),
      });
    }
    const fixture = TestBed.createComponent(Host);
    const host = fixture.componentInstance;
    TestBed.tick();
    await flush();
    const ada = http.expectOne('/api/users/ada');
    expect(host.page.isLoading()).toBe(true);
    host.id.set('bob');
    TestBed.tick();
    await flush();
    expect(ada.cancelled).toBe(true);
    http.expectOne('/api/users/bob').flush({ name: 'Bob' });
    await flush();
    TestBed.tick();
    expect(host.page.value()).toEqual({ user: { name: 'Bob' } });
    expect(host.page.status()).toBe('resolved');
    expect(host.page.progress()).toMatchObject({ total: 1, fulfilled: 1 });
  });

  it('taskGroupResource: a failure is the resource’s error; destroying cancels the run', async () => {
    @Component({ selector: 'app-r2', template: '' })
    class Host {
      http = inject(HttpClient);
      page = taskGroupResource({ body: (tg) => [tg.startSoon(() => this.http.get('/api/x')), tg.startSoon(() => this.http.get('/api/y'))] });
    }
    const fixture = TestBed.createComponent(Host);
    TestBed.tick();
    await flush();
    http.expectOne('/api/x').flush('bad', { status: 500, statusText: 'Error' });
    const y = http.expectOne('/api/y');
    await flush();
    TestBed.tick();
    expect(fixture.componentInstance.page.status()).toBe('error');
    expect(y.cancelled).toBe(true);

    const second = TestBed.createComponent(Host);
    TestBed.tick();
    await flush();
    const [x2, y2] = [http.expectOne('/api/x'), http.expectOne('/api/y')];
    second.destroy();
    expect([x2.cancelled, y2.cancelled]).toEqual([true, true]);
    void TestBed.inject(ApplicationRef);
  });
});
