/**
 * The error of a Redis-backed limiter that could not do its work: Redis did not answer in time,
 * refused a script, or the limiter was disposed while a call waited. Its `cause` is what the
 * client reported, if anything.
 *
 * ## Example
 * ```ts
 * import { RedisLimiterError } from 'rxjs-asyncer/redis';
 *
 * try {
 *   await limiter.run((signal) => charge(order, signal));
 * } catch (error) {
 *   if (error instanceof RedisLimiterError) retryLater(order); // the limit could not be checked
 *   else throw error;
 * }
 * ```
 */
export class RedisLimiterError extends Error {
  /** Always `'RedisLimiterError'`. */
  override readonly name = 'RedisLimiterError';
  /**
   * @param message what went wrong, naming the limiter and its key.
   * @param key the limiter's key.
   * @param options the cause.
   */
  constructor(
    message: string,
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
