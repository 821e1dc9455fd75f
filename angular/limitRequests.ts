import type { HttpEvent, HttpHandlerFn, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { Observable, type Subscriber, type Subscription } from 'rxjs';
import type { Limiter, LimiterLike, Permit } from '../src/index.js';
import { checkLimitRequestsArgs } from './internal/checks.js';

/**
 * An HTTP interceptor that keeps at most `limiter.concurrency` matching requests open at once;
 * the others wait, first come first served, and a request cancelled while it waits (its
 * subscriber unsubscribed: a `switchMap`, a destroyed component) leaves the queue without ever
 * being sent. Share the limiter with task groups and operators to bound all of them together.
 *
 * A request holds its slot until its response completes or fails, or it is cancelled. Any
 * limiter works: one made by `createLimiter` (its `run`), or any `LimiterLike` (its `acquire`).
 *
 * ## Example
 * ```ts
 * import { provideHttpClient, withInterceptors } from '@angular/common/http';
 * import { createLimiter } from 'rxjs-asyncer';
 * import { limitRequests } from 'rxjs-asyncer/angular';
 *
 * const api = createLimiter(4);
 * export const appConfig = {
 *   providers: [provideHttpClient(withInterceptors([limitRequests(api, (req) => req.url.startsWith('/api/'))]))],
 * };
 * ```
 *
 * @param limiter bounds the open requests.
 * @param matches which requests count; by default, all of them.
 * @returns a functional interceptor for `withInterceptors`.
 * @throws {TypeError} when `limiter` is not a Limiter (no `run` nor `acquire`) or `matches` not a function.
 */
export function limitRequests(limiter: LimiterLike, matches?: (req: HttpRequest<unknown>) => boolean): HttpInterceptorFn {
  const hasRun = checkLimitRequestsArgs(limiter, matches);
  const limit = hasRun ? limited : limitedByPermit;
  return (req, next) => (matches && !matches(req) ? next(req) : limit(limiter as Limiter, req, next));
}

/** Sends `req` once `limiter.acquire` gives a permit, and releases it when the response ends. */
function limitedByPermit(limiter: LimiterLike, req: HttpRequest<unknown>, next: HttpHandlerFn): Observable<HttpEvent<unknown>> {
  return new Observable<HttpEvent<unknown>>((subscriber) => {
    const controller = new AbortController();
    let permit: Permit | undefined;
    const release = (): void => {
      const held = permit;
      permit = undefined;
      held?.release();
    };
    let inner: Subscription | undefined;
    Promise.resolve(limiter.acquire(controller.signal)).then(
      (granted) => {
        if (controller.signal.aborted) {
          granted.release(); // cancelled while the permit was on its way
          return;
        }
        permit = granted;
        inner = send(req, next, subscriber, release);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) subscriber.error(error); // the limiter failed: the request fails
      },
    );
    return () => {
      controller.abort(new DOMException('The request was cancelled', 'AbortError'));
      inner?.unsubscribe();
      release();
    };
  });
}

/** Sends `req` once the limiter gives a slot, and holds the slot until the response ends. */
function limited(limiter: Limiter, req: HttpRequest<unknown>, next: HttpHandlerFn): Observable<HttpEvent<unknown>> {
  return new Observable<HttpEvent<unknown>>((subscriber) => {
    const controller = new AbortController();
    limiter
      .run(
        (signal) =>
          new Promise<void>((release) => {
            const inner = send(req, next, subscriber, release);
            // cancelled while open: unsubscribing cancels the request, and the slot comes back
            signal.addEventListener('abort', () => (inner.unsubscribe(), release()), { once: true });
          }),
        controller.signal,
      )
      .catch(() => undefined); // cancelled while waiting: it left the queue, there is nothing to report
    return () => controller.abort(new DOMException('The request was cancelled', 'AbortError'));
  });
}

/**
 * Sends `req` on to `subscriber`. The slot goes back (`release`) once the request's Observable
 * has finalized, after the interceptors behind this one ran their own `finalize`: releasing on
 * the response itself let a queued request reach the backend while the previous one was still
 * open there (seen under zone.js, whose promise jobs can run before a finalizer).
 */
function send(req: HttpRequest<unknown>, next: HttpHandlerFn, subscriber: Subscriber<HttpEvent<unknown>>, release: () => void): Subscription {
  const inner = next(req).subscribe({
    next: (event) => subscriber.next(event),
    error: (error: unknown) => subscriber.error(error),
    complete: () => subscriber.complete(),
  });
  // a finalizer added after subscribe runs after the source's own (at once if it already ended)
  inner.add(release);
  return inner;
}
