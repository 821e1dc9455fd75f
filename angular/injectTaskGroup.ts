import { createTaskGroup, type TaskGroup, type TaskGroupOptions } from '../src/index.js';
import { GROUP_OPTIONS } from '../src/engine/index.js';
import { injectCancellable } from './internal/injectCancellable.js';
import type { InjectOptions } from './types/InjectOptions.js';

/**
 * A task group for one batch of work, tied to the lifetime of the component or service that
 * injects it: when that is destroyed, the group is **cancelled** (not failed): open HTTP requests
 * are cancelled (HttpClient unsubscribes), promise tasks see `tg.signal` abort, tasks not started
 * never start. Once the group has closed, its destroy listener is removed.
 *
 * Everything else is {@link createTaskGroup}: `join()` (or `await using`) waits for the tasks;
 * the first failure cancels the rest.
 *
 * ## Example
 * ```ts
 * import { Component, inject, signal } from '@angular/core';
 * import { HttpClient } from '@angular/common/http';
 * import { injectTaskGroup } from 'rxjs-asyncer/angular';
 *
 * @Component({ selector: 'app-dashboard', template: '{{ summary() }}' })
 * export class DashboardComponent {
 *   private http = inject(HttpClient);
 *   private tg = injectTaskGroup({ timeout: 10_000 });
 *   summary = signal('loading');
 *
 *   constructor() {
 *     const profile = this.tg.startSoon(() => this.http.get<{ name: string }>('/api/profile'));
 *     const orders = this.tg.startSoon(() => this.http.get<unknown[]>('/api/orders'));
 *     this.tg.join().then(() => this.summary.set(`${profile.value.name}: ${orders.value.length} orders`));
 *   }
 * }
 * ```
 *
 * @param options the task group's options, and `injector` outside an injection context.
 * @returns an open task group.
 * @throws {Error} NG0203 outside an injection context without `injector`; a clear error when
 * the injector is already destroyed (and no work starts).
 * @throws {TypeError | RangeError} when an option is invalid.
 */
export function injectTaskGroup(options?: TaskGroupOptions & InjectOptions): TaskGroup {
  return injectCancellable(injectTaskGroup, options, createTaskGroup, 'task group', GROUP_OPTIONS);
}
