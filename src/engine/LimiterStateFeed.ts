import { Observable, Subject } from 'rxjs';
import type { LimiterState } from '../types/LimiterState.js';

/** What a feed reads its snapshots from: a limiter's counts. */
interface Counted {
  readonly running: number;
  readonly pending: number;
  readonly concurrency: number;
}

/**
 * A limiter's `state$`: the state at subscribe, then a snapshot at each `publish`. Subscribers are
 * kept by an rxjs Subject (as `progress$`'s are: no bookkeeping of our own in the bundle), and
 * `publish` builds nothing while nobody subscribes, so a limiter's hot path can call it at every
 * change. Shared by every limiter.
 * @internal
 */
export class LimiterStateFeed {
  private readonly changes = new Subject<LimiterState>();
  readonly state$: Observable<LimiterState>;

  constructor(private readonly limiter: Counted) {
    this.state$ = new Observable<LimiterState>((subscriber) => {
      subscriber.next(this.snapshot());
      return this.changes.subscribe(subscriber);
    });
  }

  /** Tells every subscriber the state now, if there is any. */
  publish(): void {
    if (this.changes.observed) this.changes.next(this.snapshot());
  }

  private snapshot(): LimiterState {
    const { running, pending, concurrency } = this.limiter;
    return Object.freeze({ running, pending, concurrency });
  }
}
