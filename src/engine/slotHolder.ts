/**
 * A task that holds a limiter's slot while its code runs: its function, and the subscription of
 * the Observable it returned (an Angular request's interceptors run there). A limiter asked again
 * by that code, for the same limiter (`limiter.run` inside the task, `limitRequests` for a request
 * the task makes, a `gather` with the same limiter), runs the call on the task's own slot instead
 * of queueing it behind itself: the deadlock p-limit users hit when a helper limits its own calls.
 * @internal
 */
export interface SlotHolder {
  /** Whether this holder has a slot of `limiter` (the object users hold: a Limiter, a LimiterLike). */
  holdsSlotOf(limiter: object): boolean;
}

/**
 * The holder whose code runs right now, synchronously (set around a task's function and its
 * Observable's subscription); across an `await` it is gone, unless `linkAcrossAwaits()` carries
 * it (`taskContext`).
 * @internal
 */
export const slotHolder: { current: SlotHolder | undefined; across: (() => SlotHolder | undefined) | undefined } = { current: undefined, across: undefined };

/**
 * Whether the code running now holds a slot of `limiter` through its task: then a new call on
 * `limiter` runs on that slot.
 * @internal
 */
export const holdsSlotNow = (limiter: object): boolean => {
  const holder = slotHolder.current ?? slotHolder.across?.();
  return holder !== undefined && holder.holdsSlotOf(limiter);
};
