import type { Injector } from '@angular/core';
import type { Observable } from 'rxjs';
import type { LimiterState, Progress, SoonValue } from '../../src/index.js';
import { assertBoolean, assertConcurrency, assertFunction, assertObject, assertOptionalDuration, assertOptionalFunction, assertOptionsObject, assertOptionalString, mustBe, optionKeys, readOptions } from '../../src/engine/index.js';
import type { InjectOptions } from '../types/InjectOptions.js';
import type { SoonSignalOptions } from '../types/SoonSignalOptions.js';
import type { TaskGroupResourceOptions } from '../types/TaskGroupResourceOptions.js';

// The argument checks of rxjs-asyncer/angular, built from the engine's (one message format).

const INJECT_OPTIONS = optionKeys<InjectOptions>()(['injector']);

const RESOURCE_OPTIONS = optionKeys<TaskGroupResourceOptions<unknown, unknown>>()([
  'params',
  'body',
  'defaultValue',
  'equal',
  'timeout',
  'name',
  'limiter',
  'concurrency',
  'parent',
  'injector',
]);

/**
 * The `injector` of an options object that may hold other keys (`others`: a group's or a scope's
 * options, checked by whoever creates it); a key that is neither is refused here, by this name.
 * @internal
 */
export function checkInjectOptions(options: unknown, signature: string, others: readonly string[] = []): { readonly injector: unknown; readonly rest: Record<string, unknown> } {
  assertOptionsObject(options, `${signature}: options`);
  const keys = others.length === 0 ? INJECT_OPTIONS : [...INJECT_OPTIONS, ...others];
  const read = readOptions(options, keys, `${signature}: options`) as Record<string, unknown>;
  const rest: Record<string, unknown> = {};
  for (const key of others) if (read[key] !== undefined) rest[key] = read[key];
  return { injector: read['injector'], rest };
}

/** An `injector` option that is given must be an Injector. @internal */
export function checkInjector(injector: unknown, caller: string): asserts injector is Injector {
  if (typeof injector !== 'object' || injector === null || typeof (injector as Injector).get !== 'function') {
    mustBe(`${caller}(options): options.injector`, 'an Angular Injector', injector);
  }
}

/**
 * Whether `value` is shaped like a SoonValue (by shape: another copy of the library makes them
 * too); false for anything that cannot be asked (a revoked Proxy, a getter that throws).
 */
function isSoonValue(value: unknown): value is SoonValue<unknown> {
  try {
    return typeof value === 'object' && value !== null && typeof (value as SoonValue<unknown>).subscribe === 'function' && 'status' in value;
  } catch {
    return false;
  }
}

const SOON_SIGNAL_OPTIONS = optionKeys<SoonSignalOptions>()(['injector', 'manualCleanup']);

/** `soonSignal(soon, options)`: a SoonValue, and its options. @internal */
export function checkSoonSignalArgs(soon: unknown, options: unknown): { readonly injector: Injector | undefined; readonly manualCleanup: boolean } {
  const caller = 'soonSignal(soon, options)';
  if (!isSoonValue(soon)) mustBe(`${caller}: soon`, 'a SoonValue', soon);
  assertOptionsObject(options, `${caller}: options`);
  const { injector, manualCleanup = false } = readOptions(options, SOON_SIGNAL_OPTIONS, `${caller}: options`);
  assertBoolean(manualCleanup, `${caller}: options.manualCleanup`);
  return { injector: injector as Injector | undefined, manualCleanup };
}

/** `progressSignal(source)`: the stream of a group, a scope or a limiter, read once. @internal */
export function checkProgressSource(source: unknown): Observable<Progress | LimiterState> {
  let stream: unknown;
  try {
    const { progress$, state$ } = source as { progress$?: unknown; state$?: unknown };
    stream = progress$ ?? state$;
  } catch {
    stream = undefined;
  }
  if (typeof (stream as Observable<unknown> | undefined)?.subscribe !== 'function') {
    mustBe('progressSignal(source): source', 'a TaskGroup, a Scope or a Limiter', source);
  }
  return stream as Observable<Progress | LimiterState>;
}

/**
 * `joinInBackground(work)`: a scope (it has `close` and `errors$`) or a task group (`join`).
 * @internal
 */
export function checkBackgroundWork(work: unknown): 'scope' | 'group' {
  let kind: 'scope' | 'group' | undefined;
  try {
    const { close, errors$, join } = work as { close?: unknown; errors$?: unknown; join?: unknown };
    kind = typeof close === 'function' && errors$ !== undefined ? 'scope' : typeof join === 'function' ? 'group' : undefined;
  } catch {
    kind = undefined; // a revoked Proxy, a getter that throws
  }
  if (kind === undefined) mustBe('joinInBackground(work, options): work', 'a TaskGroup or a Scope', work);
  return kind;
}

/** Whether `limiter` has a method `name`: false for what cannot be asked (a revoked Proxy). */
function limiterMethod(limiter: unknown, name: 'run' | 'acquire'): boolean {
  try {
    return typeof limiter === 'object' && limiter !== null && typeof (limiter as Record<string, unknown>)[name] === 'function';
  } catch {
    return false;
  }
}

/**
 * `limitRequests(limiter, matches)`'s arguments; whether the limiter has `run` (else it has
 * `acquire`).
 * @internal
 */
export function checkLimitRequestsArgs(limiter: unknown, matches: unknown): boolean {
  const caller = 'limitRequests(limiter, matches)';
  const hasRun = limiterMethod(limiter, 'run');
  if (!hasRun && !limiterMethod(limiter, 'acquire')) mustBe(`${caller}: limiter`, 'a Limiter (with run or acquire)', limiter);
  assertOptionalFunction(matches, `${caller}: matches`);
  return hasRun;
}

/**
 * `taskGroupResource(options)`, read once and checked at the call, not at the first load (the
 * group's own options are checked again, by `runTaskGroup`, at each load).
 * @internal
 */
export function checkResourceOptions(options: unknown): TaskGroupResourceOptions<unknown, unknown> {
  const what = 'taskGroupResource(options): options';
  assertObject(options, what, '{ body }');
  const read = readOptions(options, RESOURCE_OPTIONS, what);
  assertFunction(read.body, `${what}.body`);
  assertOptionalFunction(read.params, `${what}.params`);
  assertOptionalFunction(read.equal, `${what}.equal`);
  assertOptionalDuration(read.timeout, `${what}.timeout`);
  assertOptionalString(read.name, `${what}.name`);
  if (read.concurrency !== undefined) assertConcurrency(read.concurrency, `${what}.concurrency`);
  return read as unknown as TaskGroupResourceOptions<unknown, unknown>;
}
