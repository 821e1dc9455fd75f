// A group keeps the tasks that cancellation must reach in an array, where a task that is done
// stays until done ones are half of it, then they all leave in one pass (a promise job later).
// These tests pass through those passes: cancellation, the start order, the timeout's message
// and memory must not notice them.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createScope, createTaskGroup } from '../src/index.js';
import { deferred, flushMicrotasks, type Deferred } from './support/deferred.js';
import { nextMacrotask, sleep, useFakeTime } from './support/probes.js';

/** Soonifies `count` tasks, each waiting for its own gate; returns the gates and the handles. */
function gatedTasks(scope: ReturnType<typeof createScope>, count: number, prefix: string) {
  const gates: Deferred<string>[] = [];
  const handles = Array.from({ length: count }, (_, i) => {
    const gate = deferred<string>();
    gates.push(gate);
    return scope.soonify(() => gate.promise, { name: `${prefix}${i}` })();
  });
  return { gates, handles };
}

describe('the live tasks of a group', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('cancels exactly the tasks still running after most of a long-lived scope has finished', async () => {
    const scope = createScope();
    const { gates, handles } = gatedTasks(scope, 1000, 't');
    await flushMicrotasks(); // all started
    // every task but each seventh finishes: the done ones leave the live tasks in a pass
    gates.forEach((gate, i) => i % 7 !== 3 && gate.resolve(`v${i}`));
    await flushMicrotasks();
    const running = handles.filter((_, i) => i % 7 === 3);
    expect(running.every((handle) => handle.status === 'pending')).toBe(true);
    scope.cancel('stop');
    expect(running.every((handle) => handle.status === 'cancelled')).toBe(true);
    expect(running).toHaveLength(143);
    expect(handles.filter((handle) => handle.status === 'fulfilled')).toHaveLength(857);
    expect(handles[1]!.value).toBe('v1');
    gates.forEach((gate) => gate.resolve('late')); // the abandoned promises settle; the scope closes
    await scope.close();
    expect(handles[3]!.status).toBe('cancelled');
  });

  it('starts every task once and in order when done tasks leave while a batch waits to start', async () => {
    const scope = createScope();
    const started: number[] = [];
    const spawn = (i: number) => scope.soonify(() => void started.push(i))();
    const blocker = deferred<void>();
    scope.soonify(() => blocker.promise)(); // keeps the scope from being idle
    const { gates, handles } = gatedTasks(scope, 100, 'g');
    await flushMicrotasks();
    // when the last gated task settles, its subscriber soonifies a batch: the pass that takes the
    // done tasks out (due since half of them are done) runs before that batch starts
    handles[99]!.subscribe(() => {
      for (let i = 0; i < 50; i++) spawn(i);
    });
    gates.forEach((gate) => gate.resolve('done'));
    await flushMicrotasks();
    expect(started).toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (let i = 50; i < 60; i++) spawn(i);
    await flushMicrotasks();
    expect(started).toEqual(Array.from({ length: 60 }, (_, i) => i));
    blocker.resolve();
    await scope.close();
  });

  it('a timeout names the tasks still running among many finished ones', async () => {
    useFakeTime();
    const tg = createTaskGroup({ timeout: 500, name: 'crawl' });
    for (let i = 0; i < 200; i++) tg.soonify(async () => i, { name: `quick${i}` })();
    tg.soonify(() => sleep(1000), { name: 'stuck' })();
    const join = tg.join().catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(500);
    await jest.advanceTimersByTimeAsync(500);
    expect(((await join) as Error).message).toBe("task group 'crawl' timed out after 500 ms; still running: task 'stuck'");
  });

  it('does not keep the outcomes of finished tasks alive while another one runs', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const scope = createScope();
    const blocker = deferred<void>();
    scope.soonify(() => blocker.promise)();
    const outcomes: WeakRef<object>[] = [];
    for (let i = 0; i < 200; i++) {
      // the handle is dropped at once: only the group could keep the task, and its value, alive
      scope.soonify(async () => {
        const value = { i };
        outcomes.push(new WeakRef(value));
        return value;
      })();
    }
    await flushMicrotasks();
    await nextMacrotask(); // WeakRefs hold their target until the job that made them is over
    gc();
    expect(outcomes).toHaveLength(200);
    expect(outcomes.filter((ref) => ref.deref() !== undefined).length).toBeLessThan(40);
    blocker.resolve();
    await scope.close();
    await nextMacrotask();
    gc();
    expect(outcomes.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
  });
});
