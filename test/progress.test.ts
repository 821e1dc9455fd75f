import { NEVER } from 'rxjs';
import { createLimiter, createTaskGroup, runTaskGroup, type LimiterState, type Progress, type TaskEvent } from '../src/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';
import { currentTaskProgress } from '../src/engine/index.js';
import { buildTimeline } from '../timeline/internal/buildTimeline.js';

const counts = (p: Progress): number[] => [p.total, p.queued, p.running, p.fulfilled, p.failed, p.cancelled];

describe('a group’s progress$', () => {
  it('gives the current snapshot at subscribe, then one per change, then completes after the final one', async () => {
    const tg = createTaskGroup();
    const gate = deferred<number>();
    tg.startSoon(() => gate.promise);
    const seen: number[][] = [];
    let completed = false;
    tg.progress$.subscribe({ next: (p) => seen.push(counts(p)), complete: () => (completed = true) });
    expect(seen).toEqual([[1, 1, 0, 0, 0, 0]]); // a late subscriber gets the truth at once
    tg.startSoon(() => {
      throw new Error('x');
    });
    await flushMicrotasks();
    gate.resolve(1);
    await tg.join().catch(() => undefined);
    expect(seen).toEqual([
      [1, 1, 0, 0, 0, 0],
      [2, 2, 0, 0, 0, 0], // added
      [2, 1, 1, 0, 0, 0], // the first starts
      [2, 0, 2, 0, 0, 0], // the second starts
      [2, 0, 1, 0, 1, 0], // the second fails...
      [2, 0, 0, 0, 1, 1], // ...and cancels the first
    ]);
    expect(completed).toBe(true);
  });

  it('snapshots are frozen', async () => {
    const tg = createTaskGroup();
    let snapshot: Progress | undefined;
    tg.progress$.subscribe((p) => (snapshot = p));
    expect(Object.isFrozen(snapshot)).toBe(true);
    await tg.join();
  });

  it('counts tasks waiting for a limiter slot as queued', async () => {
    const tg = createTaskGroup({ limiter: createLimiter(1) });
    const gates = [deferred(), deferred()];
    gates.forEach((gate) => tg.startSoon(() => gate.promise));
    await flushMicrotasks();
    let now: Progress | undefined;
    tg.progress$.subscribe((p) => (now = p)).unsubscribe();
    expect(counts(now!)).toEqual([2, 1, 1, 0, 0, 0]);
    gates.forEach((gate) => gate.resolve());
    await tg.join();
  });

  it('a subscriber after the group closed gets the final snapshot and completion', async () => {
    const tg = createTaskGroup();
    tg.startSoon(async () => 1);
    await tg.join();
    const seen: number[][] = [];
    let completed = false;
    tg.progress$.subscribe({ next: (p) => seen.push(counts(p)), complete: () => (completed = true) });
    expect([seen, completed]).toEqual([[[1, 0, 0, 1, 0, 0]], true]);
  });

  it('a task soonified into a cancelled group counts as added and cancelled', async () => {
    const tg = createTaskGroup();
    tg.cancel();
    let now: Progress | undefined;
    tg.progress$.subscribe((p) => (now = p));
    tg.startSoon(async () => 1);
    expect(counts(now!)).toEqual([1, 0, 0, 0, 0, 1]);
    await tg.join();
  });
});

describe('a group’s events$', () => {
  it('tells added, started and how each task ended, in order, with ids, names and non-decreasing times', async () => {
    const events: TaskEvent[] = [];
    const boom = new Error('boom');
    await runTaskGroup((tg) => {
      tg.events$.subscribe((e) => events.push(e));
      tg.soonify(async () => 'a', { name: 'first' })();
      tg.startSoon(async function second() {
        throw boom;
      });
      tg.startSoon(() => NEVER);
    }).catch(() => undefined);
    expect(events.map((e) => `${e.type} ${e.id} ${e.name}`)).toEqual([
      'added 1 first',
      'added 2 second',
      'added 3 ',
      'started 1 first',
      'started 2 second',
      'started 3 ',
      'fulfilled 1 first', // promise jobs: the first settles before the second's rejection
      'failed 2 second',
      'cancelled 3 ', // the failure cancels the Observable task
    ]);
    const byTask = (id: number) => events.filter((e) => e.id === id).map((e) => e.type);
    expect(byTask(1)).toEqual(['added', 'started', 'fulfilled']);
    expect(byTask(2)).toEqual(['added', 'started', 'failed']);
    expect(byTask(3)).toEqual(['added', 'started', 'cancelled']);
    expect(events.find((e) => e.type === 'failed')?.error).toBe(boom);
    expect(events.every((e) => Object.isFrozen(e))).toBe(true);
    for (let i = 1; i < events.length; i++) expect(events[i]!.time).toBeGreaterThanOrEqual(events[i - 1]!.time);
  });

  it('is hot: a subscriber sees only what happens after it subscribed, and completion when the group closes', async () => {
    const tg = createTaskGroup();
    tg.startSoon(async () => 1);
    await flushMicrotasks();
    const types: string[] = [];
    let completed = false;
    tg.events$.subscribe({ next: (e) => types.push(e.type), complete: () => (completed = true) });
    tg.startSoon(async () => 2);
    await tg.join();
    expect(types).toEqual(['added', 'started', 'fulfilled']);
    expect(completed).toBe(true);
  });

  it('costs nothing once every subscriber has left (the tracker stops publishing)', async () => {
    const tg = createTaskGroup();
    const seen: TaskEvent[] = [];
    tg.events$.subscribe((e) => seen.push(e)).unsubscribe();
    tg.progress$.subscribe().unsubscribe();
    tg.startSoon(async () => 1);
    await tg.join();
    expect(seen).toEqual([]);
    expect((tg as unknown as { tracker: { watched: boolean } }).tracker.watched).toBe(false);
  });
});

describe('a limiter’s state$', () => {
  it('gives the state at subscribe, then one per change, and stops when unsubscribed', async () => {
    const limiter = createLimiter(1);
    const states: LimiterState[] = [];
    const subscription = limiter.state$.subscribe((s) => states.push(s));
    const gate = deferred<number>();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    const second = limiter.run(() => 2, controller.signal);
    controller.abort('no');
    await expect(second).rejects.toBe('no');
    limiter.concurrency = 3;
    gate.resolve(1);
    await first;
    subscription.unsubscribe();
    await limiter.run(() => 3);
    expect(states.map(({ running, pending, concurrency }) => [running, pending, concurrency])).toEqual([
      [0, 0, 1],
      [1, 0, 1], // first takes the slot
      [1, 1, 1], // second waits
      [1, 0, 1], // second withdrawn
      [1, 0, 3], // the bound raised
      [0, 0, 3], // first gives its slot back
    ]);
    expect(states.every((s) => Object.isFrozen(s))).toBe(true);
  });
});

describe('progress reported by a running task', () => {
  it('reaches events$ as a progress event between started and the outcome, for that task only', async () => {
    const events: string[] = [];
    const gate = deferred();
    await runTaskGroup((tg) => {
      tg.events$.subscribe((e) => events.push(`${e.type} ${e.name}${e.type === 'progress' ? ` ${JSON.stringify(e.value)}` : ''}`));
      tg.startSoon(function reports() {
        // what a remote call made inside the task keeps (rxjs-asyncer/bullmq): the task's reporter
        const report = currentTaskProgress()!;
        return gate.promise.then(() => {
          report(0.5);
          report({ step: 'done' });
        });
      });
      tg.startSoon(function quiet() {
        expect(currentTaskProgress()).toBeDefined();
      });
      gate.resolve();
    });
    expect(events).toEqual(['added reports', 'added quiet', 'started reports', 'started quiet', 'fulfilled quiet', 'progress reports 0.5', 'progress reports {"step":"done"}', 'fulfilled reports']);
    expect(currentTaskProgress()).toBeUndefined(); // outside any task function
  });

  it('a report after the task ended is dropped, and a timeline ignores progress events', async () => {
    let report: ((value: unknown) => void) | undefined;
    const events: TaskEvent[] = [];
    await runTaskGroup((tg) => {
      tg.events$.subscribe((e) => events.push(e));
      tg.startSoon(() => {
        report = currentTaskProgress();
      });
    });
    report!(1);
    expect(events.map((e) => e.type)).toEqual(['added', 'started', 'fulfilled']);
    const withProgress: TaskEvent[] = [...events.slice(0, 2), { type: 'progress', id: events[0]!.id, name: '', time: events[1]!.time, value: 0.5 }, events[2]!];
    expect(buildTimeline(withProgress, events[2]!.time).tasks[0]!.outcome).toBe('fulfilled');
  });
});
