import { Observable } from 'rxjs';

/** Sends a job and reports its outcome; the signal, when there is one, cancels it. */
export type SendJob<T> = (signal: AbortSignal | undefined) => Promise<T>;

/**
 * A call to somewhere else (a worker thread, a remote worker) as a cold Observable that is also
 * awaitable: each subscription sends the job and cancels it when unsubscribed; the first `then`
 * sends it once, without a signal (nobody can unsubscribe an await), and later ones share the
 * result. Used by `rxjs-asyncer/workers` and `rxjs-asyncer/bullmq`.
 * @internal
 */
export class CallObservable<T> extends Observable<T> implements PromiseLike<T> {
  /** the awaited result, made by the first `then` */
  private promise: Promise<T> | undefined = undefined;

  /**
   * @param send sends the job
   * @param what names the call in the AbortError an unsubscription aborts it with
   */
  constructor(
    private readonly send: SendJob<T>,
    what: string,
  ) {
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
        // the job still runs or waits: cancel it
        if (!settled) controller.abort(new DOMException(`The ${what} was unsubscribed`, 'AbortError'));
      };
    });
  }

  then<A = T, B = never>(onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    this.promise ??= this.send(undefined);
    return this.promise.then(onfulfilled, onrejected);
  }
}
