import type { InjectOptions } from './InjectOptions.js';

/**
 * Options of {@link soonSignal}, as `toSignal`'s: where its lifetime comes from.
 *
 * ## Example
 * ```ts
 * import { soonSignal } from 'rxjs-asyncer/angular';
 *
 * // in ngOnInit, outside an injection context: the task settles in any case, so following it
 * // without a lifetime cannot leak
 * this.user = soonSignal(this.scope.startSoon(loadUser), { manualCleanup: true });
 * ```
 */
export interface SoonSignalOptions extends InjectOptions {
  /**
   * Follow the task until it settles, with no lifetime of its own: no injection context or
   * `injector` is needed. Safe, since a task's SoonValue always settles (its group or scope
   * waits for it, or cancels it); what a destroyed injector adds is only stopping sooner.
   * @default false
   */
  readonly manualCleanup?: boolean;
}
