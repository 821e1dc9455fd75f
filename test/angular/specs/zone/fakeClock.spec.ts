import { HttpClient, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, inject, Injector, signal } from '@angular/core';
import { fakeAsync, flushMicrotasks, TestBed, tick, waitForAsync } from '@angular/core/testing';
import { timer } from 'rxjs';
import { injectScope, injectTaskGroup, soonSignal, taskGroupResource } from 'rxjs-asyncer/angular';

// zone.js's fake clock: fakeAsync fails a spec that leaves a timer pending, so each spec below
// also proves that nothing was left armed. The specs are compiled to ES2016 (tsconfig.spec.json),
// as the Angular CLI does for zone apps: zone.js cannot see native async/await.

const sleep = (ms: number) => new Promise<string>((resolve) => setTimeout(() => resolve(`${ms} ms`), ms));

describe('zone.js fake clock', () => {
  let http: HttpTestingController;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('injectTaskGroup: timers and a request settle at tick(1000)', fakeAsync(() => {
    @Component({ selector: 'app-f', template: '{{ done() }}' })
    class Host {
      http = inject(HttpClient);
      tg = injectTaskGroup({ timeout: 5000 });
      done = signal('');
      a = this.tg.startSoon(sleep, 1000);
      b = this.tg.startSoon(() => timer(500));
      c = this.tg.startSoon(() => this.http.get<{ n: number }>('/api/n'));
      constructor() {
        this.tg.join().then(() => this.done.set('done'));
      }
    }
    const fixture = TestBed.createComponent(Host);
    const host = fixture.componentInstance;
    flushMicrotasks();
    http.expectOne('/api/n').flush({ n: 1 });
    tick(999);
    expect(host.a.status).toBe('pending');
    tick(1);
    flushMicrotasks();
    fixture.detectChanges(); // zone change detection: the fixture does not update by itself
    expect([host.a.value, host.b.value, host.c.value]).toEqual(['1000 ms', 0, { n: 1 }]);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('done');
  }));

  it('a group timeout fires on the fake clock and leaves no timer behind', fakeAsync(() => {
    const injector = TestBed.inject(Injector);
    const tg = injectTaskGroup({ injector, timeout: 300 });
    const task = tg.startSoon((signal: AbortSignal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))), tg.signal);
    let failure: unknown;
    tg.join().catch((e: unknown) => (failure = e));
    tick(300);
    flushMicrotasks();
    expect((failure as DOMException).name).toBe('TimeoutError');
    expect(task.status).toBe('cancelled');
  }));

  it('injectScope: a failing request alone, a timer task, everything cancelled on destroy', fakeAsync(() => {
    const errors: unknown[] = [];
    @Component({ selector: 'app-s', template: '' })
    class Host {
      http = inject(HttpClient);
      scope = injectScope({ onError: (e) => errors.push(e) });
      bad = this.scope.startSoon(() => this.http.get('/api/bad'));
      slow = this.scope.startSoon(sleep, 5000);
      fast = this.scope.startSoon(sleep, 100);
    }
    const fixture = TestBed.createComponent(Host);
    const host = fixture.componentInstance;
    flushMicrotasks();
    http.expectOne('/api/bad').flush('no', { status: 500, statusText: 'Error' });
    tick(100);
    flushMicrotasks();
    expect([host.bad.status, host.fast.status, host.slow.status]).toEqual(['failed', 'fulfilled', 'pending']);
    expect(errors).toHaveLength(1);
    fixture.destroy();
    expect(host.slow.status).toBe('cancelled');
    tick(5000); // the promise task ignores its signal: its timer still runs out, and the scope closes
    flushMicrotasks();
    expect(host.scope.closed).toBe(true);
  }));

  it('soonSignal: the template shows the value after tick and detectChanges', fakeAsync(() => {
    @Component({ selector: 'app-v', template: '{{ label() }}' })
    class Host {
      scope = injectScope();
      state = soonSignal(this.scope.startSoon(sleep, 250));
      label = () => {
        const state = this.state();
        return state.status === 'fulfilled' ? state.value : state.status;
      };
    }
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toBe('pending');
    tick(250);
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toBe('250 ms');
    fixture.destroy();
  }));

  it('taskGroupResource: loads on the fake clock, and a params change cancels the running batch', fakeAsync(() => {
    @Component({ selector: 'app-r', template: '' })
    class Host {
      http = inject(HttpClient);
      id = signal(1);
      page = taskGroupResource({
        params: () => this.id(),
        body: (tg, id) => [tg.startSoon(sleep, 100), tg.startSoon(() => this.http.get<number>(`/api/page/${id}`))],
      });
    }
    const fixture = TestBed.createComponent(Host);
    const host = fixture.componentInstance;
    fixture.detectChanges();
    flushMicrotasks();
    const first = http.expectOne('/api/page/1');
    host.id.set(2);
    fixture.detectChanges();
    flushMicrotasks();
    expect(first.cancelled).toBe(true);
    http.expectOne('/api/page/2').flush(2);
    tick(100);
    flushMicrotasks();
    fixture.detectChanges();
    expect(host.page.value()).toEqual(['100 ms', 2]);
  }));

  it('waitForAsync and whenStable: a component that loads with a task group renders once stable', waitForAsync(() => {
    @Component({ selector: 'app-w', template: '{{ text() }}' })
    class Host {
      http = inject(HttpClient);
      tg = injectTaskGroup();
      text = signal('loading');
      constructor() {
        const greeting = this.tg.startSoon(() => this.http.get<string>('/api/greeting'));
        const wait = this.tg.startSoon(sleep, 10);
        this.tg.join().then(() => this.text.set(`${greeting.value} after ${wait.value}`));
      }
    }
    const fixture = TestBed.createComponent(Host);
    fixture.autoDetectChanges();
    Promise.resolve()
      .then(() => Promise.resolve())
      .then(() => http.expectOne('/api/greeting').flush('hello'));
    fixture.whenStable().then(() => {
      expect((fixture.nativeElement as HTMLElement).textContent).toBe('hello after 10 ms');
    });
  }));
});
