/**
 * What a project's signal aborts with when the subscriber of `mapConcurrent`, `mapConcurrentFrom`,
 * `mapLatest` or `mapExhaust` leaves. Made only when there is something to abort.
 * @internal
 */
export const unsubscribedReason = (): DOMException => new DOMException('The subscriber unsubscribed', 'AbortError');
