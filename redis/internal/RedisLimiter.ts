import { createHash, randomUUID } from 'node:crypto';
import type { Observable } from 'rxjs';
import type { AcquireOptions, Limiter, LimiterState, Permit, RateLimit, TaskResult } from '../../src/index.js';
import {
  assertConcurrency,
  checkAcquireCall,
  describeError,
  HeldPermit,
  LimiterStateFeed,
  ReentrantClients,
  runLimited,
  type SlotClient,
  type Slots,
  slotsBrand,
  type SlotTicket,
  WaitingTicket,
  withTimeout,
} from '../../src/engine/index.js';
import { RedisLimiterError } from '../RedisLimiterError.js';
import type { RedisClientLike, RedisSubscriberLike } from '../types/RedisClientLike.js';
import { BATCH, HEARTBEAT, WITHDRAW } from './scripts.js';

/** A script with its SHA1, for EVALSHA. */
interface Script {
  readonly source: string;
  readonly sha: string;
}
const script = (source: string): Script => ({ source, sha: createHash('sha1').update(source).digest('hex') });
const scripts = { batch: script(BATCH), withdraw: script(WITHDRAW), heartbeat: script(HEARTBEAT) };

/** The most acquires one batch sends: a script blocks Redis while it runs, so keep each short. */
const MAX_BATCH = 500;

/** The limiter's settings, once checked. */
export interface RedisLimiterSettings {
  readonly client: RedisClientLike;
  readonly key: string;
  readonly concurrency: number;
  readonly rate: RateLimit | undefined;
  readonly lease: number;
  readonly pollInterval: number;
  readonly redisTimeout: number;
  readonly name: string;
}

/**
 * A client that waits for a slot: in Redis's queue once `member` is known. Granted, it starts one
 * promise job later in its client's async context (a `WaitingTicket`), not in the context of the
 * Redis reply that granted it.
 */
class Waiter extends WaitingTicket {
  /** its place in the Redis queue, once the acquire script answered */
  member: string | undefined = undefined;
  /** a grant heard before the acquire script's own reply (another connection) */
  early: string | undefined = undefined;

  constructor(
    client: SlotClient,
    readonly id: string,
    override readonly priority: number,
  ) {
    super(client);
  }
}

/**
 * The limiter behind `createRedisLimiter`. A waiter is told of its grant by a message on the
 * limit's channel (no polling per waiter); one heartbeat per process renews every lease it holds
 * and catches what a message may have missed.
 * @internal
 */
export class RedisLimiter implements Limiter, Slots, AsyncDisposable {
  readonly [slotsBrand] = true as const;
  private bound: number;
  private readonly keys: string[];
  private readonly channel: string;
  /** where this process's ids start: unique across processes */
  private readonly prefix = randomUUID();
  private lastId = 0;
  private readonly waiters = new Map<string, Waiter>();
  /** the leases this process holds, by id: the heartbeat renews them */
  private readonly permits = new Map<string, Lease>();
  /** the lease each holding client got (a lost lease stays until its client releases) */
  private readonly holders = new Map<SlotClient, Lease>();
  /** clients that run on a permit their task holds: their release gives nothing back */
  private readonly reentered = new ReentrantClients();
  /** the server's epoch as this process last confirmed it; a new one means the data was lost */
  private epoch = '';
  private subscriber: RedisSubscriberLike | undefined = undefined;
  private subscribed: Promise<unknown> | undefined = undefined;
  private heartbeatTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  private beating: Promise<void> | undefined = undefined;
  /** when Redis last answered, for failing waiters once it has been silent for `redisTimeout` */
  private lastAnswer = Date.now();
  private closed = false;
  /** releases (\`id, token\` pairs) and acquires waiting for the next batch */
  private releases: string[] = [];
  private acquires: Waiter[] = [];
  private flushScheduled = false;
  /** script calls not answered yet, which dispose waits for */
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly feed = new LimiterStateFeed(this);
  /** settles dispose once the last permit is released */
  private drained: (() => void) | undefined = undefined;

  constructor(private readonly settings: RedisLimiterSettings) {
    this.bound = settings.concurrency;
    const tag = `{${settings.key}}`;
    this.keys = ['holders', 'tokens', 'queue', 'waiting', 'counter', 'starts', 'epoch'].map((part) => `${tag}:${part}`);
    this.channel = `${tag}:grants`;
  }

  get concurrency(): number {
    return this.bound;
  }

  /** Changes the bound this process asks Redis for; set the same value in every process. */
  set concurrency(value: number) {
    assertConcurrency(value, 'limiter.concurrency');
    this.bound = value;
    this.feed.publish();
    if (this.waiters.size > 0) this.beatSoon(0); // a raised bound may start waiters now
  }

  /** Permits this process holds. */
  get running(): number {
    return this.permits.size;
  }

  /** Acquires of this process that wait. */
  get pending(): number {
    return this.waiters.size;
  }

  get state$(): Observable<LimiterState> {
    return this.feed.state$;
  }

  run<T>(fn: (signal: AbortSignal) => T, signal?: AbortSignal, options?: AcquireOptions): Promise<TaskResult<T>> {
    return runLimited(this, true, fn, signal, options);
  }

  acquire(signal?: AbortSignal, options?: AcquireOptions): Promise<Permit> {
    const priority = checkAcquireCall(signal, options, true);
    if (this.closed) return Promise.reject(this.error('was disposed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => new HeldPermit(this, signal, resolve, reject).start(priority));
  }

  // The slot protocol (src/engine/Slots.ts), spoken directly: groups, operators, `run` and
  // `acquire` wait here with no promise and no AbortController of their own per task.

  isSlotOf(limiter: object): boolean {
    return limiter === this;
  }

  acquireSlot(client: SlotClient, priority?: number): SlotTicket | undefined {
    // asked again by a task that holds one of this limiter's permits: it runs on that permit
    if (this.reentered.admit(this, client)) return undefined;
    const waiter = new Waiter(client, `${this.prefix}-${++this.lastId}`, priority ?? 0);
    this.waiters.set(waiter.id, waiter);
    this.feed.publish();
    if (this.closed) void Promise.resolve().then(() => this.fail(waiter, this.error('was disposed')));
    else void this.enqueue(waiter);
    return waiter;
  }

  /** The client no longer waits: out of Redis's queue at once, or, granted but not started, its lease back. */
  withdrawSlot(ticket: SlotTicket): void {
    const waiter = ticket as Waiter;
    if (this.waiters.get(waiter.id) === waiter) this.abandon(waiter);
    else if (waiter.withdrawGranted()) this.releaseSlot(waiter.client);
  }

  releaseSlot(client: SlotClient): void {
    if (this.reentered.release(client)) return; // ran on its holder's permit
    const lease = this.holders.get(client);
    if (!lease) return;
    this.holders.delete(client);
    if (lease.lostWith !== undefined) return; // Redis gave its slot to another holder: nothing to give back
    this.permits.delete(lease.id);
    this.feed.publish();
    this.queueRelease(lease.id, lease.token);
    this.settleDrained();
  }

  lossSignal(client: SlotClient): AbortSignal | undefined {
    return this.holders.get(client)?.signal;
  }

  /** Also `close()`, as every client's (ARCHITECTURE.md, "Conventions"). */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      for (const waiter of [...this.waiters.values()]) this.abandon(waiter, this.error('was disposed while a call waited'));
    }
    // permits still held are renewed until released: their work still runs
    if (this.permits.size > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    while (this.inFlight.size > 0 || this.flushScheduled) {
      await Promise.allSettled([...this.inFlight, new Promise((resolve) => setImmediate(resolve))]);
    }
    this.stopHeartbeat();
    this.subscriber?.disconnect();
    this.subscriber = undefined;
  }

  /** Queues a waiter's acquire for the next batch, once the grants channel listens. */
  private async enqueue(waiter: Waiter): Promise<void> {
    try {
      await this.listen();
    } catch (error) {
      this.fail(waiter, error);
      return;
    }
    this.acquires.push(waiter);
    this.scheduleFlush();
  }

  /**
   * Sends what this process released and asked for since the last batch in one script call, on
   * the next turn of the event loop: a release and the acquire that follows it cost one round
   * trip, and so do a thousand acquires made at once.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const releases = this.releases;
    // a waiter abandoned before its batch left is simply not sent
    let acquires = this.acquires.filter((waiter) => this.waiters.get(waiter.id) === waiter);
    this.releases = [];
    this.acquires = [];
    if (acquires.length > MAX_BATCH) {
      this.acquires = acquires.slice(MAX_BATCH);
      acquires = acquires.slice(0, MAX_BATCH);
      this.scheduleFlush();
    }
    if (releases.length === 0 && acquires.length === 0) return;
    const args = [String(releases.length / 2), ...releases];
    for (const waiter of acquires) args.push(waiter.id, String(waiter.priority));
    let reply: unknown[];
    try {
      reply = await this.call(scripts.batch, ...args);
    } catch (error) {
      // a release Redis does not hear of is undone by the lease's expiry: nothing to report
      for (const waiter of acquires) this.fail(waiter, error);
      return;
    }
    acquires.forEach((waiter, k) => this.settleAcquire(waiter, String(reply[k + 2])));
    const wait = Number(reply[1]);
    if (wait > 0 && this.waiters.size > 0) this.beatSoon(wait);
  }

  /** The batch answered for `waiter`: "t<token>" (granted) or "q<member>" (queued). */
  private settleAcquire(waiter: Waiter, result: string): void {
    const granted = result.startsWith('t');
    const value = result.slice(1);
    if (this.waiters.get(waiter.id) !== waiter) {
      // abandoned while the batch ran: give back what it got
      if (granted) this.queueRelease(waiter.id, value);
      else void this.call(scripts.withdraw, waiter.id, value).catch(ignore);
      return;
    }
    if (granted) this.grant(waiter, value);
    else if (waiter.early !== undefined) this.grant(waiter, waiter.early);
    else {
      waiter.member = value;
      this.ensureHeartbeat();
    }
  }

  private queueRelease(id: string, token: string): void {
    this.releases.push(id, token);
    this.scheduleFlush();
  }

  /** A grant for `waiter` arrived: its client holds a lease, and starts one promise job later in its own context. */
  private grant(waiter: Waiter, token: string): void {
    this.waiters.delete(waiter.id);
    const lease = new Lease(waiter.client, waiter.id, token);
    this.permits.set(waiter.id, lease);
    this.holders.set(waiter.client, lease);
    this.feed.publish();
    this.ensureHeartbeat();
    waiter.grant(undefined);
  }

  /** The waiter no longer waits (withdrawn; or `error`: the limiter disposed): out of Redis's queue at once. */
  private abandon(waiter: Waiter, error?: RedisLimiterError): void {
    this.waiters.delete(waiter.id);
    this.feed.publish();
    if (waiter.member !== undefined) void this.call(scripts.withdraw, waiter.id, waiter.member).catch(ignore);
    // else its acquire is on its way: the reply gives back what it got (see settleAcquire)
    if (error) waiter.client.slotFailed(error);
  }

  /** The waiter gets no slot (Redis unreachable, the limiter disposed): its client fails unstarted. */
  private fail(waiter: Waiter, error: unknown): void {
    if (this.waiters.get(waiter.id) !== waiter) return;
    this.waiters.delete(waiter.id);
    this.feed.publish();
    waiter.client.slotFailed(error);
  }

  /**
   * A lease's slot is no longer its own: it is not renewed, its release gives nothing back, its
   * signal aborts (`fn`'s, in `limiter.run`), then its client fails (a task, an operator's item).
   */
  private lose(lease: Lease): void {
    this.permits.delete(lease.id);
    this.feed.publish();
    const { lease: ms } = this.settings;
    const error = this.error(
      `lost the lease of a permit: this process did not renew it within ${ms} ms (it stalled: a long GC pause, SIGSTOP, ` +
        'a suspended machine) and Redis gave its slot to another holder; the task under it was aborted',
    );
    lease.lose(error);
    lease.client.slotLost?.(error);
    this.settleDrained();
  }

  /** Settles a dispose that waits for the last permit. */
  private settleDrained(): void {
    if (this.permits.size === 0 && this.drained) {
      this.drained();
      this.drained = undefined;
    }
  }

  /** Subscribes to the grants channel, once; a failure is retried by the next acquire. */
  private listen(): Promise<unknown> {
    if (this.subscribed) return this.subscribed;
    const subscriber = (this.subscriber ??= this.openSubscriber());
    const subscribed = this.bounded(subscriber.subscribe(this.channel), 'subscribe to its grants channel');
    this.subscribed = subscribed;
    subscribed.catch(() => {
      if (this.subscribed === subscribed) this.subscribed = undefined;
    });
    return subscribed;
  }

  private openSubscriber(): RedisSubscriberLike {
    const subscriber = this.settings.client.duplicate();
    subscriber.on('message', (channel, message) => {
      if (channel !== this.channel) return;
      const space = message.indexOf(' ');
      const waiter = this.waiters.get(message.slice(0, space));
      if (!waiter) return;
      if (waiter.member !== undefined) this.grant(waiter, message.slice(space + 1));
      else waiter.early = message.slice(space + 1);
    });
    // its errors reach the calls that need it; an 'error' event nobody listens to would crash Node
    subscriber.on('error', ignore);
    return subscriber;
  }

  /** Runs a script with the limiter's keys and settings first; its reply, or a RedisLimiterError. */
  private async call(target: Script, ...args: string[]): Promise<unknown[]> {
    const { client, lease, rate } = this.settings;
    const argv = [this.channel, String(this.bound === Infinity ? -1 : this.bound), String(lease), String(rate?.limit ?? 0), String(rate?.interval ?? 0), ...args];
    const run = async (): Promise<unknown> => {
      try {
        return await client.evalsha(target.sha, this.keys.length, ...this.keys, ...argv);
      } catch (error) {
        // a server that restarted has forgotten the script: send its source once
        if (!String((error as Error)?.message).startsWith('NOSCRIPT')) throw error;
        return await client.eval(target.source, this.keys.length, ...this.keys, ...argv);
      }
    };
    const pending = this.bounded(run(), 'run its script');
    this.inFlight.add(pending);
    try {
      const reply = (await pending) as unknown[];
      this.lastAnswer = Date.now();
      this.sawEpoch(String(reply[0]));
      return reply;
    } finally {
      this.inFlight.delete(pending);
    }
  }

  /** A promise that fails with a RedisLimiterError if Redis takes longer than `redisTimeout`. */
  private bounded<T>(promise: Promise<T>, doing: string): Promise<T> {
    const { redisTimeout } = this.settings;
    return withTimeout(
      promise,
      redisTimeout,
      () => this.error(`could not ${doing}: Redis did not answer within ${redisTimeout} ms`),
      (error) => (error instanceof RedisLimiterError ? error : this.error(`could not ${doing}: ${describeError(error)}`, error)),
    );
  }

  /**
   * A reply named the server's epoch: a new one means Redis lost the data (a restart without
   * persistence, a failover to a replica that had not caught up), and with it this process's
   * permits and places: re-register them now rather than at the next regular beat, so that grants
   * made in between count them.
   */
  private sawEpoch(epoch: string): void {
    if (this.epoch === '') this.epoch = epoch;
    else if (epoch !== this.epoch && (this.permits.size > 0 || this.waiters.size > 0)) this.beatSoon(0);
  }

  private ensureHeartbeat(): void {
    if (this.heartbeatTimer === undefined && !this.beating) this.beatSoon(this.interval());
  }

  /** How often the heartbeat runs: leases need a third of `lease`, waiters `pollInterval`. */
  private interval(): number {
    const { lease, pollInterval } = this.settings;
    return this.waiters.size > 0 ? Math.min(pollInterval, lease / 3) : lease / 3;
  }

  /** Runs the heartbeat in `delay` ms (sooner than planned, if it was). */
  private beatSoon(delay: number): void {
    if (this.beating) return; // it reschedules itself when it ends
    if (this.heartbeatTimer !== undefined) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = setTimeout(() => {
      this.heartbeatTimer = undefined;
      this.beating = this.beat().then((wait) => {
        this.beating = undefined;
        // the rate window may open before the next regular beat: promote then
        if (this.permits.size > 0 || this.waiters.size > 0) this.beatSoon(wait > 0 ? Math.min(wait, this.interval()) : this.interval());
      });
    }, Math.ceil(delay));
    // a heartbeat alone never keeps a process alive: the work holding permits does
    (this.heartbeatTimer as { unref?: () => void }).unref?.();
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer !== undefined) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  /**
   * Renews every lease of this process and picks up what it missed. The script is told the
   * epoch this process last saw, and every permit it holds with its fencing token: a permit whose
   * token Redis no longer has (its lease ran out in a stall and the slot went to another) is not
   * renewed, since the token says whose it is now; after a data loss (a new epoch) the script
   * registers the permits again, so new grants count them. Waiters renew their places the same way.
   */
  private async beat(): Promise<number> {
    const args: string[] = [this.epoch, String(this.permits.size)];
    for (const permit of this.permits.values()) args.push(permit.id, permit.token);
    for (const waiter of this.waiters.values()) {
      if (waiter.member !== undefined) args.push(waiter.id, waiter.member, String(waiter.priority));
    }
    let reply: unknown[];
    try {
      reply = await this.call(scripts.heartbeat, ...args);
    } catch (error) {
      // one failed beat is not an outage; Redis silent for `redisTimeout` is: waiters fail then
      // (held permits stay held: their work runs, and their leases cover a short outage)
      if (Date.now() - this.lastAnswer >= this.settings.redisTimeout) {
        for (const waiter of [...this.waiters.values()]) this.fail(waiter, error);
      }
      return 0;
    }
    const [epoch, wait, lostPermits, granted, lostWaiters] = reply as [string, number, string[], string[], string[]];
    this.epoch = epoch;
    // a permit whose lease ran out while this process stalled, its slot given to another: the
    // task under it is aborted rather than run on beside the one that has its slot now
    for (const id of lostPermits) {
      const permit = this.permits.get(id);
      if (permit) this.lose(permit);
    }
    for (let i = 0; i < granted.length; i += 2) {
      const waiter = this.waiters.get(granted[i]!);
      if (waiter) this.grant(waiter, granted[i + 1]!);
    }
    // a place that expired (this process stalled longer than the lease): queue again, at the back
    for (const id of lostWaiters) {
      const waiter = this.waiters.get(id);
      if (waiter) {
        waiter.member = undefined;
        void this.enqueue(waiter);
      }
    }
    return wait;
  }

  private error(what: string, cause?: unknown): RedisLimiterError {
    const { name, key } = this.settings;
    return new RedisLimiterError(`Redis limiter ${JSON.stringify(name)} (key ${JSON.stringify(key)}) ${what}`, key, cause === undefined ? undefined : { cause });
  }

}

/**
 * A lease held in Redis: its id and fencing token, and, made only when someone reads it, the
 * signal that aborts if the lease is lost (most tasks never read it: an AbortController costs
 * about as much as the rest of a grant).
 */
class Lease {
  /** set once Redis gave its slot to another holder: the limiter's error saying so */
  lostWith: Error | undefined = undefined;
  private controller: AbortController | undefined = undefined;

  constructor(
    readonly client: SlotClient,
    readonly id: string,
    readonly token: string,
  ) {}

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.lostWith !== undefined) this.controller.abort(this.lostWith);
    }
    return this.controller.signal;
  }

  /** Its slot is another holder's now: its signal aborts with `error`, if it was ever read. */
  lose(error: Error): void {
    this.lostWith = error;
    this.controller?.abort(error);
  }
}

const ignore = (): void => undefined;

