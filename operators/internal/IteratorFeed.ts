import type { Subscriber } from 'rxjs';
import { isPromiseLikeSafe } from '../../src/engine/index.js';
import type { ConcurrentMapper } from './ConcurrentMapper.js';
import { NO_ITEM } from './Runner.js';

/**
 * Feeds `mapConcurrentFrom`'s mapper from an iterator, one item each time a slot asks: a sync
 * iterator answers at once; an async one has at most one `next()` in flight, and the item it
 * delivers waits in `ready` until the runner pumps again. It closes the iterator (`return()`)
 * when the subscription ends before the iterator did, so a generator runs its `finally`.
 *
 * | state | meaning |
 * |---|---|
 * | open | items may be pulled |
 * | pulling | (async) a `next()` is in flight |
 * | exhausted | done, failed or closed: nothing is pulled again, `return()` is not owed |
 * @internal
 */
export class IteratorFeed<T> {
  /** finished (exhausted, failed or closed): it needs no return() */
  private exhausted = false;
  /** an async next() in flight: only one at a time */
  private pulling = false;
  /** the item an async next() delivered, until a slot takes it */
  private ready: { readonly value: T } | undefined = undefined;

  constructor(
    private readonly iterator: Iterator<T> | AsyncIterator<T>,
    private readonly isAsync: boolean,
    private readonly mapper: ConcurrentMapper<T>,
    private readonly subscriber: Subscriber<unknown>,
  ) {
    subscriber.add(() => this.close());
  }

  /** The next item, or `NO_ITEM` when none is ready now (a method on one class, which the JIT
   * inlines into the runner's loop: a bound function chosen once was slower). */
  pull(): T | typeof NO_ITEM {
    return this.isAsync ? this.pullAsync() : this.pullSync();
  }

  private pullSync(): T | typeof NO_ITEM {
    if (this.exhausted) return NO_ITEM;
    let result: IteratorResult<T>;
    try {
      result = (this.iterator as Iterator<T>).next();
    } catch (error) {
      this.fail(error);
      return NO_ITEM;
    }
    if (!result.done) return result.value;
    this.end();
    return NO_ITEM;
  }

  private pullAsync(): T | typeof NO_ITEM {
    if (this.ready) {
      const { value } = this.ready;
      this.ready = undefined;
      return value;
    }
    if (this.pulling || this.exhausted) return NO_ITEM;
    this.pulling = true;
    let next: Promise<IteratorResult<T>>;
    try {
      next = Promise.resolve((this.iterator as AsyncIterator<T>).next());
    } catch (error) {
      this.pulling = false;
      this.fail(error);
      return NO_ITEM;
    }
    next.then(this.delivered, this.rejected);
    return NO_ITEM;
  }

  private readonly delivered = (result: IteratorResult<T>): void => {
    this.pulling = false;
    if (this.subscriber.closed) return;
    if (result.done) return this.end();
    this.ready = { value: result.value };
    this.mapper.runner.pump();
  };

  private readonly rejected = (error: unknown): void => {
    this.pulling = false;
    if (!this.subscriber.closed) this.fail(error);
  };

  private end(): void {
    this.exhausted = true;
    this.mapper.endInput();
  }

  private fail(error: unknown): void {
    this.exhausted = true;
    this.mapper.fail(error);
  }

  /**
   * The subscription ended first: call `return()` so a generator runs its `finally`. Its failure
   * has no one left to report to, and is dropped rather than left as an unhandled rejection.
   */
  private close(): void {
    if (this.exhausted) return;
    this.exhausted = true;
    try {
      const result = this.iterator.return?.();
      if (isPromiseLikeSafe(result)) result.then(undefined, () => undefined);
    } catch {
      // a return() that throws: the iterator is being abandoned either way
    }
  }
}
