import type { Signal } from '@angular/core';
import type { Progress } from '../../src/index.js';

/**
 * What `progressSignal()` (without a source) returns: a signal of {@link Progress} that is also
 * the Observer an operator's `progress` option takes, so one object feeds and shows the counts.
 *
 * ## Example
 * ```ts
 * import { progressSignal } from 'rxjs-asyncer/angular';
 * import { gather } from 'rxjs-asyncer/operators';
 *
 * const progress = progressSignal();                 // every count 0 until the operator runs
 * const page$ = gather(requests, { progress });      // the template reads progress().fulfilled
 * ```
 */
export interface ProgressSignal extends Signal<Progress> {
  /** Sets the counts: called by the operator the signal is given to as its `progress` option. */
  next(progress: Progress): void;
}
