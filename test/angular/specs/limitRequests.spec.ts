import { HttpClient, provideHttpClient, withInterceptors, type HttpInterceptorFn } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { provideZoneChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { finalize } from 'rxjs';
import { createLimiter, type LimiterLike } from 'rxjs-asyncer';
import { limitRequests } from 'rxjs-asyncer/angular';
import { gather } from 'rxjs-asyncer/operators';
import { flush } from './helpers';

describe('limitRequests', () => {
  it('the same limiter on gather and on limitRequests: each task\'s request runs on its task\'s slot (it hung at 2 of 4)', async () => {
    const limiter = createLimiter(2);
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([limitRequests(limiter)])), provideHttpClientTesting()] });
    const client = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    let result: number[] | undefined;
    gather([0, 1, 2, 3].map((i) => () => client.get<number>(`/api/item/${i}`)), { limiter }).subscribe((values) => (result = values));
    let mostOpen = 0;
    for (let round = 0; round < 10 && result === undefined; round++) {
      await flush();
      const open: TestRequest[] = backend.match(() => true);
      mostOpen = Math.max(mostOpen, open.length);
      for (const request of open) request.flush(Number(request.request.url.split('/').pop()));
    }
    expect(result).toEqual([0, 1, 2, 3]);
    expect(mostOpen).toBe(2); // still at most two requests open: the tasks' own two slots
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('20 requests, a limit of 3: never more than 3 open, sent in order, every one answered', async () => {
    const limiter = createLimiter(3);
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([limitRequests(limiter)])), provideHttpClientTesting()] });
    const client = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    const answers: number[] = [];
    const pending: TestRequest[] = [];
    for (let i = 0; i < 20; i++) client.get<number>(`/api/item/${i}`).subscribe((n) => answers.push(n));
    const sent: string[] = [];
    let mostOpen = 0;
    // answer the oldest open request, one at a time; a freed slot sends the next one a promise job later
    for (;;) {
      await flush();
      const open: TestRequest[] = backend.match(() => true); // takes them out of the controller's list
      sent.push(...open.map((request) => request.request.url).filter((url) => !sent.includes(url)));
      mostOpen = Math.max(mostOpen, open.length + pending.length);
      pending.push(...open);
      if (pending.length === 0) break;
      const oldest = pending.shift()!;
      oldest.flush(Number(oldest.request.url.split('/').pop()));
    }
    expect(mostOpen).toBe(3);
    expect(sent).toEqual(Array.from({ length: 20 }, (_, i) => `/api/item/${i}`));
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('frees a slot only once the request has finalized: an interceptor behind it never sees more than the limit open', async () => {
    const limiter = createLimiter(3);
    let open = 0;
    let mostOpen = 0;
    // counts a request from the moment it is sent on until its Observable finalizes
    const counting: HttpInterceptorFn = (req, next) => {
      mostOpen = Math.max(mostOpen, ++open);
      return next(req).pipe(finalize(() => open--));
    };
    const zone = process.env['ANGULAR_MODE'] === 'zone' ? [provideZoneChangeDetection()] : [];
    TestBed.configureTestingModule({ providers: [...zone, provideHttpClient(withInterceptors([limitRequests(limiter), counting])), provideHttpClientTesting()] });
    const client = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    const answers: number[] = [];
    // each answer is handled by dispatching a DOM event, as a component's handler may: under
    // zone.js a listener runs as a zone task, which drains the promise jobs at its end, inside
    // the response's delivery (before the request's finalizers)
    const listener = (): void => undefined;
    document.body.addEventListener('answered', listener);
    const answered = (): boolean => document.body.dispatchEvent(new Event('answered'));
    for (let i = 0; i < 10; i++) client.get<number>(`/api/item/${i}`).subscribe({ next: (n) => answers.push(n), complete: answered });
    // the first answer is given synchronously, outside any promise job, as an XHR's is
    const pending: TestRequest[] = backend.match(() => true);
    pending.shift()!.flush(0);
    for (;;) {
      await flush();
      pending.push(...backend.match(() => true));
      if (pending.length === 0) break;
      const oldest = pending.shift()!;
      oldest.flush(Number(oldest.request.url.split('/').pop()));
    }
    document.body.removeEventListener('answered', listener);
    expect(mostOpen).toBe(3);
    expect(open).toBe(0);
    expect(answers).toHaveLength(10);
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('a request cancelled while it waits leaves the queue and is never sent; one cancelled while open frees its slot', async () => {
    const limiter = createLimiter(1);
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([limitRequests(limiter)])), provideHttpClientTesting()] });
    const client = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    const first = client.get('/api/first').subscribe();
    const waiting = client.get('/api/waiting').subscribe();
    client.get('/api/third').subscribe();
    expect(limiter.pending).toBe(2);
    waiting.unsubscribe();
    expect(limiter.pending).toBe(1);
    const open = backend.expectOne('/api/first');
    first.unsubscribe();
    expect(open.cancelled).toBe(true);
    await flush();
    backend.expectOne('/api/third').flush({});
    await flush();
    backend.expectNone('/api/waiting');
    backend.verify();
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('takes any LimiterLike through its acquire: bounded, and a request cancelled while it waits aborts its acquire and is never sent', async () => {
    const inner = createLimiter(2);
    const signals: AbortSignal[] = [];
    const own: LimiterLike = {
      acquire: (signal) => {
        signals.push(signal!);
        return inner.acquire(signal);
      },
    };
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([limitRequests(own)])), provideHttpClientTesting()] });
    const client = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    const answers: string[] = [];
    const subscriptions = ['a', 'b', 'c', 'd'].map((name) => client.get<string>(`/api/${name}`).subscribe((value) => answers.push(value)));
    await flush();
    const open = backend.match(() => true);
    expect(open.map((request) => request.request.url)).toEqual(['/api/a', '/api/b']);
    subscriptions[2]!.unsubscribe(); // 'c' waits for a permit: it leaves the queue
    expect(signals[2]!.aborted).toBe(true);
    for (const request of open) request.flush(request.request.url.slice(5));
    await flush();
    backend.expectOne('/api/d').flush('d');
    await flush();
    backend.expectNone('/api/c');
    backend.verify();
    expect(answers).toEqual(['a', 'b', 'd']);
    expect([inner.running, inner.pending]).toEqual([0, 0]);
  });

  it('only matching requests count', () => {
    const limiter = createLimiter(1);
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([limitRequests(limiter, (req) => req.url.startsWith('/api/'))])), provideHttpClientTesting()],
    });
    const client = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    client.get('/api/a').subscribe();
    client.get('/api/b').subscribe();
    client.get('/assets/logo.svg').subscribe();
    // /api/b waits for /api/a's slot; the asset is not limited
    expect(backend.match(() => true).map((r) => r.request.url)).toEqual(['/api/a', '/assets/logo.svg']);
  });

  it('refuses what is not a limiter', () => {
    expect(() => limitRequests({} as never)).toThrow(new TypeError('limitRequests(limiter, matches): limiter must be a Limiter (with run or acquire), got [object Object]'));
  });
});
