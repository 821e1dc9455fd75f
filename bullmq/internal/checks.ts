import type { ConnectionOptions } from 'bullmq';
import { assertDuration, assertNonEmptyString, assertObject, assertOptionalDuration, assertOptionalFunction, mustBe, optionKeys, readEntries, readOptions } from '../../src/engine/index.js';
import type { ConnectTasksOptions } from '../types/ConnectTasksOptions.js';
import type { RemoteRunOptions } from '../types/RemoteRunOptions.js';
import type { ServeTasksOptions } from '../types/ServeTasksOptions.js';

// The argument checks of rxjs-asyncer/bullmq, built from the engine's (one message format).
// `remote.run` and `remote.call.name` are checked by the engine's CallClient, with these keys.

/** The settings of a caller, once checked. @internal */
export interface CallerSettings {
  readonly queue: string;
  readonly connection: ConnectionOptions;
  readonly lease: number;
  readonly redisTimeout: number;
  readonly prefix: string;
  readonly names: ReadonlySet<string> | undefined;
}

const CONNECT_OPTIONS = optionKeys<ConnectTasksOptions>()(['connection', 'lease', 'redisTimeout', 'prefix', 'tasks']);

/** Every key of `RemoteRunOptions`. @internal */
export const RUN_OPTIONS = optionKeys<RemoteRunOptions>()(['signal', 'onProgress']);

/**
 * Every key of `ServeTasksOptions`: ours, and BullMQ's worker options, passed through (the
 * compiler checks the list against the BullMQ this package is built with).
 */
const SERVE_OPTIONS = optionKeys<ServeTasksOptions>()([
  'closeTimeout',
  'connection',
  'concurrency',
  'name',
  'limiter',
  'metrics',
  'maximumRateLimitDelay',
  'maxStartedAttempts',
  'maxStalledCount',
  'stalledInterval',
  'removeOnComplete',
  'removeOnFail',
  'skipStalledCheck',
  'skipLockRenewal',
  'drainDelay',
  'lockDuration',
  'lockRenewTime',
  'runRetryDelay',
  'settings',
  'useWorkerThreads',
  'telemetry',
  'blockingConnection',
  'skipVersionCheck',
  'skipWaitingForReady',
  'workerForkOptions',
  'workerThreadsOptions',
  'prefix',
]);

const assertConnection = (connection: unknown, what: string): void => {
  if (typeof connection !== 'object' || connection === null) mustBe(what, 'ioredis options or an ioredis client', connection);
};

/**
 * On a Redis Cluster (an ioredis `Cluster`, which says `isCluster`), a queue's keys must share one
 * hash slot: BullMQ's scripts touch several at once, and so do ours. Only a prefix that is a hash
 * tag (`{bull}`) puts them there; any other fails later with CROSSSLOT errors, mid-run.
 */
const assertClusterPrefix = (connection: unknown, prefix: string, what: string): void => {
  if ((connection as { isCluster?: unknown }).isCluster === true && !/^\{[^{}]+\}/.test(prefix)) {
    mustBe(what, 'a hash tag in braces on a Redis Cluster, such as "{bull}", so that a queue\'s keys share one slot', prefix);
  }
};

/**
 * `connectTasks(queue, options)`'s arguments, checked at the call, with the defaults applied.
 * @internal
 */
export function checkConnectArgs(queue: unknown, options: unknown): CallerSettings {
  const caller = 'connectTasks(queue, options)';
  assertNonEmptyString(queue, `${caller}: queue`);
  assertObject(options, `${caller}: options`, '{ connection }');
  const { connection, lease = 10_000, redisTimeout = 10_000, prefix = 'bull', tasks } = readOptions(options, CONNECT_OPTIONS, `${caller}: options`);
  assertConnection(connection, `${caller}: options.connection`);
  assertDuration(lease, `${caller}: options.lease`, 'period');
  assertDuration(redisTimeout, `${caller}: options.redisTimeout`, 'period');
  assertNonEmptyString(prefix, `${caller}: options.prefix`);
  assertClusterPrefix(connection, prefix, `${caller}: options.prefix`);
  let names: Set<string> | undefined;
  if (Array.isArray(tasks)) names = new Set(tasks as string[]);
  else if (typeof tasks === 'object' && tasks !== null) names = new Set(Object.keys(tasks).filter((name) => typeof (tasks as Record<string, unknown>)[name] === 'function'));
  else if (tasks !== undefined) mustBe(`${caller}: options.tasks`, 'the task names or the tasks module', tasks);
  return { queue, connection: connection as ConnectionOptions, lease, redisTimeout, prefix, names };
}

/** `remote.run`'s options beyond the signal. @internal */
export function checkRemoteRunOptions(options: RemoteRunOptions, caller: string): void {
  assertOptionalFunction(options.onProgress, `${caller}: options.onProgress`);
}

/**
 * A call's task name, when the caller was told the names (`options.tasks`).
 * @internal
 */
export function checkTaskName(name: string, names: ReadonlySet<string> | undefined, caller: string): void {
  if (names && !names.has(name)) throw new TypeError(`${caller}: there is no task ${JSON.stringify(name)}; the tasks are ${[...names].join(', ')}`);
}

/**
 * `serveTasks(queue, tasks, options)`'s arguments, checked at the call.
 * @internal
 */
export function checkServeArgs(queue: unknown, tasks: unknown, options: unknown): { readonly closeTimeout: number | undefined } {
  const caller = 'serveTasks(queue, tasks, options)';
  assertNonEmptyString(queue, `${caller}: queue`);
  assertObject(tasks, `${caller}: tasks`, 'of functions');
  const entries = readEntries(tasks, `${caller}: tasks`);
  if (entries.length === 0) mustBe(`${caller}: tasks`, 'an object with at least one function', tasks);
  for (const [name, value] of entries) if (typeof value !== 'function') mustBe(`${caller}: tasks.${name}`, 'a function', value);
  assertObject(options, `${caller}: options`, '{ connection }');
  const { connection, closeTimeout, prefix = 'bull' } = readOptions(options, SERVE_OPTIONS, `${caller}: options`);
  assertConnection(connection, `${caller}: options.connection`);
  assertNonEmptyString(prefix, `${caller}: options.prefix`);
  assertClusterPrefix(connection, prefix, `${caller}: options.prefix`);
  assertOptionalDuration(closeTimeout, `${caller}: options.closeTimeout`);
  return { closeTimeout };
}
