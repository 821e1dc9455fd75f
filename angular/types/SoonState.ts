/**
 * Where a task stands, as a signal's value: made by {@link soonSignal}. A discriminated union on
 * `status`, for `@switch` in templates.
 *
 * ## Example
 * ```ts
 * import type { SoonState } from 'rxjs-asyncer/angular';
 *
 * function label(state: SoonState<User>): string {
 *   switch (state.status) {
 *     case 'pending': return 'loading...';
 *     case 'fulfilled': return state.value.name;
 *     case 'rejected': return `failed: ${String(state.error)}`;
 *     case 'cancelled': return 'cancelled';
 *   }
 * }
 * ```
 */
export type SoonState<T> =
  | { readonly status: 'pending' }
  | { readonly status: 'fulfilled'; readonly value: T }
  | { readonly status: 'rejected'; readonly error: unknown }
  | { readonly status: 'cancelled'; readonly reason: unknown };
