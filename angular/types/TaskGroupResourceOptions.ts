import type { ValueEqualityFn } from '@angular/core';
import type { Resolved, TaskGroup, TaskGroupOptions } from '../../src/index.js';
import type { InjectOptions } from './InjectOptions.js';

/**
 * Options of {@link taskGroupResource}: the body, what it depends on, and the task group's
 * options (`timeout`, `name`, `limiter`; its `signal` is the resource's own).
 *
 * ## Example
 * ```ts
 * import type { TaskGroupResourceOptions } from 'rxjs-asyncer/angular';
 *
 * const options: TaskGroupResourceOptions<Promise<number>, string> = {
 *   params: () => 'ada',
 *   body: async (tg, id) => (await tg.startSoon(loadUser, id)).age,
 * };
 * ```
 */
export interface TaskGroupResourceOptions<R, P> extends Omit<TaskGroupOptions, 'signal'>, InjectOptions {
  /**
   * What the body depends on, read in a reactive context: when it changes, the running batch is
   * cancelled and the body runs again. Returning `undefined` leaves the resource idle.
   * @default a constant: the body runs once
   */
  readonly params?: () => P;
  /** Starts the batch: gets a new task group and the params; returns the result (as `runTaskGroup`). */
  readonly body: (tg: TaskGroup, params: Exclude<P, undefined>) => R;
  /**
   * The value while there is none yet (and while idle or failed).
   * @default undefined
   */
  readonly defaultValue?: Resolved<R>;
  /**
   * When two results are the same value, for the resource's `value` signal.
   * @default Object.is
   */
  readonly equal?: ValueEqualityFn<Resolved<R>>;
}
