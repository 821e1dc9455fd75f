/**
 * The keys this entry point adds to a queue's, all under the queue's prefix: `<prefix>:<queue>:rxa:…`.
 * @internal
 */
export const keysOf = (prefix: string, queue: string) => {
  const base = `${prefix}:${queue}:rxa`;
  return {
    /** a caller's lease: exists while the caller lives (PX, renewed) */
    lease: (callerId: string): string => `${base}:lease:${callerId}`,
    /** a job cancelled by its caller: a worker about to start it skips it */
    cancelled: (jobId: string): string => `${base}:cancelled:${jobId}`,
    /** the channel a caller publishes a cancelled job's id on: the worker running it aborts it */
    cancelChannel: `${base}:cancel`,
  };
};

/** What a job carries. @internal */
export interface JobData {
  /** the task's name */
  readonly t: string;
  /** its arguments */
  readonly a: unknown[];
  /** the caller's lease key */
  readonly l: string;
  /** the caller's lease, ms */
  readonly m: number;
}

/** What a job's processor returns: the value, the error, or that it was cancelled. @internal */
export type Outcome = { readonly v: unknown } | { readonly e: unknown } | { readonly c: string };
