import { createScope, createTaskGroup } from '../../src/index.js';
import { recordTimeline, renderTimeline } from '../../timeline/index.js';
import { createWorkerPool, exposeWorker } from '../../workers/index.js';
import { linkAcrossAwaits, runMain } from '../../node/index.js';
import { connectTasks, serveTasks } from '../../bullmq/index.js';
import { expectTypeErrorAtOnce, revokedProxy, throwingObject } from '../support/hostile.js';

// Every public function of every entry point outside the core and the operators (which
// publicFunctions.test.ts covers), handed hostile values where it takes an object: a revoked
// Proxy, an object whose every read throws, a Symbol. Each must throw at the call, a TypeError
// that names the argument, never a stray error from deep inside and never a rejection later.
// (rxjs-asyncer/angular's six functions get the same in test/angular/specs/hostileInputs.spec.ts,
// against real Angular.)

const hostile: [string, () => unknown][] = [
  ['a revoked Proxy', revokedProxy],
  ['an object whose reads throw', throwingObject],
  ['a Symbol', () => Symbol('hostile')],
];

const connection = { host: '127.0.0.1', port: 1 };

/** Each function, the argument that gets the hostile value, and how the message must begin. */
const calls: [string, (value: never) => unknown, RegExp][] = [
  ['createScope(options)', (o) => createScope(o), /^createScope\(options\): options/],
  ['recordTimeline(source)', (s) => recordTimeline(s), /^recordTimeline\(source\): source must be a TaskGroup or a Scope/],
  ['renderTimeline(timeline, options): timeline', (t) => renderTimeline(t, { format: 'text' }), /^renderTimeline\(timeline, options\): timeline/],
  ['renderTimeline(timeline, options): options', (o) => renderTimeline({ start: 0, end: 1, tasks: [] }, o), /^renderTimeline\(timeline, options\): options/],
  ['createWorkerPool(url, options)', (o) => createWorkerPool('file:///nowhere.mjs', o), /^createWorkerPool\(url, options\): options/],
  ['exposeWorker(functions)', (f) => exposeWorker(f), /^exposeWorker\(functions\): functions/],
  ['runMain(body, options)', (o) => runMain(() => 1, o), /^runMain\(body, options\): options/],
  ['connectTasks(queue, options)', (o) => connectTasks('q', o), /^connectTasks\(queue, options\): options/],
  ['serveTasks(queue, tasks, options): tasks', (t) => serveTasks('q', t, { connection }), /^serveTasks\(queue, tasks, options\): tasks/],
  ['serveTasks(queue, tasks, options): options', (o) => serveTasks('q', { add: () => 1 }, o), /^serveTasks\(queue, tasks, options\): options/],
];

describe.each(calls)('%s refuses hostile values at once', (_name, call, message) => {
  it.each(hostile)('%s', (_kind, make) => expectTypeErrorAtOnce(() => call(make() as never), message));
});

describe('linkAcrossAwaits()', () => {
  it('takes no argument, and is safe to call again, from inside a task too', async () => {
    linkAcrossAwaits();
    const tg = createTaskGroup();
    tg.startSoon(async () => {
      await null;
      linkAcrossAwaits();
    });
    await expect(tg.join()).resolves.toBeUndefined();
  });
});
