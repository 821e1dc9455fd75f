import { createLimiter, createTaskGroup, runTaskGroup, taskGroup } from '../../src/index.js';
import { firstWins } from '../../operators/index.js';
import { createWorkerPool } from '../../workers/index.js';
import { runMain } from '../../node/index.js';
import { createRedisLimiter } from '../../redis/index.js';
import { connectTasks, serveTasks } from '../../bullmq/index.js';
import { Redis } from 'ioredis';

// Every duration option of every entry point goes through the engine's one duration check: a
// number of milliseconds setTimeout honours. 2 ** 31 would overflow and fire at once (the bug
// that let `closeTimeout: Infinity` abort jobs 1 ms after close), NaN and -1 mean nothing.
// A delay ("how long until") also takes Infinity, never; a period (a lease, a poll, a window,
// a wait for a server) does not, since something must happen every so often.
// (taskGroupResource's `timeout` is checked the same way in test/angular.)

const connection = { host: '127.0.0.1', port: 1 };
const client = new Redis({ lazyConnect: true }); // never connects: the checks come first
afterAll(() => client.disconnect());

/** [the option, a call with the value, whether Infinity is a valid "never"] */
const options: [string, (ms: number) => unknown, boolean][] = [
  ['createTaskGroup timeout', (timeout) => createTaskGroup({ timeout }), true],
  ['runTaskGroup timeout', (timeout) => runTaskGroup(() => 1, { timeout }), true],
  ['taskGroup timeout', (timeout) => taskGroup(() => 1, { timeout }), true],
  ['firstWins stagger', (stagger) => firstWins([], { stagger }), true],
  ['createWorkerPool idleTimeout', (idleTimeout) => createWorkerPool('file:///never-started.mjs', { idleTimeout }), true],
  ['runMain teardownTimeout', (teardownTimeout) => runMain(() => 1, { teardownTimeout, exit: false }), true],
  ['serveTasks closeTimeout', (closeTimeout) => serveTasks('q', { add: () => 1 }, { connection, closeTimeout }), true],
  ['createLimiter rate.interval', (interval) => createLimiter(1, { rate: { limit: 1, interval } }), false],
  ['createRedisLimiter lease', (lease) => createRedisLimiter({ client, key: 'k', concurrency: 1, lease }), false],
  ['createRedisLimiter pollInterval', (pollInterval) => createRedisLimiter({ client, key: 'k', concurrency: 1, pollInterval }), false],
  ['createRedisLimiter redisTimeout', (redisTimeout) => createRedisLimiter({ client, key: 'k', concurrency: 1, redisTimeout }), false],
  ['connectTasks lease', (lease) => connectTasks('q', { connection, lease }), false],
  ['connectTasks redisTimeout', (redisTimeout) => connectTasks('q', { connection, redisTimeout }), false],
];

describe.each(options)('%s', (name, call, takesInfinity) => {
  const option = name.split(' ')[1]!;
  it.each([2 ** 31, NaN, -1])('refuses %p at once with a RangeError naming it and echoing the value', (value) => {
    expect(() => call(value)).toThrow(RangeError);
    expect(() => call(value)).toThrow(new RegExp(`options\\.${option.replace('.', '\\.')} must be a number of milliseconds .*, got ${String(value)}$`));
  });

  it(takesInfinity ? 'takes Infinity: never' : 'refuses Infinity: a period must end', async () => {
    if (!takesInfinity) {
      expect(() => call(Infinity)).toThrow(RangeError);
      return;
    }
    if (name.startsWith('serveTasks')) return; // starts a worker: tested against real Redis in test/bullmq
    const made = call(Infinity) as { close?: () => Promise<void> } | PromiseLike<unknown> | undefined;
    if (made && 'then' in made) await made; // runTaskGroup, runMain: they end, no timer left
    else await (made as { close?: () => Promise<void> } | undefined)?.close?.();
  });
});
