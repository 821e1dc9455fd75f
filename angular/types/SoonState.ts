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
 *     case 'failed': return `failed: ${String(state.error)}`;
 *     case 'cancelled': return 'cancelled';
 *   }
 * }
 * ```
 */
export type SoonState<T> =
  | {
      /** The task still runs. */
      readonly status: 'pending';
    }
  | {
      /** The task gave a value. */
      readonly status: 'fulfilled';
      /** Its value. */
      readonly value: T;
    }
  | {
      /** The task failed. */
      readonly status: 'failed';
      /** What it failed with. */
      readonly error: unknown;
    }
  | {
      /** The task was cancelled before it settled. */
      readonly status: 'cancelled';
      /** Why: the reason its group or scope was cancelled with. */
      readonly reason: unknown;
    };
