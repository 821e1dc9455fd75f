/**
 * Whether `value` is a PromiseLike: an object or function with a `then` method.
 * @internal
 */
export const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as PromiseLike<unknown>).then === 'function';

/**
 * `isPromiseLike` for values a user handed back, whose shape may not be readable (a revoked
 * Proxy, a `then` getter that throws): such a value is not a promise one can wait for.
 * @internal
 */
export const isPromiseLikeSafe = (value: unknown): value is PromiseLike<unknown> => {
  try {
    return isPromiseLike(value);
  } catch {
    return false;
  }
};
