import { followTaskValue, type CountTracker, reportCleanupErrors, type TaskSink, teardownFailure, type TraceOfWork, tracing, tryUnsubscribe } from '../../src/engine/index.js';
import { type Subscriber, type Subscription, timer } from 'rxjs';

/** The losers' abort reason: one shared instance, made on first use, since building an error
 * (its stack trace) costs more than the rest of a small race. */
let lostRace: DOMException | undefined;
const lostRaceReason = (): DOMException => (lostRace ??= new DOMException('firstWins: another input won the race', 'AbortError'));

/** One input of a race. A function input gets its own signal: aborting a shared one would also
 * abort the winner, whose work (a fetch body, say) may still be in use. */
class Racer implements TaskSink {
  /** whether this input has an outcome, or was cancelled */
  private over = false;
  /** the signal's controller, for function inputs */
  private controller: AbortController | undefined = undefined;
  /** an Observable input's subscription */
  private subscription: Subscription | undefined = undefined;

  constructor(
    private readonly race: FirstWinsRace,
    readonly index: number,
  ) {}

  start(input: unknown): void {
    this.race.tracker?.started(this.index, '');
    const trace = this.race.trace;
    trace?.taskAdded(this.index, typeof input === 'function' ? input.name : '');
    let result = input;
    if (typeof input === 'function') {
      this.controller = new AbortController();
      const signal = this.controller.signal;
      try {
        result = trace === undefined ? input(signal) : trace.runTask(this.index, () => input(signal));
      } catch (error) {
        this.taskFailed(error);
        return;
      }
    }
    const subscription = followTaskValue(result, this);
    if (!this.over) this.subscription = subscription;
  }

  taskFulfilled(value: unknown): void {
    if (!this.end()) return;
    this.race.tracker?.settled(true, 'fulfilled', this.index, '', undefined);
    this.race.trace?.taskEnded(this.index, 'fulfilled');
    this.race.won(value);
  }

  taskFailed(error: unknown): void {
    if (!this.end()) return;
    this.race.tracker?.settled(true, 'failed', this.index, '', undefined);
    this.race.trace?.taskEnded(this.index, 'failed', error);
    this.race.lost(this, error);
  }

  /** Cancels the input if it still runs; adds what a throwing teardown threw to `errors`. */
  cancel(reason: unknown, errors: unknown[] | undefined): unknown[] | undefined {
    const subscription = this.subscription;
    if (!this.end()) return errors;
    this.race.trace?.taskEnded(this.index, 'cancelled', reason);
    this.controller?.abort(reason);
    return subscription ? tryUnsubscribe(subscription, errors) : errors;
  }

  /** Marks the input over; returns whether it was still running. */
  private end(): boolean {
    if (this.over) return false;
    this.over = true;
    this.subscription = undefined;
    return true;
  }
}

/**
 * One subscription of `firstWins`: starts inputs (all at once, or staggered), emits the first
 * success and cancels the rest, or errors with every failure once all inputs have failed.
 * @internal
 */
export class FirstWinsRace {
  /** the inputs started so far */
  private readonly racers: Racer[] = [];
  /** failures by input index */
  private readonly errors: unknown[];
  private failed = 0;
  /** the race's span and its inputs', while tracing is on (`rxjs-asyncer/otel`) */
  readonly trace: TraceOfWork | undefined = tracing.opening;
  /** set once there is a winner, every input failed, or the subscriber left */
  private over = false;
  /** the stagger timer for the latest started input */
  private timer: Subscription | undefined = undefined;

  constructor(
    private readonly inputs: readonly unknown[],
    private readonly stagger: number | undefined,
    private readonly subscriber: Subscriber<unknown>,
    /** counts the inputs for the `progress` option; undefined without it */
    readonly tracker: CountTracker | undefined,
  ) {
    this.errors = new Array<unknown>(inputs.length);
    if (tracker) subscriber.add(() => tracker.complete());
  }

  run(): void {
    this.tracker?.addedMany(this.inputs.length);
    if (this.inputs.length === 0) {
      this.subscriber.error(new AggregateError([], 'firstWins: there is no input to race'));
      return;
    }
    if (this.stagger === undefined) {
      for (let i = 0; i < this.inputs.length && !this.over; i++) this.startInput();
    } else {
      this.startNext();
    }
  }

  won(value: unknown): void {
    // the winner stands; what a loser's teardown threw is reported apart, as RxJS reports an
    // error nobody can receive
    reportCleanupErrors(this.finish(lostRaceReason()));
    this.subscriber.next(value);
    this.subscriber.complete();
  }

  lost(racer: Racer, error: unknown): void {
    this.errors[racer.index] = error;
    if (++this.failed === this.inputs.length) {
      this.finish(undefined);
      this.subscriber.error(new AggregateError(this.errors, `firstWins: all ${this.inputs.length} inputs failed`));
    } else if (this.stagger !== undefined && racer.index === this.racers.length - 1) {
      this.startNext(); // the latest input failed: the next one need not wait for its delay
    }
  }

  /** The subscriber left: cancel whatever still runs. */
  abandon(): void {
    if (this.over) return;
    const errors = this.finish(new DOMException('The subscriber of firstWins unsubscribed', 'AbortError'));
    // nobody waits for the race any more: rxjs passes this on to the caller of unsubscribe()
    if (errors) throw teardownFailure(errors);
  }

  /**
   * Ends the race: no more starts, every running input cancelled, even when a teardown throws.
   * Returns what teardowns threw.
   */
  finish(reason: unknown): unknown[] | undefined {
    if (this.over) return undefined;
    this.over = true;
    this.timer?.unsubscribe();
    this.timer = undefined;
    let errors: unknown[] | undefined;
    for (const racer of this.racers) errors = racer.cancel(reason, errors);
    this.tracker?.cancelledRest(); // losers running, and inputs never started
    return errors;
  }

  /** Staggered mode: starts the next input and arms the delay after which the one after starts.
   * A method, not an arrow field: a race without `stagger` makes no closure for it. */
  private startNext(): void {
    this.timer?.unsubscribe();
    this.timer = undefined;
    if (this.over || this.racers.length >= this.inputs.length) return;
    // armed before the start, so that an input failing synchronously replaces it cleanly
    if (this.stagger !== Infinity && this.racers.length + 1 < this.inputs.length) {
      this.timer = timer(this.stagger!).subscribe(() => this.startNext());
    }
    this.startInput();
  }

  private startInput(): void {
    const racer = new Racer(this, this.racers.length);
    this.racers.push(racer);
    racer.start(this.inputs[racer.index]);
  }
}
