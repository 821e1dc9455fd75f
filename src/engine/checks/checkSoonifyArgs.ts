import type { Slots } from '../Slots.js';
import { optionKeys } from './optionKeys.js';
import type { SoonifyOptions } from '../../types/SoonifyOptions.js';
import { checkLimiterOption } from './checkLimiterOption.js';
import { assertFunction, assertOptionalString, assertOptionsObject, readOptions } from './assert.js';

const SOONIFY_OPTIONS = optionKeys<SoonifyOptions>()(['name', 'limiter']);

/**
 * The check of `tg.soonify(fn, options)`: the task's name (the option, else `fn.name`) and its
 * own limiter, if any.
 * @internal
 */
export function checkSoonifyArgs(fn: unknown, options: unknown): { readonly name: string; readonly limiter: Slots | undefined } {
  assertFunction(fn, 'tg.soonify(fn): fn');
  if (options === undefined) return { name: fn.name, limiter: undefined };
  const what = 'tg.soonify(fn, options): options';
  assertOptionsObject(options, what);
  const { name, limiter } = readOptions(options, SOONIFY_OPTIONS, what);
  assertOptionalString(name, `${what}.name`);
  const slots = checkLimiterOption(limiter, `${what}.limiter`);
  return { name: name ?? fn.name, limiter: slots };
}
