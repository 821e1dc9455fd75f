import fc from 'fast-check';
import { defer, finalize, map, mergeMap, Observable, of, throwError, timer } from 'rxjs';
import type { Progress } from '../src/index.js';
import { gather, mapConcurrent, mapConcurrentFrom } from '../operators/index.js';
import { testScheduler } from './support/marbles.js';

/** A task of the model: how many frames it takes, and whether it fails at the end. */
interface Job {
  readonly duration: number;
  readonly fails: boolean;
}

const jobs = fc.array(fc.record({ duration: fc.integer({ min: 1, max: 8 }), fails: fc.boolean() }), { maxLength: 9 });
const concurrency = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(Infinity));
const failureOf = (i: number) => new Error(`job ${i} failed`);

/**
 * The reference model: start the jobs in order, each as soon as one of `limit` slots is free
 * (list scheduling). Returns when each job would end.
 */
function schedule(list: readonly Job[], limit: number): number[] {
  const slots: number[] = [];
  return list.map((job) => {
    let start = 0;
    if (slots.length >= limit) {
      const earliest = slots.indexOf(Math.min(...slots));
      start = slots[earliest]!;
      slots.splice(earliest, 1);
    }
    slots.push(start + job.duration);
    return start + job.duration;
  });
}

/** Observes the jobs as the operators run them: in flight, peak, and start frames. */
function instrument(list: readonly Job[], now: () => number) {
  const stats = { inFlight: 0, peak: 0, starts: [] as number[] };
  const task = (i: number): Observable<number> =>
    defer(() => {
      stats.starts.push(now());
      stats.peak = Math.max(stats.peak, ++stats.inFlight);
      const job = list[i]!;
      const end = timer(job.duration);
      return (job.fails ? end.pipe(mergeMap(() => throwError(() => failureOf(i)))) : end.pipe(map(() => i))).pipe(
        finalize(() => stats.inFlight--),
      );
    });
  return { stats, task };
}

/** Runs `make` on virtual time and records what it emitted, when, and how it ended. */
function observe<T>(make: (task: (i: number) => Observable<number>) => Observable<T>, list: readonly Job[]) {
  const scheduler = testScheduler();
  const out = { values: [] as T[], frames: [] as number[], error: undefined as unknown, completed: false };
  let stats!: ReturnType<typeof instrument>['stats'];
  scheduler.run(() => {
    const instrumented = instrument(list, () => scheduler.now());
    stats = instrumented.stats;
    make(instrumented.task).subscribe({
      next: (value) => (out.values.push(value), out.frames.push(scheduler.now())),
      error: (error: unknown) => (out.error = error),
      complete: () => (out.completed = true),
    });
  });
  return { out, stats };
}

/** What must hold whatever the jobs: the bound, nothing left running, and the first failure. */
function checkCommon(list: readonly Job[], limit: number, stats: { inFlight: number; peak: number; starts: number[] }, error: unknown) {
  expect(stats.peak).toBeLessThanOrEqual(limit);
  expect(stats.inFlight).toBe(0); // every started task ended or was unsubscribed
  const ends = schedule(list, limit);
  const failing = list.flatMap((job, i) => (job.fails ? [i] : []));
  if (failing.length === 0) return;
  const firstEnd = Math.min(...failing.map((i) => ends[i]!));
  const candidates = failing.filter((i) => ends[i] === firstEnd).map((i) => failureOf(i).message);
  expect(candidates).toContain((error as Error).message);
  expect(Math.max(...stats.starts)).toBeLessThanOrEqual(firstEnd); // nothing starts after the failure
}

describe('properties', () => {
  it('gather equals the model: values in order at the makespan, or the first failure', () => {
    fc.assert(
      fc.property(jobs, concurrency, (list, limit) => {
        const { out, stats } = observe((task) => gather(list.map((_, i) => task(i)), { concurrency: limit }), list);
        checkCommon(list, limit, stats, out.error);
        if (list.some((job) => job.fails)) return;
        expect(out.values).toEqual([list.map((_, i) => i)]);
        expect(out.frames).toEqual([list.length === 0 ? 0 : Math.max(...schedule(list, limit))]);
        expect(out.completed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gather settled never fails and reports every job', () => {
    fc.assert(
      fc.property(jobs, concurrency, (list, limit) => {
        const { out, stats } = observe((task) => gather(list.map((_, i) => task(i)), { concurrency: limit, settled: true }), list);
        expect(stats.peak).toBeLessThanOrEqual(limit);
        expect(out.values).toEqual([
          list.map((job, i) => (job.fails ? { status: 'rejected', reason: failureOf(i) } : { status: 'fulfilled', value: i })),
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it('mapConcurrent equals the model: in order, or as finished, or the first failure', () => {
    fc.assert(
      fc.property(jobs, concurrency, fc.boolean(), (list, limit, ordered) => {
        const { out, stats } = observe(
          (task) => of(...list.map((_, i) => i)).pipe(mapConcurrent((i: number) => task(i), { concurrency: limit, ordered })),
          list,
        );
        expect(stats.peak).toBeLessThanOrEqual(limit);
        expect(stats.inFlight).toBe(0);
        if (list.some((job) => job.fails)) {
          expect(out.error).toBeInstanceOf(Error);
          return;
        }
        const indices = list.map((_, i) => i);
        if (ordered) expect(out.values).toEqual(indices);
        else expect([...out.values].sort((a, b) => a - b)).toEqual(indices);
        expect(out.completed).toBe(true);
        if (!ordered) checkCommon(list, limit, stats, undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('mapConcurrent unordered matches the model exactly: each value at the frame it ends', () => {
    fc.assert(
      fc.property(jobs, concurrency, (list, limit) => {
        fc.pre(!list.some((job) => job.fails));
        const { out } = observe(
          (task) => of(...list.map((_, i) => i)).pipe(mapConcurrent((i: number) => task(i), { concurrency: limit, ordered: false })),
          list,
        );
        const ends = schedule(list, limit);
        expect(out.values.map((i) => ends[i])).toEqual(out.frames);
      }),
      { numRuns: 200 },
    );
  });

  it('mapConcurrentFrom equals mapConcurrent, and pulls an item only to start it', () => {
    fc.assert(
      fc.property(jobs, concurrency, fc.boolean(), (list, limit, ordered) => {
        let pulled = 0;
        let maxLookahead = 0;
        const items = {
          *[Symbol.iterator]() {
            for (let i = 0; i < list.length; i++) {
              pulled++;
              yield i;
            }
          },
        };
        const fromIterable = observe(
          (task) =>
            mapConcurrentFrom(
              items,
              (i: number) => {
                maxLookahead = Math.max(maxLookahead, pulled - (i + 1));
                return task(i);
              },
              { concurrency: limit, ordered },
            ),
          list,
        );
        const fromPush = observe(
          (task) => of(...list.map((_, i) => i)).pipe(mapConcurrent((i: number) => task(i), { concurrency: limit, ordered })),
          list,
        );
        expect(fromIterable.out).toEqual(fromPush.out);
        expect(fromIterable.stats.peak).toBeLessThanOrEqual(limit);
        expect(fromIterable.stats.inFlight).toBe(0);
        expect(maxLookahead).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  describe('progress counts equal the model at every frame', () => {
    /** The model's counts at frame `t`: a job runs from its start to its end, then is done. */
    const modelAt = (list: readonly Job[], limit: number, t: number, lazy: boolean): number[] => {
      const ends = schedule(list, limit);
      const starts = ends.map((end, i) => end - list[i]!.duration);
      const fulfilled = ends.filter((end) => end <= t).length;
      const running = ends.filter((end, i) => starts[i]! <= t && t < end).length;
      const total = lazy ? starts.filter((start) => start <= t).length : list.length;
      return [total, total - running - fulfilled, running, fulfilled, 0, 0];
    };
    const counts = (p: Progress): number[] => [p.total, p.queued, p.running, p.fulfilled, p.failed, p.cancelled];

    /** Observes with a progress callback stamped with the virtual clock. */
    function observeProgress(make: (task: (i: number) => Observable<number>, progress: (p: Progress) => void) => Observable<unknown>, list: readonly Job[]) {
      const scheduler = testScheduler();
      const byFrame = new Map<number, number[]>();
      const all: Progress[] = [];
      scheduler.run(() => {
        const { task } = instrument(list, () => scheduler.now());
        make(task, (p) => {
          all.push(p);
          byFrame.set(scheduler.now(), counts(p));
        }).subscribe({ error: () => undefined });
      });
      return { byFrame, all };
    }

    const invariants = (all: readonly Progress[], limit: number): void => {
      for (const p of all) {
        expect(p.queued + p.running + p.fulfilled + p.failed + p.cancelled).toBe(p.total);
        expect(p.running).toBeLessThanOrEqual(limit);
        expect(Object.isFrozen(p)).toBe(true);
      }
    };

    it('gather', () => {
      fc.assert(
        fc.property(jobs, concurrency, (list, limit) => {
          const { byFrame, all } = observeProgress((task, progress) => gather(list.map((_, i) => task(i)), { concurrency: limit, progress }), list);
          invariants(all, limit);
          if (list.length === 0) return expect(all).toEqual([]);
          const failing = list.some((job) => job.fails);
          if (!failing) {
            for (const [frame, got] of byFrame) expect(got).toEqual(modelAt(list, limit, frame, false));
            return;
          }
          // a failure: it is the only one counted, and everything unfinished is cancelled
          const last = counts(all.at(-1)!);
          expect([last[0], last[1], last[2], last[4]]).toEqual([list.length, 0, 0, 1]);
          expect(last[3]! + last[5]! + 1).toBe(list.length);
        }),
        { numRuns: 300 },
      );
    });

    it('mapConcurrent, unordered (total grows as the source pushes)', () => {
      fc.assert(
        fc.property(jobs, concurrency, (list, limit) => {
          fc.pre(!list.some((job) => job.fails));
          const { byFrame, all } = observeProgress(
            (task, progress) => of(...list.map((_, i) => i)).pipe(mapConcurrent((i: number) => task(i), { concurrency: limit, ordered: false, progress })),
            list,
          );
          invariants(all, limit);
          for (const [frame, got] of byFrame) expect(got).toEqual(modelAt(list, limit, frame, false));
        }),
        { numRuns: 200 },
      );
    });

    it('mapConcurrentFrom, unordered (total grows as items are pulled, one per start)', () => {
      fc.assert(
        fc.property(jobs, concurrency, (list, limit) => {
          fc.pre(!list.some((job) => job.fails));
          const { byFrame, all } = observeProgress(
            (task, progress) => mapConcurrentFrom(list.map((_, i) => i), (i: number) => task(i), { concurrency: limit, ordered: false, progress }),
            list,
          );
          invariants(all, limit);
          for (const [frame, got] of byFrame) expect(got).toEqual(modelAt(list, limit, frame, true));
        }),
        { numRuns: 200 },
      );
    });
  });
});
