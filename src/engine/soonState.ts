/** Where a task stands: what `SoonValue.status` says (public, so not internal). */
export type SoonStatus = 'pending' | 'fulfilled' | 'failed' | 'cancelled';

/**
 * The status in the two low bits of `_state`, in this order. One small-integer field holds both
 * the status and where the task stands (GroupTask uses the bits above): a task costs one object,
 * all of a batch's tasks are alive at once, and every field is 8 bytes per task.
 * @internal
 */
export const STATUSES: readonly SoonStatus[] = ['pending', 'fulfilled', 'failed', 'cancelled'];
/** @internal the bits of `_state` that hold the status */
export const STATUS_BITS = 3;
/** @internal */
export const PENDING = 0;
/** @internal */
export const FULFILLED = 1;
/** @internal */
export const FAILED = 2;
/** @internal */
export const CANCELLED = 3;
/** @internal what `_settle` takes */
export type SettledStatus = typeof FULFILLED | typeof FAILED | typeof CANCELLED;
