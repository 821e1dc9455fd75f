import { signal, type Signal } from '@angular/core';
import { CancelledError, type SoonValue } from '../src/index.js';
import { checkSoonSignalArgs } from './internal/checks.js';
import { destroyRefOf } from './internal/bindToDestroy.js';
import type { SoonSignalOptions } from './types/SoonSignalOptions.js';
import type { SoonState } from './types/SoonState.js';

/**
 * A task's state as a signal: `{ status: 'pending' }`, then `fulfilled` with its value,
 * `failed` with its error, or `cancelled` with the reason. The signal follows the task once; it
 * stops listening when the task settles, or when the injection context is destroyed first
 * (with `manualCleanup: true`, only when the task settles: it always does).
 *
 * ## Example
 * ```ts
 * import { Component, inject } from '@angular/core';
 * import { HttpClient } from '@angular/common/http';
 * import { injectScope, soonSignal } from 'rxjs-asyncer/angular';
 *
 * @Component({
 *   selector: 'app-user',
 *   template: `@switch (user().status) {
 *     @case ('fulfilled') { {{ $any(user()).value.name }} }
 *     @case ('pending') { loading... }
 *     @default { could not load }
 *   }`,
 * })
 * export class UserComponent {
 *   private scope = injectScope();
 *   user = soonSignal(this.scope.startSoon(() => inject(HttpClient).get<{ name: string }>('/api/user')));
 * }
 * ```
 *
 * @param soon a task's SoonValue.
 * @param options `injector` outside an injection context, or `manualCleanup: true` (as `toSignal`).
 * @returns a read-only signal of the task's state.
 * @throws {Error} NG0203 outside an injection context without `injector` or `manualCleanup`,
 * with what to do.
 * @throws {TypeError} when `soon` is not a SoonValue.
 */
export function soonSignal<T>(soon: SoonValue<T>, options?: SoonSignalOptions): Signal<SoonState<T>> {
  const { injector, manualCleanup } = checkSoonSignalArgs(soon, options);
  const destroyRef = manualCleanup ? undefined : destroyRefOf(soonSignal, injector);
  const state = signal<SoonState<T>>({ status: 'pending' });
  const subscription = soon.subscribe({
    next: (value) => state.set({ status: 'fulfilled', value }),
    error: (error: unknown) =>
      state.set(error instanceof CancelledError ? { status: 'cancelled', reason: error.reason } : { status: 'failed', error }),
  });
  if (destroyRef !== undefined && !subscription.closed) {
    const unregister = destroyRef.onDestroy(() => subscription.unsubscribe());
    subscription.add(unregister); // settled first: the destroy listener goes too
  }
  return state.asReadonly();
}
