import { assertFunction, assertOptionalSignal } from './assert.js';

/**
 * The check of `limiter.run(fn, signal)`.
 * @internal
 */
export function checkLimiterRunArgs(fn: unknown, signal: unknown): void {
  assertFunction(fn, 'limiter.run(fn): fn');
  assertOptionalSignal(signal, 'limiter.run(fn, signal): signal');
}
