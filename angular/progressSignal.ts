import { signal, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { Limiter, LimiterState, Progress, Scope, TaskGroup } from '../src/index.js';
import { checkProgressSource } from './internal/checks.js';
import { NO_PROGRESS } from './internal/noProgress.js';
import { destroyRefOf, injectorOption } from './internal/bindToDestroy.js';
import type { InjectOptions } from './types/InjectOptions.js';
import type { ProgressSignal } from './types/ProgressSignal.js';

/**
 * How far a group or scope has got ({@link Progress}), or a limiter's state ({@link LimiterState}),
 * as a signal: for a progress bar or a "3 of 10" label. It has a value at once (the current
 * counts), follows every change, keeps the last value once the group closes, and stops listening
 * when the injection context is destroyed.
 *
 * ## Example
 * ```ts
 * import { Component } from '@angular/core';
 * import { injectTaskGroup, progressSignal } from 'rxjs-asyncer/angular';
 *
 * @Component({ selector: 'app-import', template: '{{ progress().fulfilled }} / {{ progress().total }}' })
 * export class ImportComponent {
 *   private tg = injectTaskGroup();
 *   progress = progressSignal(this.tg);
 * }
 * ```
 *
 * Without a source, `progressSignal()` is a {@link ProgressSignal}: every count 0, then what the
 * operator it is given to as `progress` reports (`gather(inputs, { progress })`).
 *
 * @param source a task group, a scope or a limiter; none for an operator's `progress` option.
 * @param options `injector` outside an injection context.
 * @returns a read-only signal of the counts.
 * @throws {Error} NG0203 outside an injection context without `injector`.
 * @throws {TypeError} when `source` is none of those.
 */
export function progressSignal(source: TaskGroup | Scope, options?: InjectOptions): Signal<Progress>;
export function progressSignal(source: Limiter, options?: InjectOptions): Signal<LimiterState>;
export function progressSignal(source: TaskGroup | Scope | Limiter, options?: InjectOptions): Signal<Progress | LimiterState>;
/**
 * For an operator's `progress` option: a {@link ProgressSignal}, every count 0, then what the
 * operator reports. Needs no injection context (nothing subscribes).
 *
 * ## Example
 * ```ts
 * import { progressSignal } from 'rxjs-asyncer/angular';
 * import { gather } from 'rxjs-asyncer/operators';
 *
 * const progress = progressSignal();
 * const page$ = gather(requests, { progress }); // the template reads progress().fulfilled
 * ```
 *
 * @returns the signal, also an Observer of `Progress`.
 */
export function progressSignal(): ProgressSignal;
export function progressSignal(source?: TaskGroup | Scope | Limiter, options?: InjectOptions): Signal<Progress | LimiterState> {
  // no source: a signal an operator's `progress` option feeds (it needs no lifetime: nothing
  // subscribes; the operator stops calling it when its subscription ends)
  if (arguments.length === 0) {
    const state = signal<Progress>(NO_PROGRESS);
    return Object.assign(state.asReadonly(), { next: (progress: Progress) => state.set(progress) }) satisfies ProgressSignal;
  }
  const stream = checkProgressSource(source);
  const injector = injectorOption(options, 'progressSignal(source, options)');
  destroyRefOf(progressSignal, injector); // NG0203 here, naming this function
  return toSignal(stream, { requireSync: true, injector });
}
