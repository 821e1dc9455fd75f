import { assertInInjectionContext, inject, Injector, resource, signal, type ResourceRef, type Signal } from '@angular/core';
import { runTaskGroup, type Progress, type Resolved } from '../src/index.js';
import { checkResourceOptions } from './internal/checks.js';
import { NO_PROGRESS } from './internal/noProgress.js';
import type { TaskGroupResourceOptions } from './types/TaskGroupResourceOptions.js';

/** What `taskGroupResource` adds to Angular's `ResourceRef`. */
export interface ResourceProgress {
  /** How far the current batch has got (the counts of its task group). */
  readonly progress: Signal<Progress>;
}

/**
 * A task group as an Angular `resource`: the body's batch runs whenever `params` changes (the
 * previous batch is cancelled: its requests are cancelled, its signal aborts), and its result is a
 * signal with Angular's `status`, `isLoading`, `error` and `reload()`. `progress` follows the
 * current batch. Destroying the component or service cancels the batch that runs.
 *
 * Built on Angular's own `resource()`, so it behaves as every resource does: `params` returning
 * `undefined` leaves it idle, `value` keeps `defaultValue` until the first result, a failure is
 * `status() === 'error'` with `error()`.
 *
 * ## Example
 * ```ts
 * import { Component, inject, signal } from '@angular/core';
 * import { HttpClient } from '@angular/common/http';
 * import { taskGroupResource } from 'rxjs-asyncer/angular';
 *
 * @Component({ selector: 'app-profile', template: '{{ page.value()?.user?.name }} ({{ page.progress().fulfilled }}/2)' })
 * export class ProfileComponent {
 *   private http = inject(HttpClient);
 *   userId = signal('ada');
 *   page = taskGroupResource({
 *     params: () => this.userId(),
 *     body: (tg, id) => ({
 *       user: tg.startSoon(() => this.http.get<{ name: string }>(`/api/users/${id}`)),
 *       posts: tg.startSoon(() => this.http.get<string[]>(`/api/users/${id}/posts`)),
 *     }),
 *   });
 * }
 * ```
 *
 * @param options `body`, `params`, `defaultValue`, `equal`, the task group's `timeout`, `name`
 * and `limiter`, and `injector` outside an injection context.
 * @returns the resource, and its `progress` signal.
 * @throws {Error} NG0203 outside an injection context without `injector`.
 * @throws {TypeError} when `body` is not a function.
 */
export function taskGroupResource<R extends readonly unknown[] | [], P = true>(
  options: TaskGroupResourceOptions<R, P>,
): ResourceRef<Resolved<R> | undefined> & ResourceProgress;
/**
 * A task group as an Angular `resource`; the signature for bodies that return anything but an
 * array (the one above keeps an array's positions).
 */
export function taskGroupResource<R, P = true>(
  options: TaskGroupResourceOptions<R, P>,
): ResourceRef<Resolved<R> | undefined> & ResourceProgress;
export function taskGroupResource<R, P = true>(
  options: TaskGroupResourceOptions<R, P>,
): ResourceRef<Resolved<R> | undefined> & ResourceProgress {
  // checked here, at the call, not at the first load
  const read = checkResourceOptions(options) as TaskGroupResourceOptions<R, P>;
  const { params, body, defaultValue, equal, timeout, name, limiter, concurrency, parent } = read;
  let injector = read.injector as Injector | undefined;
  if (injector === undefined) {
    assertInInjectionContext(taskGroupResource);
    injector = inject(Injector);
  }
  const progress = signal<Progress>(NO_PROGRESS);
  const ref = resource<Resolved<R> | undefined, Exclude<P, undefined>>({
    params: (params ?? (() => true)) as () => Exclude<P, undefined>,
    loader: ({ params: value, abortSignal }) =>
      runTaskGroup<R>(
        (tg) => {
          tg.progress$.subscribe((p) => progress.set(p)); // completes when the group closes
          return body(tg, value);
        },
        { timeout, name, limiter, concurrency, parent, signal: abortSignal },
      ),
    defaultValue,
    equal: equal as ((a: Resolved<R> | undefined, b: Resolved<R> | undefined) => boolean) | undefined,
    injector,
  });
  return Object.assign(ref, { progress: progress.asReadonly() });
}
