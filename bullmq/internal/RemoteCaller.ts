import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import { CallClient, currentTaskProgress, describeError, fromSentError, inCallersContext, settlesWithin, withTimeout } from '../../src/engine/index.js';
import type { RemoteRunOptions } from '../types/RemoteRunOptions.js';
import type { RemoteTasks } from '../types/RemoteTasks.js';
import { type CallerSettings, checkRemoteRunOptions, checkTaskName, RUN_OPTIONS } from './checks.js';
import { CALLER_GONE, keysOf, type JobData, type ListEntry, type Outcome } from './keys.js';
import { describeConnection, rawClient, type RawClient, type RawReader } from './rawClient.js';
import { unsendableJson } from './unsendableJson.js';


/** How a call tells its progress: to the task that made it, or to `run`'s `onProgress`. */
type ProgressListener = ((value: number | object) => void) | ((value: unknown) => void) | undefined;

/** One call in flight: what it sends, and how to settle it. */
interface Pending {
  /** the job it is sent as: a call sent again gets a new one */
  jobId: string;
  readonly task: string;
  readonly args: unknown[];
  readonly signal: AbortSignal | undefined;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  readonly onProgress: ProgressListener;
  /** removes the signal's listener (absent without a signal) */
  readonly onAbort: (() => void) | undefined;
  /** the lease it was sent under: a loss of that lease (or an earlier one) loses it */
  lease: number;
  /** sent again once already, after a worker dropped it unstarted */
  resent: boolean;
  /** the call span's trace context, while tracing is on */
  readonly traceparent: string | undefined;
}

/** How many `queue.add`s are on their way at once, at most: the rest wait here, and `redisTimeout` counts from their send. */
const SEND_WINDOW = 1000;

/** How long the mark of a caller's data lives without renewal: far longer than any stall a lease is meant for. */
const WRITTEN_MARK_MS = 3600 * 1000;

/** How many results the reader takes off its list per round trip, at most. */
const RESULTS_BATCH = 1000;

/** How long the results reader waits before it asks again after an error (Redis down, reconnecting). */
const READ_RETRY_MS = 200;

/** How long a job's cancel mark lives: long enough for any worker to see it before starting. */
const CANCEL_MARK_MS = 24 * 3600 * 1000;

/**
 * The caller's side: one Queue to send jobs, one list in Redis its workers push every progress
 * and result onto (read by one blocking connection, for any number of calls; BullMQ's events
 * stream, which is trimmed under load, only brings BullMQ's own failures: a job its stalled-job
 * check failed), and a lease in Redis renewed while this caller lives. `call`, `run` and
 * their checks are the engine's `CallClient`, shared with the worker pool.
 * @internal
 */
export class RemoteCaller extends CallClient<RemoteRunOptions, ProgressListener> implements RemoteTasks<Record<string, (...args: never[]) => unknown>> {
  /** 96 random bits: unique among callers, and short (it is in every job id and job) */
  private readonly id = randomBytes(12).toString('base64url');
  private count = 0;
  private readonly keys: ReturnType<typeof keysOf>;
  private readonly pending = new Map<string, Pending>();
  private readonly queue: Queue;
  private events: QueueEvents | undefined = undefined;
  private client: RawClient | undefined = undefined;
  /** the copy of the user's client that QueueEvents reads with, if the user passed a client */
  private eventsClient: { disconnect(): void } | undefined = undefined;
  /** the connection that blocks on this caller's results list */
  private reader: (RawReader & { disconnect(): void }) | undefined = undefined;
  /**
   * the connection that renews the lease: not the one jobs are sent on, where a renewal would wait
   * behind a flood of `queue.add`s (100,000 calls at once) until the lease had run out
   */
  private renewer: (Pick<RawClient, 'pipeline'> & { disconnect(): void }) | undefined = undefined;
  private started: Promise<void> | undefined = undefined;
  /** set once the lease was first written: close then deletes it */
  private leased = false;
  /** how many times the lease was written: a call belongs to the lease it was sent under */
  private leaseWrites = 0;
  /** `queue.add`s on their way */
  private sending = 0;
  /** sends waiting for a place among them, oldest first from `outboxHead` */
  private outbox: ((() => void) | undefined)[] = [];
  private outboxHead = 0;
  private leaseTimer: ReturnType<typeof setInterval> | undefined = undefined;
  /** the lease check on its way, if any, and the one asked for while it was */
  private checking: Promise<void> | undefined = undefined;
  private nextCheck: Promise<void> | undefined = undefined;
  /** rounds of the results reader begun, the last one that read, and who waits for one begun after they asked */
  private readsBegun = 0;
  private lastRead = 0;
  private readWaiters: { readonly after: number; readonly resolve: () => void }[] = [];
  private closing: Promise<void> | undefined = undefined;

  constructor(private readonly settings: CallerSettings) {
    super('remote', 'remote call', RUN_OPTIONS);
    this.keys = keysOf(settings.prefix, settings.queue);
    this.queue = new Queue(settings.queue, { connection: settings.connection, prefix: settings.prefix });
    this.queue.on('error', () => undefined); // failures reach the calls; an unheard 'error' event would crash Node
  }

  /** A call made from a group's task reports its progress to that group's events$. */
  protected capture(): ProgressListener {
    return currentTaskProgress();
  }

  /** `run`'s listener is told in the caller's async context, not in the connection's listener's. */
  protected fromRun(options: RemoteRunOptions, caller: string): ProgressListener {
    checkRemoteRunOptions(options, caller);
    return options.onProgress && inCallersContext(options.onProgress as (value: unknown) => void);
  }

  /** Checks a call's name and arguments at once; gives the arguments to send. */
  protected prepare(name: string, args: unknown[], caller: string): unknown[] {
    checkTaskName(name, this.settings.names, caller);
    const bad = unsendableJson(args, caller);
    if (bad) throw bad;
    let end = args.length;
    while (end > 0 && args[end - 1] === undefined) end--;
    return end === args.length ? args : args.slice(0, end);
  }

  protected send(task: string, args: unknown[], signal: AbortSignal | undefined, onProgress: ProgressListener, traceparent: string | undefined): Promise<unknown> {
    if (this.closing) return Promise.reject(new Error(`connectTasks(${JSON.stringify(this.settings.queue)}) is closed: ${task} cannot be called`));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<unknown>((resolve, reject) => {
      const call: Pending = {
        jobId: '',
        task,
        args,
        signal,
        resolve,
        reject,
        onProgress,
        onAbort: signal
          ? () => {
              if (this.settle(call.jobId)) {
                reject(signal.reason);
                this.cancel(call.jobId);
              }
            }
          : undefined,
        lease: 0,
        resent: false,
        traceparent,
      };
      if (signal) signal.addEventListener('abort', call.onAbort!);
      this.dispatch(call);
    });
  }

  /** Sends a call as a new job, now or when the send window has room; it belongs to the current lease. */
  private dispatch(call: Pending): void {
    const jobId = `${this.id}-${++this.count}`;
    call.jobId = jobId;
    call.lease = this.leaseWrites;
    this.pending.set(jobId, call);
    const { task } = call;
    const transmit = (): void => {
      if (this.pending.get(jobId) !== call) return this.sendNext(); // cancelled or failed while it waited
      const data: JobData = call.traceparent === undefined ? { t: task, a: call.args, c: this.id, m: this.settings.lease } : { t: task, a: call.args, c: this.id, m: this.settings.lease, p: call.traceparent };
      this.sending++;
      this.bounded(
        this.start().then(() => this.queue.add(task, data, { jobId, removeOnComplete: true, removeOnFail: true })),
        `send ${task}`,
      )
        .catch((error: unknown) => {
          if (this.settle(jobId)) {
            call.reject(error);
            this.cancel(jobId); // the job may still arrive once Redis answers: it must not run
          }
        })
        .finally(() => {
          this.sending--;
          this.sendNext();
        });
    };
    if (this.sending < SEND_WINDOW && this.outboxHead === this.outbox.length) transmit();
    else this.outbox.push(transmit);
  }

  /** Sends the oldest waiting call, if there is room. */
  private sendNext(): void {
    if (this.sending >= SEND_WINDOW || this.outboxHead === this.outbox.length) return;
    const transmit = this.outbox[this.outboxHead]!;
    this.outbox[this.outboxHead++] = undefined; // let it go: the outbox can hold 100,000
    if (this.outboxHead === this.outbox.length) {
      this.outbox = [];
      this.outboxHead = 0;
    }
    transmit();
  }

  /** Takes a call out of the pending ones; whether it was there. */
  private settle(jobId: string): Pending | undefined {
    const call = this.pending.get(jobId);
    if (!call) return undefined;
    this.pending.delete(jobId);
    if (call.onAbort) call.signal!.removeEventListener('abort', call.onAbort);
    return call;
  }

  /**
   * Cancels a job wherever it is: the mark stops a worker about to start it, the message aborts
   * the one running it, and `remove` takes it out of the queue if it still waits there.
   */
  private cancel(jobId: string): void {
    void this.start()
      .then(async () => {
        const multi = this.client!.multi();
        multi.set(this.keys.cancelled(jobId), '1', 'PX', CANCEL_MARK_MS);
        multi.publish(this.keys.cancelChannel, jobId);
        await multi.exec();
        await this.queue.remove(jobId).catch(() => undefined); // a running job is locked: its worker aborts it
      })
      .catch(() => undefined); // Redis gone: the lease runs out, and workers drop the caller's jobs
  }

  /** Connects once: the client, the caller's lease, and the QueueEvents that hears every result. */
  private start(): Promise<void> {
    return (this.started ??= (async () => {
      await this.queue.waitUntilReady();
      this.client = await rawClient(this.queue);
      await this.writeLease();
      this.leased = true;
      const { lease } = this.settings;
      const renewer = this.client.duplicate();
      renewer.on('error', () => undefined);
      this.renewer = renewer;
      this.leaseTimer = setInterval(() => void this.renewLease().catch(() => undefined), lease / 4);
      this.leaseTimer.unref?.();
      const reader = this.client.duplicate();
      reader.on('error', () => undefined); // it reconnects by itself; the loop retries meanwhile
      this.reader = reader;
      void this.readResults(reader);
      // hear results from a moment before now, on Redis's clock: none can be missed
      const [seconds] = await this.client.time();
      const { connection, prefix, queue } = this.settings;
      // a client of the user's cannot serve QueueEvents' blocking reads: it gets a copy of its
      // own, which BullMQ treats as shared (never closes), so close() disconnects it
      if (typeof (connection as { duplicate?: unknown }).duplicate === 'function') {
        this.eventsClient = (connection as { duplicate(): ConnectionOptions & { disconnect(): void } }).duplicate();
      }
      const own = this.eventsClient ?? connection;
      const events = new QueueEvents(queue, { connection: own, prefix, lastEventId: `${(Number(seconds) - 1) * 1000}-0` });
      this.events = events;
      events.on('error', () => undefined);
      // BullMQ failed the job outside the task (a Redis error in the worker's checks, or a
      // consumer of the queue that is not serveTasks): named after this caller like every error it makes
      events.on('failed', ({ jobId, failedReason }) => {
        const call = this.settle(jobId);
        call?.reject(new Error(`connectTasks(${JSON.stringify(queue)}): remote task ${call.task} failed in BullMQ: ${failedReason}`));
      });
      await events.waitUntilReady();
    })());
  }

  /**
   * The lease lives two thirds of `lease` and is renewed every quarter: a dead caller's ends within
   * `lease`. Written on the connection `queue.add` sends on, so a job sent after it finds it; the
   * mark of this caller's data with it.
   */
  private writeLease(): Promise<unknown> {
    this.leaseWrites++;
    return this.client!.pipeline()
      .set(this.keys.lease(this.id), '1', 'PX', Math.ceil((this.settings.lease * 2) / 3))
      .set(this.keys.written(this.id), '1', 'PX', WRITTEN_MARK_MS)
      .exec();
  }

  /**
   * Renews the lease if it is still there, and the mark of this caller's data. The mark gone: Redis
   * lost its data (see {@link leaseLost}). Only the lease gone: this process stalled past its
   * lease; the lease is written anew, and only the jobs a worker dropped meanwhile fail (each
   * with the same error, as the worker tells).
   */
  private async renewLease(): Promise<void> {
    const under = this.leaseWrites;
    const replies = await this.renewer!.pipeline()
      .set(this.keys.lease(this.id), '1', 'PX', Math.ceil((this.settings.lease * 2) / 3), 'XX')
      .set(this.keys.written(this.id), '1', 'PX', WRITTEN_MARK_MS, 'XX')
      .exec();
    if (this.closing || !replies || replies.some(([error]: [Error | null, unknown]) => error)) return;
    if (replies[1]![1] === null) void this.leaseLost(under);
    else if (replies[0]![1] === null && under === this.leaseWrites) void this.writeLease().catch(() => undefined);
  }

  /**
   * Checks the lease now, as {@link renewLease} does, in a check begun after this was asked: a
   * worker that found the lease gone tells of a loss that a check already on its way may predate.
   */
  private freshLeaseCheck(): Promise<void> {
    if (!this.checking) {
      return (this.checking = this.renewLease()
        .catch(() => undefined)
        .finally(() => (this.checking = undefined)));
    }
    return (this.nextCheck ??= this.checking.then(() => {
      this.nextCheck = undefined;
      return this.freshLeaseCheck();
    }));
  }

  /**
   * Redis lost its data (a restart without persistence) while this caller held the lease written
   * `under`. The lease is written anew (once per loss) for the calls to come. A call sent under that
   * lease (or an earlier one) whose job is still in Redis was sent after the loss and goes on; one
   * whose job is gone fails with an error that says so, unless its outcome was already on this
   * caller's list (read before it fails: the reader ends a round begun after the check).
   */
  private async leaseLost(under: number): Promise<void> {
    if (under === this.leaseWrites) void this.writeLease().catch(() => undefined);
    const suspects = [...this.pending.values()].filter((call) => call.lease <= under);
    if (suspects.length === 0) return;
    const check = this.client!.pipeline();
    for (const call of suspects) check.exists(this.keys.job(call.jobId));
    const replies = await check.exec().catch(() => null);
    // a call whose job cannot be checked is treated as lost: nothing else would ever settle it
    const gone = suspects.filter((_, i) => replies?.[i]?.[1] !== 1);
    await this.afterNextRead();
    for (const call of gone) {
      if (this.pending.get(call.jobId) !== call) continue; // settled, or sent again, meanwhile
      this.settle(call.jobId);
      call.reject(this.lostError(call.task));
    }
  }

  /** Resolves once the results reader ended a round it began after now (or closed). */
  private afterNextRead(): Promise<void> {
    if (this.closing) return Promise.resolve();
    return new Promise((resolve) => this.readWaiters.push({ after: this.readsBegun, resolve }));
  }

  /** Wakes whoever waits for the rounds ended so far (all of them once closed). */
  private wakeReadWaiters(): void {
    if (this.readWaiters.length === 0) return;
    const waiting = this.readWaiters;
    this.readWaiters = [];
    for (const waiter of waiting) {
      if (this.closing || this.lastRead > waiter.after) waiter.resolve();
      else this.readWaiters.push(waiter);
    }
  }

  /**
   * A worker dropped this call unstarted, its caller's lease gone: checked afresh (written anew if
   * only it was gone; the calls it lost failed if Redis lost its data), the call is sent again,
   * once, as a new job. It never ran, so this is not a second run.
   */
  private sendAgain(call: Pending): void {
    this.pending.delete(call.jobId);
    call.resent = true;
    void this.freshLeaseCheck().then(() => {
      if (call.signal?.aborted) {
        call.signal.removeEventListener('abort', call.onAbort!);
        call.reject(call.signal.reason);
      } else if (this.closing) {
        if (call.onAbort) call.signal!.removeEventListener('abort', call.onAbort);
        call.reject(new DOMException(`remote task ${call.task} was cancelled: its caller closed`, 'AbortError'));
      } else {
        this.dispatch(call);
      }
    });
  }

  /** Why a call failed when this caller's lease was lost: said the same whoever noticed first. */
  private lostError(task: string): Error {
    const { queue, lease } = this.settings;
    return new Error(
      `connectTasks(${JSON.stringify(queue)}): remote task ${task} was lost: this caller's lease was gone from Redis ` +
        `(Redis lost its data, or this process stalled past its lease of ${lease} ms), and workers drop the jobs of a caller without one. ` +
        'It may or may not have run: call it again if that is safe',
    );
  }

  /**
   * Pops results off this caller's list as workers push them, a batch per round trip: BLPOP waits
   * for the first, LPOP takes up to a batch more behind it on the same connection. Runs until
   * close; an error (Redis down, reconnecting) is retried after a moment.
   */
  private async readResults(reader: RawReader): Promise<void> {
    const key = this.keys.results(this.id);
    while (!this.closing) {
      let replies: [Error | null, unknown][] | null;
      const round = ++this.readsBegun;
      try {
        replies = await reader.pipeline().blpop(key, 1).lpop(key, RESULTS_BATCH).exec();
      } catch {
        replies = null;
      }
      if (this.closing) return;
      const first = replies?.[0];
      if (!replies || first?.[0]) {
        await new Promise((resolve) => setTimeout(resolve, READ_RETRY_MS));
        continue;
      }
      const popped = first?.[1] as [string, string] | null;
      if (popped) this.resultArrived(popped[1]);
      const more = replies[1]?.[1] as string[] | null;
      if (more) for (const entry of more) this.resultArrived(entry);
      this.lastRead = round;
      this.wakeReadWaiters();
    }
  }

  /** One `[jobId, progress or outcome]` from the results list. */
  private resultArrived(text: string): void {
    const parsed = safeParse(text);
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') return;
    const [jobId, entry] = parsed as [string, ListEntry | undefined];
    if (entry && 'p' in entry) this.progressed(jobId, entry.p);
    else this.completed(jobId, entry);
  }

  /** A job told its progress: to its call's listener, if the call still waits. */
  private progressed(jobId: string, value: unknown): void {
    const call = this.pending.get(jobId);
    try {
      call?.onProgress?.(value as number | object);
    } catch {
      // a progress listener that throws must not stop the others
    }
  }

  private completed(jobId: string, outcome: Outcome | undefined): void {
    const dropped = outcome && 'c' in outcome && outcome.c === CALLER_GONE;
    const waiting = this.pending.get(jobId);
    if (dropped && waiting && outcome.d === 1 && !waiting.resent) return this.sendAgain(waiting);
    if (dropped) void this.freshLeaseCheck(); // learn of the loss now, not at the next renewal
    const call = this.settle(jobId);
    if (!call) return;
    if (outcome && 'v' in outcome) call.resolve(outcome.v);
    else if (outcome && 'e' in outcome) call.reject(fromSentError(outcome.e));
    // a worker found this caller's lease gone before the caller did: the same as at renewal
    else if (outcome && 'c' in outcome && outcome.c === CALLER_GONE) call.reject(this.lostError(call.task));
    else if (outcome && 'c' in outcome) call.reject(new DOMException(`remote task ${call.task} was cancelled by its worker: ${outcome.c}`, 'AbortError'));
    else call.reject(new Error(`remote task ${call.task} finished without a result: is the worker an rxjs-asyncer serveTasks?`));
  }

  /** Fails with an error naming the connection if Redis takes longer than `redisTimeout`. */
  private bounded<T>(promise: Promise<T>, doing: string): Promise<T> {
    const { redisTimeout, connection, queue } = this.settings;
    const what = `connectTasks(${JSON.stringify(queue)}): could not ${doing}`;
    return withTimeout(
      promise,
      redisTimeout,
      () => new Error(`${what}: ${describeConnection(connection)} did not answer within ${redisTimeout} ms`),
      (error) => new Error(`${what}: ${describeError(error)}`, { cause: error }),
    );
  }

  close(): Promise<void> {
    return (this.closing ??= (async () => {
      for (const jobId of [...this.pending.keys()]) {
        const call = this.settle(jobId)!;
        call.reject(new DOMException(`remote task ${call.task} was cancelled: its caller closed`, 'AbortError'));
        this.cancel(jobId);
      }
      if (this.leaseTimer) clearInterval(this.leaseTimer);
      this.wakeReadWaiters();
      const { redisTimeout } = this.settings;
      this.reader?.disconnect(); // ends its blocking read; the loop sees closing and stops
      this.renewer?.disconnect();
      const quit = async (): Promise<void> => {
        // workers drop anything of ours at once; nobody reads our results any more
        if (this.leased) await this.client!.del(this.keys.lease(this.id), this.keys.written(this.id), this.keys.results(this.id)).catch(() => undefined);
        await this.events?.close();
        this.eventsClient?.disconnect();
        await this.queue.close(); // a queue still connecting is disconnected at once
      };
      if (!(await settlesWithin(quit(), redisTimeout))) {
        // Redis does not answer: drop the connections rather than wait
        void this.events?.disconnect().catch(() => undefined);
        void this.queue.disconnect().catch(() => undefined);
        this.eventsClient?.disconnect();
      }
    })());
  }
}

const safeParse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
