import { Observable, type Subscriber, type TeardownLogic } from 'rxjs';
import { PendingValueError } from './PendingValueError.js';
import { taskLabel } from './engine/taskLabel.js';
import { FULFILLED, PENDING, STATUS_BITS, STATUSES, type SettledStatus, type SoonStatus } from './engine/soonState.js';

/** A task's function, which names it. */
type NamedAfter = (...args: never[]) => unknown;

/** A function's name, read as the task's: '' when it has none, or when reading it throws (a hostile getter). */
const functionName = (fn: NamedAfter): string => {
  try {
    const name: unknown = fn.name;
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
};

/** What waits for a task: a subscriber, or the settle functions of a promise. */
type Waiting<T> = Pick<Subscriber<T>, 'next' | 'error' | 'complete'>;

const noop = (): void => undefined;

/**
 * Every SoonValue shares this one subscribe function, on the prototype (see the end of this
 * file): rxjs calls `this._subscribe(subscriber)`, and a constructor argument would instead be
 * stored on each instance, one field more per task.
 */
function subscribeToSoonValue(this: Observable<unknown>, subscriber: Subscriber<unknown>): TeardownLogic {
  return (this as SoonValue<unknown>)._attach(subscriber);
}

/**
 * The handle of a task started with `tg.soonify(fn)(...args)`: the task's value, soon.
 *
 * Think of it as a promise that is also a replaying Observable. The task runs exactly once,
 * whether its SoonValue is awaited, subscribed to many times, or ignored; every subscriber,
 * early or late, gets the task's value and then completes (or gets its error).
 *
 * - `await sv` (or `sv.then(...)`) gives the value, or throws the task's error, or a
 *   `CancelledError` when the task was cancelled;
 * - `sv.subscribe(...)` / `sv.pipe(...)` emits the value once and completes, or errors likewise;
 * - `sv.value` reads it synchronously: it throws `PendingValueError` while the task runs, the
 *   task's error when it failed, `CancelledError` when it was cancelled;
 * - `sv.status` and `sv.ready` tell which of those it is without throwing.
 *
 * A cancelled task's SoonValue settles as `'cancelled'` at once, even when the task is a promise
 * that goes on running until it notices the abort: nothing that awaits it hangs.
 *
 * SoonValues are made by task groups; there is no public constructor.
 *
 * ## Example
 * ```ts
 * import { runTaskGroup } from 'rxjs-asyncer';
 *
 * await runTaskGroup((tg) => {
 *   const greeting = tg.soonify(async (name: string) => `Hello, ${name}`)('Ada');
 *   console.log(greeting.status);
 *   greeting.subscribe((text) => console.log(text, greeting.ready));
 * });
 * // Logs:
 * // pending
 * // Hello, Ada true
 * ```
 */
export class SoonValue<T> extends Observable<T> implements PromiseLike<T> {
  /** @internal the status (the index in STATUSES) in the low bits; subclasses use the others */
  _state = PENDING;
  /**
   * @internal while pending, the subscribers and awaiters waiting for the task to settle (or
   * undefined); then the value when fulfilled, else the error (a CancelledError when cancelled):
   * never both at once, so one field
   */
  _outcome: unknown = undefined;
  /**
   * @internal the task's name ('' when anonymous), or the task's function when it is named after
   * it: a function's `name` is then read only when a message, an event or a span needs it (a
   * native call, and most tasks never need it)
   */
  readonly _named: string | NamedAfter;
  /**
   * Task groups make SoonValues (through an internal subclass); there is no public constructor.
   * @param named the task's name, or its function, for messages
   */
  protected constructor(named: string | NamedAfter) {
    super();
    this._named = named;
  }

  /** @internal the task's name ('' when anonymous) */
  get _name(): string {
    const named = this._named;
    return typeof named === 'string' ? named : functionName(named);
  }

  /** @internal how messages name the task */
  get _label(): string {
    return taskLabel(this._name);
  }

  /** @internal whether the task has not settled yet */
  get _pending(): boolean {
    return (this._state & STATUS_BITS) === PENDING;
  }

  /** @internal the subscribers and awaiters waiting for the task to settle, while it is pending */
  get _waiting(): Waiting<T>[] | undefined {
    return this._pending ? (this._outcome as Waiting<T>[] | undefined) : undefined;
  }

  /** @internal whether someone waits for it (a subscriber, an awaiter): its failure is then seen */
  get _observed(): boolean {
    const waiting = this._waiting;
    return waiting !== undefined && waiting.length > 0;
  }

  /** `'pending'` while the task runs, then `'fulfilled'`, `'failed'` or `'cancelled'` (the words of `events$` and timelines;
   * `'rejected'` in 0.1). */
  get status(): SoonStatus {
    return STATUSES[this._state & STATUS_BITS]!;
  }

  /** `true` once the task has a value: `status === 'fulfilled'`. */
  get ready(): boolean {
    return (this._state & STATUS_BITS) === FULFILLED;
  }

  /**
   * The task's value. Throws `PendingValueError` while the task runs, the task's own error if it
   * failed, and `CancelledError` if it was cancelled.
   */
  get value(): T {
    const status = this._state & STATUS_BITS;
    if (status === FULFILLED) return this._outcome as T;
    if (status === PENDING) {
      throw new PendingValueError(`The value of ${this._label} is not ready yet: the task is still running`);
    }
    throw this._outcome;
  }

  /** Waits for the task: resolves with its value, or rejects with its error or a `CancelledError`. */
  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this._asPromise().then(onfulfilled, onrejected);
  }

  /**
   * A promise of the outcome. While pending, the promise waits among the subscribers, so an
   * awaitable task costs no field of its own: most tasks are never awaited.
   * @internal
   */
  _asPromise(): Promise<T> {
    switch (this._state & STATUS_BITS) {
      case FULFILLED:
        return Promise.resolve(this._outcome as T);
      case PENDING:
        return new Promise<T>((resolve, reject) => {
          this._waitingList().push({ next: resolve, error: reject, complete: noop });
        });
      default:
        return Promise.reject(this._outcome);
    }
  }

  /** The list of waiters of a pending SoonValue, made on the first. */
  private _waitingList(): Waiting<T>[] {
    return ((this._outcome as Waiting<T>[] | undefined) ??= []);
  }

  /** @internal */
  _attach(subscriber: Subscriber<T>): TeardownLogic {
    switch (this._state & STATUS_BITS) {
      case PENDING: {
        const waiting = this._waitingList();
        waiting.push(subscriber);
        return () => {
          // Once settled, the list belongs to `_settle`'s loop, which is walking it: completing a
          // subscriber runs this teardown, and a splice then would skip the next waiter.
          if (!this._pending) return;
          const at = waiting.indexOf(subscriber);
          if (at >= 0) waiting.splice(at, 1);
        };
      }
      case FULFILLED:
        subscriber.next(this._outcome as T);
        subscriber.complete();
        return;
      default:
        subscriber.error(this._outcome);
    }
  }

  /**
   * Settles once; later calls are ignored. Returns whether this call settled it.
   * @param status FULFILLED, FAILED or CANCELLED
   * @internal
   */
  _settle(status: SettledStatus, outcome: unknown): boolean {
    const state = this._state;
    if ((state & STATUS_BITS) !== PENDING) return false;
    const waiting = this._outcome as Waiting<T>[] | undefined;
    this._state = state | status;
    this._outcome = outcome;
    if (waiting) {
      for (const subscriber of waiting) {
        if (status === FULFILLED) {
          subscriber.next(outcome as T);
          subscriber.complete();
        } else {
          subscriber.error(outcome);
        }
      }
    }
    return true;
  }
}

// rxjs's own hook (internal in its typings): what `subscribe` calls once it made the subscriber
(SoonValue.prototype as unknown as { _subscribe: typeof subscribeToSoonValue })._subscribe = subscribeToSoonValue;
