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
  /** values (or settled entries) by input position */
  private readonly values: unknown[];
  /** inputs without a value yet */
  private remaining: number;
  /** the next input to hand to the runner */
  private next = 0;

  constructor(
    private readonly args: GatherArgs,
    private readonly subscriber: Subscriber<unknown>,
  ) {
    this.values = new Array<unknown>(args.entries.length);
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
    else this.runner.pump();
  }

  call(input: unknown, _index: number, signal: AbortSignal): unknown {
    return callInput(input, signal);
  }

  fulfilled(index: number, value: unknown): void {
    this.values[index] = this.args.settled ? { status: 'fulfilled', value } : value;
    if (--this.remaining === 0) this.emit();
  }

  failed(index: number, reason: unknown): void {
    if (this.args.settled) {
      this.values[index] = { status: 'rejected', reason };
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

  private emit(): void {
    const { keys } = this.args;
    this.subscriber.next(keys ? toRecord(keys, this.values) : this.values);
    this.subscriber.complete();
  }
}

/** The result record: own data properties for every key, `__proto__` included. */
function toRecord(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) defineEntry(record, keys[i]!, values[i]);
  return record;
}
