/**
 * Whether `value` is a PromiseLike: an object or function with a `then` method.
 * @internal
 */
export const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as PromiseLike<unknown>).then === 'function';
