import { HttpClient, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, createEnvironmentInjector, EnvironmentInjector, inject, Injector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CancelledError } from 'rxjs-asyncer';
import { injectScope, injectTaskGroup, progressSignal, soonSignal, taskGroupResource } from 'rxjs-asyncer/angular';
import { DashboardComponent } from './examples/dashboard.component';
import { flush, watchDestroyListeners } from './helpers';

describe('lifetimes: injectTaskGroup and injectScope', () => {
  let http: HttpTestingController;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('the app\'s dashboard loads profile, orders and recommendations with gather, and renders them with its progress', async () => {
    const fixture = TestBed.createComponent(DashboardComponent);
    fixture.autoDetectChanges();
    await flush();
    http.expectOne('/api/profile').flush({ name: 'Ada' });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('1 of 3 loaded');
    http.expectOne('/api/orders').flush([{ id: 1 }, { id: 2 }]);
    http.expectOne('/api/recommendations').flush(['tea']);
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('3 of 3 loaded');
    expect(text).toContain('Ada');
    expect(text).toContain('2 orders');
  });

  it('destroying the dashboard cancels gather: every open request is cancelled, counted as cancelled', async () => {
    const fixture = TestBed.createComponent(DashboardComponent);
    fixture.autoDetectChanges();
    await flush();
    const requests = ['/api/profile', '/api/orders', '/api/recommendations'].map((url) => http.expectOne(url));
    requests[0]!.flush({ name: 'Ada' }); // one answered: only the two left open can be cancelled
    await flush();
    const open = requests.slice(1);
    expect(open.map((r) => r.cancelled)).toEqual([false, false]);
    fixture.destroy();
    expect(open.map((r) => r.cancelled)).toEqual([true, true]);
    expect(fixture.componentInstance.progress()).toMatchObject({ total: 3, fulfilled: 1, cancelled: 2, running: 0 });
  });

  it('promise tasks see the signal abort on destroy, with an AbortError; the group ends without error', async () => {
    @Component({ selector: 'app-t', template: '' })
    class Host {
      tg = injectTaskGroup();
      seen: unknown;
      task = this.tg.startSoon(
        (signal: AbortSignal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject((this.seen = signal.reason)))),
        this.tg.signal,
      );
    }
    const fixture = TestBed.createComponent(Host);
    const host = fixture.componentInstance;
    await flush();
    fixture.destroy();
    expect((host.seen as DOMException).name).toBe('AbortError');
    await expect(host.task).rejects.toBeInstanceOf(CancelledError);
    await expect(host.tg.join()).resolves.toBeUndefined();
  });

  it('injectScope: one failed request does not stop the others; destroy cancels the rest', async () => {
    const errors: unknown[] = [];
    @Component({ selector: 'app-s', template: '' })
    class Host {
      http = inject(HttpClient);
      scope = injectScope({ onError: (e) => errors.push(e) });
      a = this.scope.startSoon(() => this.http.get('/api/a'));
      b = this.scope.startSoon(() => this.http.get('/api/b'));
      c = this.scope.startSoon(() => this.http.get('/api/c'));
    }
    const fixture = TestBed.createComponent(Host);
    const host = fixture.componentInstance;
    await flush();
    http.expectOne('/api/a').flush('boom', { status: 500, statusText: 'Server Error' });
    http.expectOne('/api/b').flush({ ok: true });
    const c = http.expectOne('/api/c');
    await flush();
    expect([host.a.status, host.b.status, host.c.status]).toEqual(['failed', 'fulfilled', 'pending']);
    expect(errors).toHaveLength(1);
    fixture.destroy();
    expect(c.cancelled).toBe(true);
    expect(host.c.status).toBe('cancelled');
    expect(host.scope.closed).toBe(true);
  });

  it('the destroy listener is removed when the work settles before destroy, and present while it runs', async () => {
    const parent = TestBed.inject(EnvironmentInjector);
    const injector = createEnvironmentInjector([], parent);
    const listeners = watchDestroyListeners(injector);
    const tg = injectTaskGroup({ injector });
    const scope = injectScope({ injector });
    expect(listeners.registered).toBe(2);
    tg.startSoon(async () => 1);
    await tg.join();
    expect(listeners.registered).toBe(1);
    await scope.close();
    expect(listeners.registered).toBe(0);
    injector.destroy();
  });

  it('used after its injector was destroyed: a clear error, and no work starts', () => {
    const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    injector.destroy();
    expect(() => injectTaskGroup({ injector })).toThrow(/^injectTaskGroup\(\): its injector or component is already destroyed/);
    expect(() => injectScope({ injector })).toThrow(/^injectScope\(\): its injector or component is already destroyed/);
  });

  it('outside an injection context without an injector: Angular’s NG0203', () => {
    expect(() => injectTaskGroup()).toThrow(/NG0203/);
    expect(() => injectScope()).toThrow(/NG0203/);
    expect(() => taskGroupResource({ body: () => 1 })).toThrow(/NG0203/);
    const injector = TestBed.inject(Injector);
    const tg = injectTaskGroup({ injector });
    expect(() => soonSignal(tg.startSoon(async () => 1))).toThrow(/NG0203/);
    expect(() => progressSignal(tg)).toThrow(/NG0203/);
    tg.cancel();
  });

  it('outside an injection context, the error says what to do: { injector }, or for soonSignal { manualCleanup: true }', () => {
    expect(() => injectScope()).toThrow(/NG0203[\s\S]*injectScope\(\) was called outside an injection context[\s\S]*pass \{ injector \}/);
    const scope = injectScope({ injector: TestBed.inject(Injector) });
    expect(() => soonSignal(scope.startSoon(async () => 1))).toThrow(/NG0203[\s\S]*or pass \{ manualCleanup: true \}/);
    scope.cancel();
  });

  it('soonSignal with { manualCleanup: true } needs no injection context and follows the task until it settles, as toSignal', async () => {
    const scope = injectScope({ injector: TestBed.inject(Injector) });
    let finish!: (value: number) => void;
    const state = soonSignal(scope.startSoon(() => new Promise<number>((resolve) => (finish = resolve))), { manualCleanup: true });
    expect(state().status).toBe('pending');
    await Promise.resolve();
    finish(7);
    await flush();
    expect(state()).toEqual({ status: 'fulfilled', value: 7 });
    expect(() => soonSignal(scope.startSoon(async () => 1), { manualCleanup: 'yes' } as never)).toThrow(
      new TypeError('soonSignal(soon, options): options.manualCleanup must be a boolean, got "yes"'),
    );
    await scope.close();
  });

  it('refuses an injector that is not one', () => {
    expect(() => injectTaskGroup({ injector: {} as Injector })).toThrow(new TypeError('injectTaskGroup(options): options.injector must be an Angular Injector, got [object Object]'));
  });
});
