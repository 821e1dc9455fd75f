import { Observable } from 'rxjs';

/** Values an adversarial caller hands in. Each is made fresh, so tests cannot share state. */

/** An object whose `then` getter throws: probing it for "is this a promise?" throws. */
export const throwingThen = (error: unknown = new Error('then getter threw')): object =>
  Object.defineProperty({}, 'then', {
    get() {
      throw error;
    },
  });

/** A revoked Proxy: every operation on it (instanceof, property reads, Array.isArray) throws. */
export const revokedProxy = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

/** An error whose `message` getter throws. */
export const errorWithThrowingMessage = (): Error => {
  const error = new Error('x');
  Object.defineProperty(error, 'message', {
    get() {
      throw new Error('message getter threw');
    },
  });
  return error;
};

/** An error whose cause is itself. */
export const circularError = (): Error => {
  const error = new Error('circular') as Error & { cause?: unknown };
  error.cause = error;
  return error;
};

/** Reasons that cannot be turned into a string the usual way. */
export const unprintableReasons = (): [string, unknown][] => [
  ['a Symbol', Symbol('why')],
  ['an object without toString', Object.create(null) as object],
  ['an error whose message getter throws', errorWithThrowingMessage()],
  ['an object whose message is a Symbol', { message: Symbol('m') }],
  ['a revoked Proxy', revokedProxy()],
  ['an error with a circular cause', circularError()],
];

/** An Observable that never ends and whose teardown throws `error`. */
export const throwingTeardown = (error: unknown, onTeardown?: () => void): Observable<never> =>
  new Observable<never>(() => () => {
    onTeardown?.();
    throw error;
  });

/** An Observable that emits `value`, completes at once, and whose teardown then throws. */
export const syncWithThrowingTeardown = <T>(value: T, error: unknown): Observable<T> =>
  new Observable<T>((subscriber) => {
    subscriber.next(value);
    subscriber.complete();
    return () => {
      throw error;
    };
  });

/** An Observable whose subscribe function throws. */
export const throwingSubscribe = (error: unknown): Observable<never> =>
  new Observable<never>(() => {
    throw error;
  });

/** An object whose every read, `in` test and key listing throws. */
export const throwingObject = (): object =>
  new Proxy(
    {},
    {
      get() {
        throw new Error('getter threw');
      },
      has() {
        throw new Error('has threw');
      },
      ownKeys() {
        throw new Error('ownKeys threw');
      },
    },
  );

/** Checks that `call` throws, at the call, a TypeError whose message matches `message`. */
export function expectTypeErrorAtOnce(call: () => unknown, message: RegExp): void {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(TypeError);
  expect((thrown as TypeError).message).toMatch(message);
}
