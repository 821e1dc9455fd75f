import { TestBed } from '@angular/core/testing';
import { createScope } from 'rxjs-asyncer';
import { injectScope, injectTaskGroup, limitRequests, progressSignal, soonSignal, taskGroupResource } from 'rxjs-asyncer/angular';

// The six functions of rxjs-asyncer/angular, handed hostile values where they take an object: a
// revoked Proxy, an object whose every read throws, a Symbol. Each throws at the call, inside an
// injection context, a TypeError naming the argument, never a stray error from inside.

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const throwing = (): object =>
  new Proxy({}, {
    get() {
      throw new Error('getter threw');
    },
    has() {
      throw new Error('has threw');
    },
    ownKeys() {
      throw new Error('ownKeys threw');
    },
  });
const hostile: [string, () => unknown][] = [
  ['a revoked Proxy', revoked],
  ['an object whose reads throw', throwing],
  ['a Symbol', () => Symbol('hostile')],
];

const calls: [string, (value: never) => unknown, RegExp][] = [
  ['injectTaskGroup(options)', (o) => injectTaskGroup(o), /^injectTaskGroup\(options\): options/],
  ['injectScope(options)', (o) => injectScope(o), /^injectScope\(options\): options/],
  ['taskGroupResource(options)', (o) => taskGroupResource(o), /^taskGroupResource\(options\): options/],
  ['soonSignal(soon, options): soon', (s) => soonSignal(s), /^soonSignal\(soon, options\): soon/],
  ['soonSignal(soon, options): options', (o) => soonSignal(createScope().startSoon(() => 1), o), /^soonSignal\(soon, options\): options/],
  ['progressSignal(source, options): source', (s) => progressSignal(s), /^progressSignal\(source\): source/],
  ['progressSignal(source, options): options', (o) => progressSignal(createScope(), o), /^progressSignal\(source, options\): options/],
  ['limitRequests(limiter, matches): limiter', (l) => limitRequests(l), /^limitRequests\(limiter, matches\): limiter/],
];

describe.each(calls)('%s refuses hostile values at once', (_name, call, message) => {
  it.each(hostile)('%s', (_kind, make) => {
    let thrown: unknown;
    TestBed.runInInjectionContext(() => {
      try {
        call(make() as never);
      } catch (error) {
        thrown = error;
      }
    });
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as TypeError).message).toMatch(message);
  });
});

describe('taskGroupResource(options): options.timeout', () => {
  it.each([2 ** 31, NaN, -1])('refuses %p at once, through the engine\'s one duration check', (timeout) => {
    TestBed.runInInjectionContext(() => {
      expect(() => taskGroupResource({ body: () => 1, timeout })).toThrow(
        new RangeError(`taskGroupResource(options): options.timeout must be a number of milliseconds from 0 to 2147483647, or Infinity, got ${String(timeout)}`),
      );
    });
  });
});

// A typo in options is refused at the call, naming the key and the closest known one, as in every
// entry point (test/hostile/unknownKeys.test.ts for the others).
const typos: [string, (options: object) => unknown, string, string][] = [
  ['injectTaskGroup', (o) => injectTaskGroup(o), 'timout', 'timeout'],
  ['injectTaskGroup', (o) => injectTaskGroup(o), 'injectr', 'injector'],
  ['injectScope', (o) => injectScope(o), 'nme', 'name'],
  ['taskGroupResource', (o) => taskGroupResource({ body: () => 1, ...o }), 'paramz', 'params'],
  ['soonSignal', (o) => soonSignal(createScope().startSoon(() => 1), o), 'injectr', 'injector'],
  ['progressSignal', (o) => progressSignal(createScope(), o), 'injecter', 'injector'],
];

describe.each(typos)('%s refuses an unknown key', (name, call, typo, meant) => {
  it(`'${typo}', at once, naming it and '${meant}'`, () => {
    let thrown: unknown;
    TestBed.runInInjectionContext(() => {
      try {
        call({ [typo]: 1 });
      } catch (error) {
        thrown = error;
      }
    });
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as TypeError).message).toMatch(new RegExp(`^${name}\\([^)]*\\): options has no key '${typo}': did you mean '${meant}'\\?`));
  });
});

describe('concurrency', () => {
  it('bounds a group made by injectTaskGroup, and is checked by taskGroupResource at the call', async () => {
    let running = 0;
    const never = (): Promise<never> => {
      running++;
      return new Promise<never>(() => undefined);
    };
    const tg = TestBed.runInInjectionContext(() => injectTaskGroup({ concurrency: 1 }));
    tg.startSoon(never);
    tg.startSoon(never);
    await Promise.resolve();
    await Promise.resolve();
    expect(running).toBe(1);
    tg.cancel();
    TestBed.runInInjectionContext(() => {
      expect(() => taskGroupResource({ body: () => 1, concurrency: 2 })).not.toThrow();
      expect(() => taskGroupResource({ body: () => 1, concurrency: 0 })).toThrow(RangeError);
    });
  });
});
