import type { AcquireOptions } from '../types/AcquireOptions.js';
import type { TaskResult } from '../types/TaskResult.js';
import { checkAcquireArgs, checkLimiterRunArgs } from './checks/checkLimiterRunArgs.js';
import { LimitedCall } from './LimitedCall.js';
import type { Slots } from './Slots.js';

/**
 * Every limiter's `run(fn, signal, options)`: checks the call, then one {@link LimitedCall} on
 * `slots` (the limiter's own, or a PermitSlots over its `acquire`).
 * @param ordered whether the limiter takes priorities
 * @internal
 */
export function runLimited<T>(slots: Slots, ordered: boolean, fn: (signal: AbortSignal) => T, signal: AbortSignal | undefined, options: AcquireOptions | undefined): Promise<TaskResult<T>> {
  checkLimiterRunArgs(fn, signal);
  const priority = checkAcquireArgs(options, ordered, 'limiter.run(fn, signal, options)');
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => new LimitedCall(slots, fn, signal, resolve, reject).start(priority));
}
