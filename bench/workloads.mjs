// The benchmark workloads: the same ones every time, so figures stay comparable.
// Each contender is `async (size) => extra`, timed by bench/worker.mjs; `extra` carries the
// figures a workload reports besides time (lookahead, losers signalled, heap).
import { Effect } from 'effect';
import pLimit from 'p-limit';
import pMap, { pMapIterable } from 'p-map';
import PQueue from 'p-queue';
import { defer, forkJoin, from, lastValueFrom, mergeMap, Observable, race, switchMap, toArray } from 'rxjs';
import { createLimiter, runTaskGroup } from 'rxjs-asyncer';
import { firstWins, gather, mapConcurrent, mapConcurrentFrom, mapLatest } from 'rxjs-asyncer/operators';
import { createWorkerPool } from 'rxjs-asyncer/workers';
import workerpool from 'workerpool';
import { ITERATIONS, kernel } from './cpu.mjs';
import { handlePerTask } from './twin.mjs';

/** Resolves on the next turn of the event loop's check phase. */
const immediate = () => new Promise((resolve) => setImmediate(resolve));

/** Counts the items of an Observable without keeping them. */
const count = (observable) =>
  new Promise((resolve, reject) => {
    let n = 0;
    observable.subscribe({ next: () => n++, error: reject, complete: () => resolve(n) });
  });

const check = (actual, expected, what) => {
  if (actual !== expected) throw new Error(`${what}: got ${actual}, expected ${expected}`);
};

// ---------------------------------------------------------------------------------------------
// W1 gather: N tasks `async () => i`, all at once, results in order.
/**
 * A promise task as an Observable that aborts it when unsubscribed: what users write by hand to
 * give rxjs's race and switchMap a cancellable promise (W4, W9).
 */
const abortable = (start) =>
  new Observable((subscriber) => {
    const controller = new AbortController();
    start(controller.signal).then(
      (value) => {
        subscriber.next(value);
        subscriber.complete();
      },
      (error) => subscriber.error(error),
    );
    return () => controller.abort();
  });

const w1Tasks = (n) => Array.from({ length: n }, (_, i) => async () => i);
const w1Check = (results, n) => check(results.length === n && results[n - 1] === n - 1, true, 'W1 results');

// W2 bounded: N tasks, concurrency 16, each awaits one setImmediate, results in order.
const W2_CONCURRENCY = 16;
const w2Tasks = (n) =>
  Array.from({ length: n }, (_, i) => async () => {
    await immediate();
    return i;
  });
const w2Check = (results, n, ordered = true) => {
  check(results.length, n, 'W2 count');
  if (ordered) check(results[n - 1], n - 1, 'W2 order');
};

// W3 lazy: a generator of N items, concurrency 8, task `async x => x`, results only counted.
// Lookahead: how many items had been pulled but not started, at worst.
const W3_CONCURRENCY = 8;
function w3Source(n) {
  const stats = { pulled: 0, started: 0, lookahead: 0 };
  function* items() {
    for (let i = 0; i < n; i++) {
      stats.pulled++;
      yield i;
    }
  }
  const task = async (x) => {
    stats.started++;
    const ahead = stats.pulled - stats.started;
    if (ahead > stats.lookahead) stats.lookahead = ahead;
    return x;
  };
  return { items: items(), task, stats };
}

// W4 race: rounds; each races three tasks, task k resolving after k microtask hops and checking
// its signal after each hop. Losers signalled: saw the abort; ran to the end: finished anyway.
const NEVER_ABORTED = new AbortController().signal;
function w4Tasks() {
  const stats = { signalled: 0, ranToEnd: 0 };
  const task = async (k, signal) => {
    for (let hop = 0; hop < k; hop++) {
      await null;
      if (signal.aborted) {
        stats.signalled++;
        throw signal.reason;
      }
    }
    if (k !== 1) stats.ranToEnd++;
    return k;
  };
  return { task, stats };
}
const w4Extra = (stats, rounds) => ({
  'losers signalled': `${stats.signalled} of ${rounds * 2}`,
  'losers ran to end': stats.ranToEnd,
});

// W5 soak: tasks through one createLimiter(64), half from a task group, half from a
// mapConcurrentFrom pipeline, at once; the heap after a forced GC must come back.
function* range(n) {
  for (let i = 0; i < n; i++) yield i;
}

/**
 * W9's search: settles one microtask hop later, unless its signal aborts first, when it rejects
 * with the reason as fetch does. Counts what was aborted and what ran to its end.
 */
const w9Search = () => {
  const stats = { aborted: 0, answered: 0 };
  const search = (query, signal) =>
    new Promise((resolve, reject) => {
      const onAbort = () => {
        stats.aborted++;
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      Promise.resolve().then(() => {
        if (signal.aborted) return;
        signal.removeEventListener('abort', onAbort);
        stats.answered++;
        resolve(query);
      });
    });
  return { search, stats };
};
const w9Queries = (n) => Array.from({ length: n }, (_, i) => i);
const w9Check = (last, stats, n) => {
  check(last, n - 1, 'W9 last result');
  check(stats.aborted, n - 1, 'W9 superseded searches aborted');
  return { 'aborted': `${stats.aborted} of ${n - 1}`, 'answered': stats.answered };
};

export const workloads = [
  {
    id: 'W1',
    title: 'W1 gather: 100,000 tasks `async () => i`, all at once, results in order',
    size: 100_000,
    baseline: 'Promise.all (hand-written)',
    contenders: {
      'Promise.all (hand-written)': async (n) => {
        const tasks = w1Tasks(n);
        w1Check(await Promise.all(tasks.map((task) => task())), n);
      },
      'gather': async (n) => {
        const tasks = w1Tasks(n);
        w1Check(await lastValueFrom(gather(tasks)), n);
      },
      'runTaskGroup + soonify': async (n) => {
        const tasks = w1Tasks(n);
        w1Check(await runTaskGroup((tg) => tasks.map((task) => tg.soonify(task)())), n);
      },
      // its hand-written twin: bench/twin.mjs
      'a handle per task + one signal (hand-written)': async (n) => {
        const tasks = w1Tasks(n);
        w1Check(await handlePerTask(tasks), n);
      },
      'rxjs forkJoin(defer)': async (n) => {
        const tasks = w1Tasks(n);
        w1Check(await lastValueFrom(forkJoin(tasks.map((task) => defer(task)))), n);
      },
      'Effect.all unbounded': async (n) => {
        const tasks = w1Tasks(n);
        w1Check(await Effect.runPromise(Effect.all(tasks.map((task) => Effect.promise(task)), { concurrency: 'unbounded' })), n);
      },
      'p-map Infinity': async (n) => {
        const tasks = w1Tasks(n);
        w1Check(await pMap(tasks, (task) => task(), { concurrency: Infinity }), n);
      },
    },
  },
  {
    id: 'W2',
    title: 'W2 bounded: 200,000 tasks, concurrency 16, each awaits one setImmediate, results in order',
    size: 200_000,
    baseline: '16 workers (hand-written)',
    contenders: {
      '16 workers (hand-written)': async (n) => {
        const tasks = w2Tasks(n);
        const results = new Array(n);
        let next = 0;
        const worker = async () => {
          while (next < n) {
            const i = next++;
            results[i] = await tasks[i]();
          }
        };
        await Promise.all(Array.from({ length: W2_CONCURRENCY }, worker));
        w2Check(results, n);
      },
      'mapConcurrentFrom': async (n) => {
        const tasks = w2Tasks(n);
        w2Check(await lastValueFrom(mapConcurrentFrom(tasks, (task) => task(), W2_CONCURRENCY).pipe(toArray())), n);
      },
      'from(...).pipe(mapConcurrent)': async (n) => {
        const tasks = w2Tasks(n);
        w2Check(await lastValueFrom(from(tasks).pipe(mapConcurrent((task) => task(), W2_CONCURRENCY), toArray())), n);
      },
      'p-limit': async (n) => {
        const tasks = w2Tasks(n);
        const limit = pLimit(W2_CONCURRENCY);
        w2Check(await Promise.all(tasks.map((task) => limit(task))), n);
      },
      'p-map': async (n) => {
        const tasks = w2Tasks(n);
        w2Check(await pMap(tasks, (task) => task(), { concurrency: W2_CONCURRENCY }), n);
      },
      'p-queue': async (n) => {
        const tasks = w2Tasks(n);
        const queue = new PQueue({ concurrency: W2_CONCURRENCY });
        w2Check(await queue.addAll(tasks), n);
      },
      'rxjs mergeMap(fn, 16)': async (n) => {
        const tasks = w2Tasks(n);
        w2Check(await lastValueFrom(from(tasks).pipe(mergeMap((task) => task(), W2_CONCURRENCY), toArray())), n, false);
      },
      'Effect.forEach concurrency 16': async (n) => {
        const tasks = w2Tasks(n);
        w2Check(await Effect.runPromise(Effect.forEach(tasks, (task) => Effect.promise(task), { concurrency: W2_CONCURRENCY })), n);
      },
    },
  },
  {
    id: 'W3',
    title: 'W3 lazy: a generator of 1,000,000 items, concurrency 8, task `async x => x`, results counted',
    size: 1_000_000,
    baseline: '8 workers on it.next() (hand-written)',
    contenders: {
      '8 workers on it.next() (hand-written)': async (n) => {
        const { items, task, stats } = w3Source(n);
        let done = 0;
        const worker = async () => {
          for (let step = items.next(); !step.done; step = items.next()) {
            await task(step.value);
            done++;
          }
        };
        await Promise.all(Array.from({ length: W3_CONCURRENCY }, worker));
        check(done, n, 'W3 count');
        return { lookahead: stats.lookahead };
      },
      'mapConcurrentFrom (unordered)': async (n) => {
        const { items, task, stats } = w3Source(n);
        check(await count(mapConcurrentFrom(items, task, { concurrency: W3_CONCURRENCY, ordered: false })), n, 'W3 count');
        return { lookahead: stats.lookahead };
      },
      'pMapIterable': async (n) => {
        const { items, task, stats } = w3Source(n);
        let done = 0;
        for await (const _ of pMapIterable(items, task, { concurrency: W3_CONCURRENCY })) done++;
        check(done, n, 'W3 count');
        return { lookahead: stats.lookahead };
      },
      'p-map': async (n) => {
        const { items, task, stats } = w3Source(n);
        check((await pMap(items, task, { concurrency: W3_CONCURRENCY })).length, n, 'W3 count');
        return { lookahead: stats.lookahead };
      },
      'rxjs from(gen).pipe(mergeMap)': async (n) => {
        const { items, task, stats } = w3Source(n);
        check(await count(from(items).pipe(mergeMap(task, W3_CONCURRENCY))), n, 'W3 count');
        return { lookahead: stats.lookahead };
      },
      'Effect.forEach concurrency 8': async (n) => {
        const { items, task, stats } = w3Source(n);
        let done = 0;
        await Effect.runPromise(
          Effect.forEach(items, (x) => Effect.promise(() => task(x).then(() => void done++)), {
            concurrency: W3_CONCURRENCY,
            discard: true,
          }),
        );
        check(done, n, 'W3 count');
        return { lookahead: stats.lookahead };
      },
    },
  },
  {
    id: 'W4',
    title: 'W4 race: 20,000 rounds of three tasks; task k resolves after k microtask hops, checking its signal',
    size: 20_000,
    baseline: 'Promise.race + AbortController (hand-written)',
    contenders: {
      'Promise.race (hand-written)': async (rounds) => {
        const { task, stats } = w4Tasks();
        for (let r = 0; r < rounds; r++) check(await Promise.race([1, 2, 3].map((k) => task(k, NEVER_ABORTED))), 1, 'W4 winner');
        await immediate(); // let the losers finish, to count them
        return w4Extra(stats, rounds);
      },
      'Promise.race + AbortController (hand-written)': async (rounds) => {
        const { task, stats } = w4Tasks();
        for (let r = 0; r < rounds; r++) {
          const controller = new AbortController();
          const winner = await Promise.race([task(1, controller.signal), task(2, controller.signal), task(3, controller.signal)]);
          controller.abort();
          check(winner, 1, 'W4 winner');
        }
        await immediate();
        return w4Extra(stats, rounds);
      },
      // firstWins's own semantics written by hand: a signal per input, so the winner's is never
      // aborted, and every loser aborted the moment the winner settles. What the guarantee costs
      // on this platform before any library code runs (see bench/README.md).
      'Promise.race + a controller per input (hand-written)': async (rounds) => {
        const { task, stats } = w4Tasks();
        const lost = new DOMException('another input won the race', 'AbortError');
        for (let r = 0; r < rounds; r++) {
          const controllers = [new AbortController(), new AbortController(), new AbortController()];
          const settle = (winner) => (value) => {
            for (const controller of controllers) if (controller !== winner) controller.abort(lost);
            return value;
          };
          const winner = await Promise.race(controllers.map((controller, i) => task(i + 1, controller.signal).then(settle(controller))));
          check(winner, 1, 'W4 winner');
        }
        await immediate();
        return w4Extra(stats, rounds);
      },
      'firstWins': async (rounds) => {
        const { task, stats } = w4Tasks();
        for (let r = 0; r < rounds; r++) {
          const winner = await lastValueFrom(firstWins([(s) => task(1, s), (s) => task(2, s), (s) => task(3, s)]));
          check(winner, 1, 'W4 winner');
        }
        await immediate();
        return w4Extra(stats, rounds);
      },
      'rxjs race (abortable Observables)': async (rounds) => {
        const { task, stats } = w4Tasks();
        for (let r = 0; r < rounds; r++) check(await lastValueFrom(race([1, 2, 3].map((k) => abortable((signal) => task(k, signal))))), 1, 'W4 winner');
        await immediate();
        return w4Extra(stats, rounds);
      },
      'Effect.raceAll': async (rounds) => {
        const { task, stats } = w4Tasks();
        for (let r = 0; r < rounds; r++) {
          const winner = await Effect.runPromise(Effect.raceAll([1, 2, 3].map((k) => Effect.promise((signal) => task(k, signal)))));
          check(winner, 1, 'W4 winner');
        }
        await immediate();
        return w4Extra(stats, rounds);
      },
    },
  },
  {
    id: 'W9',
    title: 'W9 latest wins: 100,000 queries, each superseding the last, promise searches that reject on abort',
    size: 100_000,
    baseline: 'switchMap + an AbortController per value (hand-written)',
    contenders: {
      // what users write today: an Observable per value whose teardown aborts its controller
      'switchMap + an AbortController per value (hand-written)': async (n) => {
        const { search, stats } = w9Search();
        const last = await lastValueFrom(
          from(w9Queries(n)).pipe(
            switchMap((query) => abortable((signal) => search(query, signal))),
          ),
        );
        return w9Check(last, stats, n);
      },
      'mapLatest': async (n) => {
        const { search, stats } = w9Search();
        const last = await lastValueFrom(from(w9Queries(n)).pipe(mapLatest((query, _index, signal) => search(query, signal))));
        return w9Check(last, stats, n);
      },
    },
  },
  {
    id: 'W5',
    title: 'W5 soak: 1,000,000 tasks through one createLimiter(64), from a task group and a mapConcurrentFrom pipeline at once',
    size: 1_000_000,
    baseline: 'task group + mapConcurrentFrom, one limiter',
    soak: true,
    contenders: {
      'task group + mapConcurrentFrom, one limiter': async (n) => {
        const half = n / 2;
        const limiter = createLimiter(64);
        const task = async (i) => i;
        let fromGroup = 0;
        await Promise.all([
          runTaskGroup((tg) => {
            const soonTask = tg.soonify(
              async (i) => {
                await task(i);
                fromGroup++; // not `fromGroup += await ...`: that reads fromGroup before the await
              },
              { limiter },
            );
            for (let i = 0; i < half; i++) soonTask(i);
          }),
          count(mapConcurrentFrom(range(half), task, { concurrency: 64, limiter, ordered: false })).then((done) => check(done, half, 'W5 pipeline')),
        ]);
        check(fromGroup, half, 'W5 group');
        check(limiter.running + limiter.pending, 0, 'W5 limiter idle');
      },
    },
  },
  {
    id: 'W6',
    title: 'W6 parallel: 64 CPU-bound jobs of about 20 ms each (a numeric kernel), on this machine\'s cores',
    size: 64,
    baseline: 'main thread, one after another (hand-written)',
    contenders: {
      'main thread, one after another (hand-written)': async (n) => {
        for (let i = 0; i < n; i++) kernel(ITERATIONS);
      },
      'Promise.all on the main thread': async (n) => {
        await Promise.all(Array.from({ length: n }, async () => kernel(ITERATIONS)));
      },
      'createWorkerPool (2 workers) in a task group': async (n) => {
        const pool = ourPool();
        await runTaskGroup((tg) => Array.from({ length: n }, () => tg.startSoon(pool.call.kernel, ITERATIONS)));
      },
      'workerpool directly (2 workers)': async (n) => {
        const pool = peerPool();
        await Promise.all(Array.from({ length: n }, () => pool.exec('kernel', [ITERATIONS])));
      },
    },
  },
  {
    id: 'W6b',
    title: 'W6b worker overhead: 2,000 tiny jobs (x + 1) through 2 workers, 64 at a time (median of 21 runs)',
    size: 2000,
    // about 80 ms a run, three threads on two cores: with 5 runs the ratio ranged 0.98x-1.35x
    // between runs of the same code; 21 runs cost about 2 s more
    runs: 21,
    baseline: 'workerpool directly (2 workers)',
    contenders: {
      'workerpool directly (2 workers)': async (n) => {
        const pool = peerPool();
        await lanes(n, (i) => pool.exec('tiny', [i]));
      },
      'createWorkerPool (2 workers), pool.call': async (n) => {
        const pool = ourPool();
        await lanes(n, (i) => pool.call.tiny(i));
      },
    },
  },
];

// W6: one pool per process, made by the first (warm-up) run, so the threads' start is not timed;
// worker.mjs exits the process when it is done, threads and all.
let ours;
let peers;
const ourPool = () => (ours ??= createWorkerPool(new URL('./cpu.worker.mjs', import.meta.url), { size: 2, idleTimeout: Infinity }));
const peerPool = () => (peers ??= workerpool.pool(new URL('./cpu.workerpool.mjs', import.meta.url).pathname, { maxWorkers: 2, workerType: 'thread' }));

/** Runs `n` jobs, at most 64 in flight. */
async function lanes(n, job) {
  let next = 0;
  const lane = async () => {
    while (next < n) await job(next++);
  };
  await Promise.all(Array.from({ length: 64 }, lane));
}
