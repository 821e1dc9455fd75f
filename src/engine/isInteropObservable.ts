import { observable } from 'rxjs';

/**
 * Whether `value` is an interop observable (has `Symbol.observable`), as rxjs's `from` accepts.
 * @internal
 */
export const isInteropObservable = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<PropertyKey, unknown>)[observable as PropertyKey] === 'function';
