import { Observable } from 'rxjs';
import type { WorkerCall } from '../types/WorkerCall.js';

/** Sends a job and reports its outcome; the signal, when there is one, cancels it. */
export type SendJob<T> = (signal: AbortSignal | undefined) => Promise<T>;

const unsubscribed = (): DOMException => new DOMException('The worker call was unsubscribed', 'AbortError');

/**
 * A worker call as a cold Observable that is also awaitable: each subscription sends the job and
 * cancels it when unsubscribed; the first `then` subscribes once and later ones share the result.
 * @internal
 */
export class WorkerCallObservable<T> extends Observable<T> implements WorkerCall<T> {
  /** the awaited result, made by the first `then` */
  private promise: Promise<T> | undefined = undefined;

  constructor(private readonly send: SendJob<T>) {
    super((subscriber) => {
      const controller = new AbortController();
      let settled = false;
      send(controller.signal).then(
        (value) => {
          settled = true;
          subscriber.next(value);
          subscriber.complete();
        },
        (error: unknown) => {
          settled = true;
          subscriber.error(error);
        },
      );
      return () => {
        if (!settled) controller.abort(unsubscribed()); // the job still runs or waits: cancel it
      };
    });
  }

  then<A = T, B = never>(onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    // awaited, nobody can unsubscribe: send the job without a subscription or an AbortController
    this.promise ??= this.send(undefined);
    return this.promise.then(onfulfilled, onrejected);
  }
}
