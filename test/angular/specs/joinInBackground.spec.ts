import { createEnvironmentInjector, EnvironmentInjector, ErrorHandler, Injector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { injectScope, injectTaskGroup, joinInBackground } from 'rxjs-asyncer/angular';
import { flush } from './helpers';

// joinInBackground: a group or scope left to finish on its own, what went wrong reported to
// Angular's ErrorHandler (the boilerplate `void tg.join().catch(() => undefined)` swallowed it).

describe('joinInBackground', () => {
  let reported: unknown[];
  beforeEach(() => {
    reported = [];
    TestBed.configureTestingModule({ providers: [{ provide: ErrorHandler, useValue: { handleError: (error: unknown) => reported.push(error) } }] });
  });

  it("reports a group's failure to the ErrorHandler", async () => {
    const boom = new Error('orders failed');
    let fail!: (error: unknown) => void;
    TestBed.runInInjectionContext(() => {
      const tg = injectTaskGroup();
      tg.startSoon(() => new Promise((_, reject) => (fail = reject)));
      joinInBackground(tg);
    });
    await flush();
    expect(reported).toEqual([]);
    fail(boom);
    await flush();
    expect(reported).toEqual([boom]);
  });

  it('does not report a cancel: the component destroyed while the group ran', async () => {
    const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    let aborted = false;
    const tg = injectTaskGroup({ injector });
    tg.startSoon(() => new Promise((resolve) => tg.signal.addEventListener('abort', () => resolve((aborted = true)))));
    joinInBackground(tg, { injector });
    await flush();
    injector.destroy();
    await flush();
    expect(aborted).toBe(true);
    expect(reported).toEqual([]);
  });

  it("reports each of a scope's task failures as it happens, and closes the scope", async () => {
    const first = new Error('first');
    const second = new Error('second');
    const scope = injectScope({ injector: TestBed.inject(Injector) });
    scope.startSoon(() => Promise.reject(first));
    joinInBackground(scope, { injector: TestBed.inject(Injector) });
    expect(scope.closed).toBe(true);
    await flush();
    expect(reported).toEqual([first]);
    expect(() => scope.startSoon(() => Promise.reject(second))).toThrow(/closed/);
  });

  it('refuses what is neither a group nor a scope, and says what to do outside an injection context', () => {
    expect(() => TestBed.runInInjectionContext(() => joinInBackground({} as never))).toThrow(
      new TypeError('joinInBackground(work, options): work must be a TaskGroup or a Scope, got [object Object]'),
    );
    const scope = injectScope({ injector: TestBed.inject(Injector) });
    expect(() => joinInBackground(scope)).toThrow(/NG0203[\s\S]*pass \{ injector \}/);
    scope.cancel();
  });
});
