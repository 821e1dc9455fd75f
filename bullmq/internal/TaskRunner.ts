import { Worker, type Job } from 'bullmq';
import { serveTraced, settlesWithin, toSentError } from '../../src/engine/index.js';
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
 * each at once; one that died leaves its list behind for this long (at most a minute longer: the
 * TTL is set again at most once a minute per list, not with every push).
 */
const RESULTS_TTL_MS = 3600 * 1000;
const RESULTS_TTL_RENEWAL_MS = 60 * 1000;

/** How many times a refused push is tried again, backing off to 2 s: about half a minute in all. */
const PUSH_RETRIES = 20;

/**
 * A job this worker runs: whose lease it lives by, and how to abort it. Its AbortController is
 * made only when the task reads `ctx.signal` (most tiny tasks never do: one object less per job).
 */
class RunningJob {
  aborted = false;
  reason: unknown = undefined;
  private controller: AbortController | undefined = undefined;

  constructor(
    readonly lease: string,
    readonly leaseMs: number,
  ) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
  }
}

/**
 * The worker's side: a BullMQ Worker whose processor runs the named task with a context, checks
 * its caller's lease before and while it runs, and hears cancellations on one channel.
 * @internal
 */
export class TaskRunner implements TaskServer {
  private readonly worker: Worker;
  private readonly keys: ReturnType<typeof keysOf>;
  private readonly running = new Map<string, RunningJob>();
  /**
   * jobs whose lock BullMQ could not renew (this process stalled past `lockDuration`, and the
   * stalled-job check gave the job to another worker): their run is aborted, its outcome dropped
   */
  private readonly lockLost = new Set<string>();
  /** the start checks of this turn of the event loop, read together */
  private checks: { readonly keys: [string, string]; resolve(values: (string | null)[]): void; reject(error: unknown): void }[] = [];
  /** results on their way to their callers' lists */
  private readonly pushing = new Set<Promise<unknown>>();
  /** entries for each caller's list, pushed together at the end of this turn of the event loop */
  private outbox = new Map<string, string[]>();
  /** when each list's TTL was last set (reset now and then: it only saves PEXPIREs) */
  private expiresSet = new Map<string, number>();
  private client: RawClient | undefined = undefined;
  private subscriber: RawSubscriber | undefined = undefined;
  /**
   * the connection results are pushed on: its own, since they go at the end of a turn of the
   * event loop, after BullMQ completed the job (and, at close, after BullMQ closed its connections)
   */
  private pusher: (Pick<RawClient, 'pipeline'> & { disconnect(): void }) | undefined = undefined;
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
    // a processor of one parameter: BullMQ then makes no AbortController per job (it would abort
    // it only for its own cancelJob, which nobody can call on this worker); ours is in `running`
    this.worker = new Worker(queue, (job: Job) => this.process(job), { ...workerOptions, autorun: false });
    this.worker.on('error', () => undefined); // Redis errors are retried by BullMQ; an unheard 'error' event would crash Node
    this.worker.on('lockRenewalFailed', (jobIds: string[]) => {
      for (const jobId of jobIds) {
        const job = this.running.get(jobId);
        if (!job) continue;
        this.lockLost.add(jobId);
        job.abort(new DOMException(LOCK_LOST, 'AbortError'));
      }
    });
  }

  async start(): Promise<void> {
    await this.worker.waitUntilReady();
    this.client = await rawClient(this.worker);
    const pusher = this.client.duplicate();
    pusher.on('error', () => undefined); // a refused push is tried again (flushOutbox)
    this.pusher = pusher;
    const subscriber = this.client.duplicate();
    subscriber.on('error', () => undefined);
    subscriber.on('message', ((_channel: string, jobId: string) => {
      this.running.get(jobId)?.abort(new DOMException('cancelled by its caller', 'AbortError'));
    }) as never);
    await subscriber.subscribe(this.keys.cancelChannel);
    this.subscriber = subscriber;
    void this.worker.run().catch(() => undefined);
  }

  private async process(job: Job): Promise<JobReturn> {
    const data = job.data as JobData;
    const outcome = await this.outcomeOf(job);
    // another worker runs the job now: its outcome is the one the caller gets, not this one
    if (this.lockLost.delete(job.id!)) return SENT_ON_LIST;
    // the caller learns it from its own list, never from BullMQ's events stream (trimmed under load)
    this.tellCaller(data.c, job.id!, outcome);
    return SENT_ON_LIST;
  }

  /**
   * Puts an entry on its way to its caller's results list, beside BullMQ's completing of the job
   * rather than before it (one round trip less per job). The entries of a turn of the event loop
   * go together, one RPUSH per list; `close` waits for them. A Redis failure loses them: the
   * caller's call then ends by its own lease check, its timeout or its signal.
   */
  private tellCaller(callerId: string, jobId: string, entry: ListEntry): void {
    const key = this.keys.results(callerId);
    const waiting = this.outbox.get(key);
    if (waiting) return void waiting.push(JSON.stringify([jobId, entry]));
    if (this.outbox.size === 0) {
      const flush = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flushOutbox()).finally(() => this.pushing.delete(flush));
      this.pushing.add(flush);
    }
    this.outbox.set(key, [JSON.stringify([jobId, entry])]);
  }

  /**
   * Pushes what the outbox holds, one RPUSH per list. A push Redis refused (a failover, a
   * reconnect) is tried again, oldest first, for about half a minute: an outcome that never
   * reaches its list leaves its call waiting.
   */
  private async flushOutbox(attempt = 0): Promise<void> {
    const outbox = this.outbox;
    this.outbox = new Map();
    const now = Date.now();
    if (this.expiresSet.size > 10_000) this.expiresSet.clear();
    const pipeline = this.pusher!.pipeline();
    const pushes: number[] = [];
    let index = 0;
    for (const [key, entries] of outbox) {
      pipeline.rpush(key, ...entries);
      pushes.push(index++);
      if (now - (this.expiresSet.get(key) ?? -Infinity) >= RESULTS_TTL_RENEWAL_MS) {
        pipeline.pexpire(key, RESULTS_TTL_MS);
        this.expiresSet.set(key, now);
        index++;
      }
    }
    const replies = await pipeline.exec().catch(() => null);
    const failed = [...outbox].filter((_, i) => !replies || replies[pushes[i]!]?.[0]);
    if (failed.length === 0 || attempt >= PUSH_RETRIES) return;
    for (const [key] of failed) this.expiresSet.delete(key);
    await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 2000)));
    // older than what was queued meanwhile: they go first
    const merged = new Map(failed);
    for (const [key, entries] of this.outbox) merged.set(key, [...(merged.get(key) ?? []), ...entries]);
    this.outbox = merged;
    if (this.outbox.size > 0) await this.flushOutbox(attempt + 1);
  }

  private async outcomeOf(job: Job): Promise<Outcome> {
    const data = job.data as JobData;
    const jobId = job.id!;
    const fn = Object.hasOwn(this.tasks, data.t) ? this.tasks[data.t] : undefined;
    if (typeof fn !== 'function') {
      const known = Object.keys(this.tasks).filter((name) => typeof this.tasks[name] === 'function');
      return { e: toSentError(new TypeError(`serveTasks(${JSON.stringify(this.queue)}): there is no task ${JSON.stringify(data.t)}; it serves ${known.join(', ')}`)) };
    }
    // registered before the check below: a cancel message heard while the check is on its way
    // aborts it (the message and the check's reply come on different connections, in any order)
    const lease = this.keys.lease(data.c);
    const running = new RunningJob(lease, data.m);
    this.running.set(jobId, running);
    try {
      // a job whose caller is gone, or that its caller cancelled just before it arrived, never
      // starts; a Redis failure here throws, and BullMQ fails the job as it would any other
      const [alive, cancelled] = await this.startCheck(lease, this.keys.cancelled(jobId));
      if (alive === null) return DROPPED;
      if (cancelled !== null || running.aborted) return { c: 'cancelled by its caller' };
      this.watchLeases();
      return await this.run(fn as (...args: unknown[]) => unknown, job, running);
    } finally {
      this.running.delete(jobId);
    }
  }

  /**
   * Reads a job's caller lease and cancel mark before it starts. The jobs that start in one turn
   * of the event loop (BullMQ hands several at once under load) are read with one MGET.
   */
  private startCheck(lease: string, mark: string): Promise<(string | null)[]> {
    return new Promise((resolve, reject) => {
      if (this.checks.length === 0) setImmediate(() => this.readStartChecks());
      this.checks.push({ keys: [lease, mark], resolve, reject });
    });
  }

  private readStartChecks(): void {
    const checks = this.checks;
    this.checks = [];
    this.client!.mget(...checks.flatMap((check) => check.keys)).then(
      (values) => checks.forEach((check, i) => check.resolve(values.slice(2 * i, 2 * i + 2))),
      (error: unknown) => checks.forEach((check) => check.reject(error)),
    );
  }

  /** Runs the task with its context; its value, its error, or that it was cancelled. */
  private async run(fn: (...args: unknown[]) => unknown, job: Job, running: RunningJob): Promise<Outcome> {
    const data = job.data as JobData;
    const context: TaskContext = {
      get signal() {
        return running.signal;
      },
      jobId: job.id!,
      attempt: Math.max(1, job.attemptsStarted),
      // on the caller's list, ahead of the outcome, so that a call hears all its progress before
      // it settles; and on the job, for BullMQ's own tools
      progress: (value) => {
        this.tellCaller(data.c, job.id!, { p: value });
        return job.updateProgress(value);
      },
    };
    // the context is the last parameter the task declares: a call that left out optional
    // arguments still puts it there
    const args = [...data.a];
    while (args.length < fn.length - 1) args.push(undefined);
    const cancelled = (): Outcome => ({ c: String((running.reason as Error)?.message ?? running.reason) });
    try {
      // traced (`rxjs-asyncer/otel` enabled in this process): the task's span is a child of the caller's call span
      const value: unknown = await serveTraced('remote task', data.t, data.p, () => fn(...args, context));
      if (running.aborted) return cancelled();
      const bad = unsendableJson([value], `task ${data.t}`, 'result');
      return bad ? { e: toSentError(bad) } : { v: value };
    } catch (error) {
      return running.aborted ? cancelled() : { e: toSentError(error) };
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
      if (gone.has(job.lease)) job.abort(new DOMException(CALLER_GONE, 'AbortError'));
    }
  }

  close(): Promise<void> {
    return (this.closing ??= (async () => {
      const graceful = this.worker.close();
      if (!(await settlesWithin(graceful, this.closeTimeout))) {
        // tasks that ignore their signal would hold the close forever: abort them, then let go
        for (const job of this.running.values()) job.abort(new DOMException('its worker closed', 'AbortError'));
        await settlesWithin(graceful, 1000);
        await this.worker.disconnect().catch(() => undefined);
      }
      // the last results on their way (on the pusher, which BullMQ's close leaves open)
      await settlesWithin(Promise.all(this.pushing), this.closeTimeout);
      if (this.leaseTimer !== undefined) clearTimeout(this.leaseTimer);
      this.subscriber?.disconnect();
      this.pusher?.disconnect();
    })());
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
