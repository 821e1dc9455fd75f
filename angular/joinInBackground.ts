import { ErrorHandler, inject } from '@angular/core';
import type { Scope, TaskGroup } from '../src/index.js';
import { checkBackgroundWork } from './internal/checks.js';
import { destroyRefOf, injectorOption } from './internal/bindToDestroy.js';
import type { InjectOptions } from './types/InjectOptions.js';

/**
 * Lets a group or scope finish on its own, and reports what went wrong to Angular's
 * `ErrorHandler` (the console, or your Sentry handler): the replacement for
 * `void tg.join().catch(() => undefined)`, which also swallowed timeouts and failures.
 *
 * - A task group is joined: a failure or a `TimeoutError` goes to `ErrorHandler.handleError`; a
 *   cancel (the component destroyed, `tg.cancel()`) is not an error and is not reported.
 * - A scope is closed (no new task; it ends when its tasks have): each task failure goes to the
 *   `ErrorHandler` as it happens (through `errors$`, so it counts as observed).
 *
 * ## Example
 * ```ts
 * import { Component, inject } from '@angular/core';
 * import { HttpClient } from '@angular/common/http';
 * import { injectTaskGroup, joinInBackground } from 'rxjs-asyncer/angular';
 *
 * @Component({ selector: 'app-orders', template: '' })
 * export class OrdersComponent {
 *   private http = inject(HttpClient);
 *   private tg = injectTaskGroup({ timeout: 10_000 });
 *
 *   constructor() {
 *     this.tg.startSoon(() => this.http.get('/api/orders'));
 *     joinInBackground(this.tg); // a failure or a timeout reaches ErrorHandler; a destroy does not
 *   }
 * }
 * ```
 *
 * @param work the task group or scope.
 * @param options `injector` outside an injection context.
 * @throws {TypeError} when `work` is neither a TaskGroup nor a Scope.
 * @throws {Error} NG0203 outside an injection context without `injector`, with what to do.
 */
export function joinInBackground(work: TaskGroup | Scope, options?: InjectOptions): void {
  const kind = checkBackgroundWork(work);
  const injector = injectorOption(options, 'joinInBackground(work, options)');
  destroyRefOf(joinInBackground, injector); // an injection context, or an injector: NG0203 here
  const handler = injector === undefined ? inject(ErrorHandler) : injector.get(ErrorHandler);
  const report = (error: unknown): void => handler.handleError(error);
  if (kind === 'scope') {
    const scope = work as Scope;
    scope.errors$.subscribe(report); // completes once the scope has closed
    void scope.close();
  } else {
    (work as TaskGroup).join().catch(report);
  }
}
