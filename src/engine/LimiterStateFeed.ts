import { Observable, type Subscriber } from 'rxjs';
import type { LimiterState } from '../types/LimiterState.js';

/** What a feed reads its snapshots from: a limiter's counts. */
interface Counted {
  readonly running: number;
  readonly pending: number;
  readonly concurrency: number;
}

/**
 * A limiter's `state$`: the state at subscribe, then a snapshot at each `publish`. Nothing is
 * built while nobody subscribes; `subscribers` is undefined then, the one field a limiter's hot
 * path reads (`if (feed.subscribers) feed.publish()`). Shared by every limiter.
 * @internal
 */
export class LimiterStateFeed {
  subscribers: Subscriber<LimiterState>[] | undefined = undefined;
  readonly state$: Observable<LimiterState>;

  constructor(private readonly limiter: Counted) {
    this.state$ = new Observable<LimiterState>((subscriber) => {
      subscriber.next(this.snapshot());
      (this.subscribers ??= []).push(subscriber);
      return () => {
        const subscribers = this.subscribers!;
        subscribers.splice(subscribers.indexOf(subscriber), 1);
        if (subscribers.length === 0) this.subscribers = undefined;
      };
    });
  }

  /** Tells every subscriber the state now. */
  publish(): void {
    const subscribers = this.subscribers;
    if (!subscribers) return;
    const state = this.snapshot();
    for (const subscriber of subscribers.slice()) subscriber.next(state);
  }

  private snapshot(): LimiterState {
    const { running, pending, concurrency } = this.limiter;
    return Object.freeze({ running, pending, concurrency });
  }
}
