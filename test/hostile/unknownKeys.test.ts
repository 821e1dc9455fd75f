import { createLimiter, createScope, createTaskGroup, runTaskGroup, shield, taskGroup } from '../../src/index.js';
import { firstWins, gather, mapConcurrent, mapConcurrentFrom, mapExhaust, mapLatest } from '../../operators/index.js';
import { createWorkerPool } from '../../workers/index.js';
import { runMain } from '../../node/index.js';
import { createRedisLimiter } from '../../redis/index.js';
import { connectTasks, serveTasks } from '../../bullmq/index.js';
import { renderTimeline } from '../../timeline/index.js';
import { Redis } from 'ioredis';
import { closestKey } from '../../src/engine/checks/unknownKey.js';
import { expectTypeErrorAtOnce } from '../support/hostile.js';

// A typo in an options object is refused at the call, in every public function of every entry
// point, naming the key and the closest known one: TypeScript catches these only in object
// literals, and JavaScript callers or options built elsewhere got nothing. (The Angular entry's
// functions are checked the same way in test/angular/specs/hostileInputs.spec.ts.)

const connection = { host: '127.0.0.1', port: 1 };
const client = new Redis({ lazyConnect: true }); // never connects: the checks come first
afterAll(() => client.disconnect());
/** a caller made to check its run: closed after (its queue would retry the connection forever) */
const remote = connectTasks('q', { connection: { ...connection, lazyConnect: true } });
afterAll(() => remote.close());
const redisOptions = { client, key: 'k', concurrency: 1 };
const timeline = { start: 0, end: 1, tasks: [] };

/** [the call, with options built elsewhere (so TypeScript does not see the typo), the typo, the key meant] */
const typos: [string, (options: object) => unknown, string, string][] = [
  ['createTaskGroup', (o) => createTaskGroup(o), 'timout', 'timeout'],
  ['runTaskGroup', (o) => runTaskGroup(() => 1, o), 'signl', 'signal'],
  ['taskGroup', (o) => taskGroup(() => 1, o), 'concurency', 'concurrency'],
  ['createScope', (o) => createScope(o), 'nme', 'name'],
  ['tg.soonify', (o) => createTaskGroup().soonify(() => 1, o), 'limitr', 'limiter'],
  ['scope.soonify', (o) => createScope().soonify(() => 1, o), 'nmae', 'name'],
  ['createLimiter', (o) => createLimiter(2, o), 'rat', 'rate'],
  ['createLimiter rate', (o) => createLimiter(2, { rate: { limit: 1, interval: 10, ...o } }), 'intervl', 'interval'],
  ['limiter.run', (o) => createLimiter(2, { priority: true }).run(() => 1, undefined, o), 'priorty', 'priority'],
  ['limiter.acquire', (o) => createLimiter(2, { priority: true }).acquire(undefined, o), 'prority', 'priority'],
  ['gather', (o) => gather([], o), 'concurency', 'concurrency'],
  ['firstWins', (o) => firstWins([], o), 'stager', 'stagger'],
  ['mapConcurrent', (o) => mapConcurrent(() => 1, o), 'concurency', 'concurrency'],
  ['mapConcurrentFrom', (o) => mapConcurrentFrom([], () => 1, o), 'orderd', 'ordered'],
  ['mapLatest', (o) => mapLatest(() => 1, o), 'progres', 'progress'],
  ['mapExhaust', (o) => mapExhaust(() => 1, o), 'prgress', 'progress'],
  ['shield', (o) => shield(() => 1, o), 'timout', 'timeout'],
  ['createWorkerPool', (o) => createWorkerPool('file:///never-started.mjs', o), 'sise', 'size'],
  ['pool.run', (o) => createWorkerPool('file:///never-started.mjs').run('f' as never, [] as never, o), 'transfr', 'transfer'],
  ['runMain', (o) => runMain(() => 1, { exit: false, ...o }), 'teardownTimout', 'teardownTimeout'],
  ['createRedisLimiter', (o) => createRedisLimiter({ ...redisOptions, ...o }), 'concurrecy', 'concurrency'],
  ['connectTasks', (o) => connectTasks('q', { connection, ...o }), 'prefx', 'prefix'],
  ['remote.run', (o) => remote.run('f' as never, [] as never, o), 'onProgres', 'onProgress'],
  ['serveTasks', (o) => serveTasks('q', { add: () => 1 }, { connection, ...o }), 'lockDuraton', 'lockDuration'],
  ['renderTimeline', (o) => renderTimeline(timeline, { format: 'text', ...o }), 'widht', 'width'],
];

describe.each(typos)('%s', (_name, call, typo, meant) => {
  it(`refuses '${typo}' at once, naming it and '${meant}'`, () => {
    expectTypeErrorAtOnce(() => call({ [typo]: 1 }), new RegExp(`has no key '${typo}': did you mean '${meant}'\\?`));
  });

  it('lists the known keys, the one meant among them', () => {
    expectTypeErrorAtOnce(() => call({ [typo]: 1 }), new RegExp(`\\(known keys: [^)]*\\b${meant}\\b`));
  });
});

describe('renamed options', () => {
  it.each([
    ['createRedisLimiter', 'leaseMs', 'lease', (o: object) => createRedisLimiter({ ...redisOptions, ...o })],
    ['createRedisLimiter', 'pollMs', 'pollInterval', (o: object) => createRedisLimiter({ ...redisOptions, ...o })],
    ['createRedisLimiter', 'timeoutMs', 'redisTimeout', (o: object) => createRedisLimiter({ ...redisOptions, ...o })],
    ['connectTasks', 'timeoutMs', 'redisTimeout', (o: object) => connectTasks('q', { connection, ...o })],
    ['serveTasks', 'closeTimeoutMs', 'closeTimeout', (o: object) => serveTasks('q', { add: () => 1 }, { connection, ...o })],
  ])('%s refuses %s, saying it is %s now', (_name, old, now, call) => {
    expectTypeErrorAtOnce(() => call({ [old]: 1000 }), new RegExp(`has no key '${old}': it was renamed '${now}'`));
  });
});

describe('the closest key', () => {
  const keys = ['signal', 'timeout', 'name', 'limiter', 'concurrency', 'parent'];

  it('is found through one typo: a letter left out, added, changed, or two swapped; case ignored', () => {
    expect(closestKey('timout', keys)).toBe('timeout');
    expect(closestKey('signall', keys)).toBe('signal');
    expect(closestKey('nane', keys)).toBe('name');
    expect(closestKey('nmae', keys)).toBe('name');
    expect(closestKey('Concurrency', keys)).toBe('concurrency');
  });

  it('is not made up when nothing is near: an unrelated key gets the list only', () => {
    expect(closestKey('retries', keys)).toBeUndefined();
    expectTypeErrorAtOnce(() => createTaskGroup({ retries: 3 } as never), /^createTaskGroup\(options\): options has no key 'retries' \(known keys: signal, timeout, name, limiter, concurrency, parent\)$/);
  });

  it('leaves keys alone that are not own and enumerable (a prototype, a symbol) and undefined values of known keys', () => {
    const inherited = Object.create({ timout: 5 }) as object;
    expect(() => createTaskGroup(inherited)).not.toThrow();
    expect(() => createTaskGroup({ [Symbol('x')]: 1 } as never)).not.toThrow();
    expect(() => createTaskGroup({ timeout: undefined, name: undefined })).not.toThrow();
  });
});
