import { Observable, type Subscriber } from 'rxjs';
import type { CheckedScopeOptions } from '../engine/checks/checkScopeOptions.js';
import { reportUnhandled } from '../engine/reportUnhandled.js';
import type { Scope } from '../types/Scope.js';
import { TaskGroupObject } from './TaskGroupObject.js';
import { asyncDispose } from '../engine/asyncDispose.js';

/**
 * The scope behind `createScope`: the group engine with a supervisor's failure policy (Kotlin's
 * `SupervisorJob`). A failure rejects its own task only and is reported (`errors$`, `onError`, or
 * as an unhandled error when nobody observes it); it never cancels the siblings or fails the
 * scope. The scope stays open while empty, refuses new tasks once `close()` or `cancel()` was
 * called, and its `signal` option cancels it (rather than failing it, as it fails a group).
 * @internal
 */
export class ScopeObject extends TaskGroupObject implements Scope {
  /** `errors$` subscribers */
  private errorSubscribers: Subscriber<unknown>[] = [];
  /** resolvers of `whenIdle()` promises waiting for the scope to go idle */
  private idleWaiters: (() => void)[] = [];
  /** the promise every close() returns */
  private closing: Promise<void> | undefined = undefined;
  private readonly onError: ((error: unknown) => void) | undefined;

  constructor({ name, limiter, concurrency, signal, onError }: CheckedScopeOptions) {
    super({ name, limiter, concurrency, signal, parent: null }, 'scope'); // long-lived: nobody's child by itself
    this.onError = onError;
    this.acceptsWhileJoining = false;
  }

  override get closed(): boolean {
    return this.state !== 'open';
  }

  get errors$(): Observable<unknown> {
    return new Observable<unknown>((subscriber) => {
      if (this.state === 'closed') return subscriber.complete();
      this.errorSubscribers.push(subscriber);
      return () => {
        const at = this.errorSubscribers.indexOf(subscriber);
        if (at >= 0) this.errorSubscribers.splice(at, 1);
      };
    });
  }

  whenIdle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): Promise<void> {
    this.refuseFromOwnTask('close', 'Call cancel() to stop the scope from inside, or close it from the code that owns it');
    return this.beginClose();
  }

  override cancel(reason?: unknown): void {
    super.cancel(reason);
    void this.beginClose(); // a task may cancel its own scope: it does not wait for itself
  }

  /** No new tasks; resolves once every task settled. A scope records no failure, so never rejects. */
  private beginClose(): Promise<void> {
    return (this.closing ??= new Promise<void>((resolve) =>
      this.whenClosed(() => {
        this.completeErrors();
        resolve();
      }),
    ));
  }

  /** A task failed: only that task; tell whoever listens, or report it as unhandled. */
  override taskFailed(error: unknown, observed = false): void {
    const subscribers = this.errorSubscribers.slice();
    for (const subscriber of subscribers) subscriber.next(error);
    if (this.onError) this.onError(error);
    else if (!observed && subscribers.length === 0) reportUnhandled(error);
  }

  /** The `signal` option cancels a scope: its tasks stop, the scope ends without error. */
  protected override failFromOutside(reason: unknown): void {
    if (!this.cancelled && this.state !== 'closed') this.cancel(reason);
  }

  protected override idle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
    super.idle();
  }

  private completeErrors(): void {
    const subscribers = this.errorSubscribers;
    this.errorSubscribers = [];
    for (const subscriber of subscribers) subscriber.complete();
  }

  /** Leaving an `await using` scope closes the scope (a group's joins it). */
  override [asyncDispose](): Promise<void> {
    return this.close();
  }
}
