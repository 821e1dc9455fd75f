import { isObservable } from 'rxjs';
import { isInteropObservable, describe } from '../../../src/engine/index.js';

/**
 * Whether `value` can be a TaskInput: a function, an Observable, an interop observable or a
 * PromiseLike.
 * @internal
 */
export const isTaskInput = (value: unknown): boolean => {
  try {
    if (typeof value === 'function') return true;
    // an object: an Observable, an interop observable, or a PromiseLike
    return typeof value === 'object' && value !== null && (isObservable(value) || isInteropObservable(value) || typeof (value as PromiseLike<unknown>).then === 'function');
  } catch {
    return false; // a revoked Proxy: refused by name like any other bad input
  }
};

/**
 * Checks every entry of an inputs array or record, naming the bad one: `inputs[2]`, `inputs.user`.
 * @internal
 */
export function assertTaskInputs(entries: readonly unknown[], keys: readonly string[] | undefined, caller: string): void {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    // a function, the common input, needs no call: a gather of 100,000 inputs checks them all
    if (typeof entry !== 'function' && !isTaskInput(entry)) {
      const where = keys ? `inputs.${keys[i]}` : `inputs[${i}]`;
      throw new TypeError(`${caller}: ${where} must be an Observable, a PromiseLike or a function of an AbortSignal, got ${describe(entry)}`);
    }
  }
}
