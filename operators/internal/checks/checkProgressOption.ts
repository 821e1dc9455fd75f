import type { Observer } from 'rxjs';
import type { Progress } from '../../../src/index.js';
import { describe, CountTracker } from '../../../src/engine/index.js';

/**
 * Checks an operator's `progress` option and makes the tracker that feeds it, or undefined when
 * there is none (then the operator counts nothing at all).
 * @param what how the message names the option: `gather(inputs, options): options.progress`
 * @internal
 */
export function checkProgressOption(value: unknown, what: string): (() => CountTracker) | undefined {
  if (value === undefined) return undefined;
  // an Observer first, even when it is also a function (Angular's `progressSignal()`: a signal
  // with `next`), then a plain callback
  if (typeof value === 'function' && typeof (value as Partial<Observer<Progress>>).next !== 'function') {
    const callback = value as (progress: Progress) => void;
    return () => new CountTracker(callback);
  }
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
    const observer = value as Partial<Observer<Progress>>;
    const { next, complete } = observer;
    if (typeof next === 'function' || typeof complete === 'function') {
      return () =>
        new CountTracker(
          typeof next === 'function' ? (progress) => next.call(observer, progress) : () => undefined,
          typeof complete === 'function' ? () => complete.call(observer) : undefined,
        );
    }
  }
  throw new TypeError(`${what} must be a function or an Observer of Progress, got ${describe(value)}`);
}
