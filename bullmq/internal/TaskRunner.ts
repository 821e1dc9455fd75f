import { Worker, type Job } from 'bullmq';
import { settlesWithin, toSentError } from '../../src/engine/index.js';
import type { ServeTasksOptions } from '../types/ServeTasksOptions.js';
import type { TaskContext } from '../types/TaskContext.js';
import type { TaskServer } from '../types/TaskServer.js';
import { CALLER_GONE, keysOf, type JobData, type JobReturn, type ListEntry, type Outcome } from './keys.js';
import { rawClient, type RawClient, type RawSubscriber } from './rawClient.js';
import { unsendableJson } from './unsendableJson.js';

/**
 * What a job whose caller had no lease ends with, unstarted. Its caller may be alive (it stalled,
 * or Redis lost its data): told on its list, it sends the call again under a lease written anew.
 */
const DROPPED: Outcome = { c: CALLER_GONE, d: 1 };

/** Why a run is aborted when its job's lock was lost. */
const LOCK_LOST = "its job's lock was lost (this worker stalled past lockDuration): BullMQ's stalled-job check gave the job to another worker";

/** What a job returns once its outcome went onto its caller's results list. */
const SENT_ON_LIST: JobReturn = { l: 1 };

/**
 * How long a caller's results list outlives the last result pushed onto it: a live caller pops
 * each at once; one that died leaves its list behind for this long.
 */
const RESULTS_TTL_MS = 3600 * 1000;

/** A job this worker runs: how to abort it, and whose lease it lives by. */
interface Running {
  readonly controller: AbortController;
  readonly lease: string;
  readonly leaseMs: number;
}

/**
 * The worker's side: a BullMQ Worker whose processor runs the named task with a context, checks
 * its caller's lease before and while it runs, and hears cancellations on one channel.
 * @internal
 */
export class TaskRunner implements TaskServer {
  private readonly worker: Worker;
  private readonly keys: ReturnType<typeof keysOf>;
  private readonly running = new Map<string, Running>();
  /**
   * jobs whose lock BullMQ could not renew (this process stalled past `lockDuration`, and the
   * stalled-job check gave the job to another worker): their run is aborted, its outcome dropped
   */
  private readonly lockLost = new Set<string>();
  /** results on their way to their callers' lists */
  private readonly pushing = new Set<Promise<unknown>>();
  private client: RawClient | undefined = undefined;
  private subscriber: RawSubscriber | undefined = undefined;
  private leaseTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  private closing: Promise<void> | undefined = undefined;
  private readonly closeTimeout: number;

  constructor(
    private readonly queue: string,
    private readonly tasks: Readonly<Record<string, unknown>>,
    options: ServeTasksOptions,
  ) {
    const { closeTimeout = 10_000, ...workerOptions } = options;
    this.closeTimeout = closeTimeout;
    this.keys = keysOf(workerOptions.prefix ?? 'bull', queue);
    this.worker = new Worker(queue, (job: Job, _token?: string, signal?: AbortSignal) => this.process(job, signal), { ...workerOptions, autorun: false });
    this.worker.on('error', () => undefined); // Redis errors are retried by BullMQ; an unheard 'error' event would crash Node
    this.worker.on('lockRenewalFailed', (jobIds: string[]) => {
      for (const jobId of jobIds) {
        const job = this.running.get(jobId);
        if (!job) continue;
        this.lockLost.add(jobId);
        job.controller.abort(new DOMException(LOCK_LOST, 'AbortError'));
      }
    });
  }

  async start(): Promise<void> {
    await this.worker.waitUntilReady();
    this.client = await rawClient(this.worker);
    const subscriber = this.client.duplicate();
    subscriber.on('error', () => undefined);
    subscriber.on('message', ((_channel: string, jobId: string) => {
      this.running.get(jobId)?.controller.abort(new DOMException('cancelled by its caller', 'AbortError'));
    }) as never);
    await subscriber.subscribe(this.keys.cancelChannel);
    this.subscriber = subscriber;
    void this.worker.run().catch(() => undefined);
  }

  private async process(job: Job, signal: AbortSignal | undefined): Promise<JobReturn> {
    const data = job.data as JobData;
    const outcome = await this.outcomeOf(job, signal);
    // another worker runs the job now: its outcome is the one the caller gets, not this one
    if (this.lockLost.delete(job.id!)) return outcome;
    // the caller learns it from its own list (an events stream is trimmed under load); a caller
    // older than the list gets it through BullMQ's events, as the job's return value
    if (data.r === undefined) return outcome;
    this.tellCaller(data.r, job.id!, outcome);
    return SENT_ON_LIST;
  }

  /**
   * Pushes an outcome onto its caller's results list, beside BullMQ's completing of the job rather
   * than before it (one round trip less per job); `close` waits for the pushes on their way. A
   * Redis failure leaves the outcome to the events stream.
   */
  private tellCaller(results: string, jobId: string, outcome: ListEntry): void {
    const push = this.client!.pipeline()
      .rpush(results, JSON.stringify([jobId, outcome]))
      .pexpire(results, RESULTS_TTL_MS)
      .exec()
      .catch(() => undefined)
      .finally(() => this.pushing.delete(push));
    this.pushing.add(push);
  }

  private async outcomeOf(job: Job, signal: AbortSignal | undefined): Promise<Outcome> {
    const data = job.data as JobData;
    const jobId = job.id!;
    const fn = Object.hasOwn(this.tasks, data.t) ? this.tasks[data.t] : undefined;
    if (typeof fn !== 'function') {
      const known = Object.keys(this.tasks).filter((name) => typeof this.tasks[name] === 'function');
      return { e: toSentError(new TypeError(`serveTasks(${JSON.stringify(this.queue)}): there is no task ${JSON.stringify(data.t)}; it serves ${known.join(', ')}`)) };
    }
    // registered before the check below: a cancel message heard while the check is on its way
    // aborts it (the message and the check's reply come on different connections, in any order)
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort);
    this.running.set(jobId, { controller, lease: data.l, leaseMs: data.m });
    try {
      // a job whose caller is gone, or that its caller cancelled just before it arrived, never
      // starts; a Redis failure here throws, and BullMQ fails the job as it would any other
      const [alive, cancelled] = await this.client!.mget(data.l, this.keys.cancelled(jobId));
      if (alive === null) return DROPPED;
      if (cancelled !== null || controller.signal.aborted) return { c: 'cancelled by its caller' };
      this.watchLeases();
      return await this.run(fn as (...args: unknown[]) => unknown, job, controller.signal);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.running.delete(jobId);
    }
  }

  /** Runs the task with its context; its value, its error, or that it was cancelled. */
  private async run(fn: (...args: unknown[]) => unknown, job: Job, signal: AbortSignal): Promise<Outcome> {
    const data = job.data as JobData;
    const context: TaskContext = {
      signal,
      jobId: job.id!,
      attempt: Math.max(1, job.attemptsStarted),
      // on the caller's list, ahead of the outcome, so that a call hears all its progress before
      // it settles; and on the job, for BullMQ's own tools
      progress: (value) => {
        if (data.r !== undefined) this.tellCaller(data.r, job.id!, { p: value });
        return job.updateProgress(value);
      },
    };
    // the context is the last parameter the task declares: a call that left out optional
    // arguments still puts it there
    const args = [...data.a];
    while (args.length < fn.length - 1) args.push(undefined);
    const cancelled = (): Outcome => ({ c: String((signal.reason as Error)?.message ?? signal.reason) });
    try {
      const value: unknown = await fn(...args, context);
      if (signal.aborted) return cancelled();
      const bad = unsendableJson([value], `task ${data.t}`, 'result');
      return bad ? { e: toSentError(bad) } : { v: value };
    } catch (error) {
      return signal.aborted ? cancelled() : { e: toSentError(error) };
    }
  }

  /** While jobs run, checks their callers' leases often enough to abort within a lease of a death. */
  private watchLeases(): void {
    if (this.leaseTimer !== undefined || this.running.size === 0) return;
    let shortest = Infinity;
    for (const job of this.running.values()) shortest = Math.min(shortest, job.leaseMs);
    this.leaseTimer = setTimeout(() => {
      void this.checkLeases().finally(() => {
        this.leaseTimer = undefined;
        this.watchLeases();
      });
    }, shortest / 6);
  }

  private async checkLeases(): Promise<void> {
    const leases = [...new Set([...this.running.values()].map((job) => job.lease))];
    const alive = await Promise.all(leases.map((lease) => this.client!.exists(lease).catch(() => 1)));
    const gone = new Set(leases.filter((_, i) => alive[i] === 0));
    for (const job of this.running.values()) {
      if (gone.has(job.lease)) job.controller.abort(new DOMException(CALLER_GONE, 'AbortError'));
    }
  }

  close(): Promise<void> {
    return (this.closing ??= (async () => {
      const graceful = this.worker.close();
      if (!(await settlesWithin(graceful, this.closeTimeout))) {
        // tasks that ignore their signal would hold the close forever: abort them, then let go
        for (const job of this.running.values()) job.controller.abort(new DOMException('its worker closed', 'AbortError'));
        await settlesWithin(graceful, 1000);
        await this.worker.disconnect().catch(() => undefined);
      }
      // the last results on their way: BullMQ's connections close after, and so does this client
      await settlesWithin(Promise.all(this.pushing), this.closeTimeout);
      if (this.leaseTimer !== undefined) clearTimeout(this.leaseTimer);
      this.subscriber?.disconnect();
    })());
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
