import type { Slots } from '../Slots.js';
import { checkLimiterOption } from './checkLimiterOption.js';
import { assertConcurrency, assertOptionalFunction, assertOptionalSignal, assertOptionalString, assertOptionsObject, readOptions } from './assert.js';
import { optionKeys } from './optionKeys.js';
import type { ScopeOptions } from '../../types/ScopeOptions.js';

/** Every key of `ScopeOptions` (the compiler checks that none is missing). @internal */
export const SCOPE_OPTIONS = optionKeys<ScopeOptions>()(['name', 'limiter', 'concurrency', 'signal', 'onError']);

/**
 * Scope options once checked.
 * @internal
 */
export interface CheckedScopeOptions {
  readonly name?: string;
  readonly limiter?: Slots;
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  readonly onError?: (error: unknown) => void;
}

/**
 * The check of `createScope(options)`.
 * @internal
 */
export function checkScopeOptions(options: unknown): CheckedScopeOptions {
  const what = 'createScope(options): options';
  assertOptionsObject(options, what);
  const { name, limiter, concurrency = Infinity, signal, onError } = readOptions(options, SCOPE_OPTIONS, what);
  assertOptionalString(name, `${what}.name`);
  const slots = checkLimiterOption(limiter, `${what}.limiter`);
  assertConcurrency(concurrency, `${what}.concurrency`);
  assertOptionalSignal(signal, `${what}.signal`);
  assertOptionalFunction(onError, `${what}.onError`);
  return { name, limiter: slots, concurrency, signal, onError: onError as ((error: unknown) => void) | undefined };
}
