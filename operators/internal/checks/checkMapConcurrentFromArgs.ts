import { mustBe, assertFunction } from '../../../src/engine/index.js';
import { checkMapOptions, type MapSettings } from './checkMapOptions.js';

/**
 * The check of `mapConcurrentFrom(input, project, options)`; says whether `input` is async.
 * @internal
 */
export function checkMapConcurrentFromArgs(input: unknown, project: unknown, options: unknown): MapSettings & { readonly isAsync: boolean } {
  const caller = 'mapConcurrentFrom(input, project, options)';
  let isAsync = false;
  let iterable = false;
  try {
    isAsync = typeof (input as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
    iterable = isAsync || typeof (input as Iterable<unknown> | null)?.[Symbol.iterator] === 'function';
  } catch {
    // a revoked Proxy: not an iterable one can read
  }
  if (!iterable) mustBe(`${caller}: input`, 'an Iterable or an AsyncIterable', input);
  assertFunction(project, `${caller}: project`);
  return { ...checkMapOptions(options, caller), isAsync };
}
