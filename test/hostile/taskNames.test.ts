import { createTaskGroup } from '../../src/index.js';
import { flushMicrotasks } from '../support/deferred.js';
import { untilAborted } from '../support/probes.js';

// A task is named after its function, and the function's `name` is read only when a message, an
// event or a span needs it. A `name` that cannot be read (a getter that throws) or is not a
// string names the task as anonymous; it never fails the call that soonified it, nor a cancel.

/** A function whose `name` getter throws, counting its reads. */
function unnameable(): { fn: () => Promise<number>; reads: () => number } {
  let reads = 0;
  const fn = async (): Promise<number> => 1;
  Object.defineProperty(fn, 'name', {
    get() {
      reads++;
      throw new Error('name getter threw');
    },
  });
  return { fn, reads: () => reads };
}

describe('task names read from their function', () => {
  it('reads no name while nobody asks for one', async () => {
    const { fn, reads } = unnameable();
    const tg = createTaskGroup();
    const handles = [tg.soonify(fn)(), tg.startSoon(fn), tg.soonify(fn as (n: number) => Promise<number>)(1)];
    await tg.join();
    expect(handles.map((handle) => handle.value)).toEqual([1, 1, 1]);
    expect(reads()).toBe(0);
  });

  it('names a task as anonymous when its name getter throws: events and the cancel message', async () => {
    const { fn } = unnameable();
    const tg = createTaskGroup();
    const names: string[] = [];
    tg.events$.subscribe((event) => event.type === 'added' && names.push(event.name));
    const numbered = Object.defineProperty(() => untilAborted(tg.signal), 'name', { value: 42 });
    const stuck = tg.soonify(numbered)();
    tg.soonify(fn)();
    await flushMicrotasks();
    tg.cancel('stop');
    expect(() => stuck.value).toThrow('an anonymous task was cancelled');
    await tg.join();
    expect(names).toEqual(['', '']);
  });

  it('uses the function name in messages and events when it has one', async () => {
    const tg = createTaskGroup();
    const started: string[] = [];
    tg.events$.subscribe((event) => event.type === 'started' && started.push(event.name));
    const loadUser = () => untilAborted(tg.signal);
    const handle = tg.soonify(loadUser)();
    await flushMicrotasks();
    tg.cancel('stop');
    expect(() => handle.value).toThrow("task 'loadUser' was cancelled");
    await tg.join();
    expect(started).toEqual(['loadUser']);
  });
});
