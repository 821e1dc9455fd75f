import type { Subscriber } from 'rxjs';
import { defineEntry, reportCleanupErrors } from '../../src/engine/index.js';
import type { GatherArgs } from './checks/checkGatherArgs.js';
import { callInput } from './callInput.js';
import { NO_ITEM, Runner, type RunnerOwner } from './Runner.js';

const unsubscribedReason = (): DOMException => new DOMException('The subscriber of gather unsubscribed', 'AbortError');

/**
 * One subscription of `gather`: hands the inputs to a runner in order, collects their values by
 * position, and emits them all (as an array, or a record under the input's keys) once the last
 * arrives. Without `settled`, the first failure cancels the rest and is the error.
 * @internal
 */
export class GatherCollector implements RunnerOwner<unknown> {
  private readonly runner: Runner;
  /** values (or settled entries) by input position, made at the first (a batch needs none) */
  private values: unknown[] | undefined = undefined;
  /** inputs without a value yet */
  private remaining: number;
  /** the next input to hand to the runner */
  private next = 0;

  constructor(
    private readonly args: GatherArgs,
    private readonly subscriber: Subscriber<unknown>,
  ) {
    this.remaining = args.entries.length;
    this.runner = new Runner(this, args.concurrency, args.limiter);
    const tracker = (this.runner.tracker = args.progress?.());
    subscriber.add(() => this.runner.stop(unsubscribedReason));
    if (tracker) subscriber.add(() => tracker.complete());
  }

  /** Starts the inputs, or emits at once when there are none. */
  start(): void {
    this.runner.tracker?.addedMany(this.remaining);
    if (this.remaining === 0) this.emit();
    else if (this.args.settled || !this.runner.unbounded || this.runner.tracker || this.runner.trace) this.runner.pump();
    else this.startBatch();
  }

  /**
   * The fast path of an unbounded gather that nobody watches (no progress, no trace, no
   * `settled`): calls every input, and while each returns a native promise, lets one
   * `Promise.all` follow them all, the engine's own loop with no callbacks of ours per input. The
   * first input that returns anything else (or throws) turns the batch back into inputs followed
   * one by one, as the runner's pump does, so Observables and plain values keep the task value
   * rule and their cancellation. A rejection aborts the rest through `failed`, as always.
   */
  private startBatch(): void {
    const { entries } = this.args;
    const runner = this.runner;
    const { signal } = runner;
    const count = entries.length;
    // made at its full length: pushing would grow it (and copy it) a dozen times for 100k inputs
    const promises = new Array<Promise<unknown>>(count);
    // counted in flight from the start, so that a subscriber leaving meanwhile aborts the signal
    runner.started = runner.running = count;
    let index = callWhilePromises(entries, promises, signal, runner);
    const threw = index < 0;
    if (threw) index = ~index;
    if (index < count && !runner.closed) {
      // input `index` returned something else than a native promise, or threw: `promises[index]` holds it
      const outcome: unknown = promises[index];
      this.unbatch(promises, index);
      if (threw) return runner.done(index, true, outcome);
      runner.followOther(index, outcome);
      return runner.pump();
    }
    if (index < count) promises.length = index; // the subscriber left
    this.next = count;
    Promise.all(promises).then(
      (values) => {
        if (runner.closed) return;
        runner.running = 0;
        this.emit(values);
      },
      (error: unknown) => {
        if (!runner.closed) this.failed(-1, error);
      },
    );
  }

  /** The batch so far (inputs 0 to `count` - 1) followed one by one instead; the rest by the
   * runner's pump, from the input after the one that was not a promise. */
  private unbatch(promises: readonly Promise<unknown>[], count: number): void {
    const runner = this.runner;
    for (let index = 0; index < count; index++) runner.followPromise(index, promises[index]!);
    runner.started = runner.running = count + 1;
    this.next = count + 1;
  }

  call(input: unknown, _index: number, signal: AbortSignal): unknown {
    return callInput(input, signal);
  }

  fulfilled(index: number, value: unknown): void {
    this.store(index, this.args.settled ? { status: 'fulfilled', value } : value);
    if (--this.remaining === 0) this.emit();
  }

  failed(index: number, reason: unknown): void {
    if (this.args.settled) {
      this.store(index, { status: 'rejected', reason });
      if (--this.remaining === 0) this.emit();
      return;
    }
    // the failure is the outcome; what a sibling's teardown threw while cancelling is reported
    // apart, as RxJS reports an error nobody can receive
    reportCleanupErrors(this.runner.cancel(reason));
    this.subscriber.error(reason);
  }

  admits(): boolean {
    return true;
  }

  nextItem(): unknown {
    const { entries } = this.args;
    return this.next < entries.length ? entries[this.next++] : NO_ITEM;
  }

  /** Keeps input `index`'s value (or settled entry) in its place. */
  private store(index: number, entry: unknown): void {
    (this.values ??= new Array<unknown>(this.args.entries.length))[index] = entry;
  }

  /** Emits the values (all of them, by position: the batch hands `Promise.all`'s array). */
  private emit(values: unknown[] = this.values ?? []): void {
    const { keys } = this.args;
    this.subscriber.next(keys ? toRecord(keys, values) : values);
    this.subscriber.complete();
  }
}

/** The result record: own data properties for every key, `__proto__` included. */
function toRecord(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) defineEntry(record, keys[i]!, values[i]);
  return record;
}

/**
 * Calls the inputs in order while each returns a native promise, storing them in `promises`;
 * returns the index it stopped at: `entries.length`; an input that returned something else (kept
 * at its index in `promises`); `~index` for one that threw (its error kept there); or the next
 * input once the subscriber has left (`closed`, set only by an input that made it leave while it
 * was called). A function of its own, with nothing after its loop: V8 compiles the loop of
 * 100,000 inputs on the stack (OSR), and code after a loop that has not run yet deoptimized it on
 * its way out, on every run (W1).
 */
function callWhilePromises(entries: readonly unknown[], promises: unknown[], signal: AbortSignal, runner: Runner): number {
  const count = entries.length;
  let index = 0;
  for (; index < count && !runner.closed; index++) {
    try {
      const result = (promises[index] = callInput(entries[index], signal));
      if (!(result instanceof Promise)) return index; // may throw (a revoked Proxy): the input fails with it
    } catch (error) {
      promises[index] = error;
      return ~index;
    }
  }
  return index;
}
