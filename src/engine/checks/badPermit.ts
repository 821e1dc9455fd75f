import { describe } from '../describe.js';

/**
 * The error for what a foreign limiter's `acquire()` resolved to when it is not a permit: no
 * `release()` method, or (`signal` given) a signal that is not an AbortSignal. Returned, not
 * thrown: the task waiting for it fails with it.
 * @param what names the option, e.g. "createTaskGroup(options): options.limiter"
 * @internal
 */
export const badPermit = (what: string, permit: unknown, ...signal: [unknown?]): TypeError =>
  new TypeError(
    signal.length > 0
      ? `${what}.acquire() resolved to a permit whose signal must be an AbortSignal, got ${describe(signal[0])}`
      : `${what}.acquire() must resolve to a permit with a release() method, got ${describe(permit)}`,
  );
