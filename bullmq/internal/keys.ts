/**
 * The keys this entry point adds to a queue's, all under the queue's prefix: `<prefix>:<queue>:rxa:…`.
 * @internal
 */
export const keysOf = (prefix: string, queue: string) => {
  const base = `${prefix}:${queue}:rxa`;
  return {
    /** a caller's lease: exists while the caller lives (PX, renewed) */
    lease: (callerId: string): string => `${base}:lease:${callerId}`,
    /**
     * a caller's mark of the data it wrote, with a long TTL renewed with the lease: gone while the
     * caller lives means Redis lost its data (a lease can run out in a stall; this cannot)
     */
    written: (callerId: string): string => `${base}:written:${callerId}`,
    /** a job cancelled by its caller: a worker about to start it skips it */
    cancelled: (jobId: string): string => `${base}:cancelled:${jobId}`,
    /** the channel a caller publishes a cancelled job's id on: the worker running it aborts it */
    cancelChannel: `${base}:cancel`,
    /**
     * a caller's results: a list workers push `[jobId, outcome]` onto and the caller pops, so that
     * no result depends on BullMQ's events stream, which is trimmed (about 10,000 entries)
     */
    results: (callerId: string): string => `${base}:results:${callerId}`,
    /** BullMQ's hash of a job: there while the job waits or runs (its jobs are removed when they end) */
    job: (jobId: string): string => `${prefix}:${queue}:${jobId}`,
  };
};

/**
 * Why a worker drops a job whose caller has no lease. A caller that hears it about its own call
 * knows its lease was lost (Redis lost its data, or it stalled past its lease). @internal
 */
export const CALLER_GONE = 'its caller is gone (its lease expired)';

/** What a job carries. @internal */
export interface JobData {
  /** the task's name */
  readonly t: string;
  /** its arguments */
  readonly a: unknown[];
  /**
   * the caller's id: its lease and results list are `keysOf(...).lease(c)` and `.results(c)`
   * (an id, not the two keys: every byte of a job is written, stored, read and parsed)
   */
  readonly c: string;
  /** the caller's lease, ms */
  readonly m: number;
  /** the W3C `traceparent` of the call's span, while the caller traces (`rxjs-asyncer/otel`) */
  readonly p?: string;
}

/**
 * What a job ended with: the value, the error, or that it was cancelled (`d: 1` when a worker
 * dropped it unstarted because its caller had no lease: its caller may send it again). @internal
 */
export type Outcome = { readonly v: unknown } | { readonly e: unknown } | { readonly c: string; readonly d?: 1 };

/**
 * What a job's processor returns: only that the outcome went onto its caller's list (`{ l: 1 }`),
 * so BullMQ's job hash and events stream do not carry it twice. @internal
 */
export type JobReturn = { readonly l: 1 };

/**
 * What a caller's results list holds for a job: its progress (`{ p }`, in the order told) and
 * then its outcome, behind its progress since both go the same way. @internal
 */
export type ListEntry = Outcome | { readonly p: unknown };
