import { config, Observable } from 'rxjs';

/** An Observable that counts its subscriptions and teardowns, and lets the test drive it. */
export interface ObservableProbe<T> {
  readonly observable: Observable<T>;
  readonly subscribed: number;
  readonly tornDown: number;
  next(value: T): void;
  complete(): void;
  error(error: unknown): void;
}

export function observableProbe<T>(): ObservableProbe<T> {
  const subscribers = new Set<import('rxjs').Subscriber<T>>();
  let subscribed = 0;
  let tornDown = 0;
  const observable = new Observable<T>((subscriber) => {
    subscribed++;
    subscribers.add(subscriber);
    return () => {
      tornDown++;
      subscribers.delete(subscriber);
    };
  });
  return {
    observable,
    get subscribed() {
      return subscribed;
    },
    get tornDown() {
      return tornDown;
    },
    next: (value) => subscribers.forEach((s) => s.next(value)),
    complete: () => subscribers.forEach((s) => s.complete()),
    error: (error) => subscribers.forEach((s) => s.error(error)),
  };
}

/** A promise resolving with `value` after `ms` (for fake-timer tests). */
export const sleep = <T = void>(ms: number, value?: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value as T), ms));

/** A promise task that waits for `signal` and rejects with its reason, as fetch does. */
export const untilAborted = (signal: AbortSignal): Promise<never> =>
  new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** Fake timers that leave promise jobs and microtasks alone. */
export function useFakeTime(): void {
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
}

/**
 * Catches what rxjs's `config.onUnhandledError` receives (where the library reports a teardown
 * that threw while it cancelled) until `restore()`.
 */
export function captureUnhandled(): { readonly errors: unknown[]; restore(): void } {
  const errors: unknown[] = [];
  const previous = config.onUnhandledError;
  config.onUnhandledError = (error) => errors.push(error);
  return { errors, restore: () => (config.onUnhandledError = previous) };
}

/** Lets a timer-reported error (rxjs reports from a timer) arrive, with real timers. */
export const nextMacrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
