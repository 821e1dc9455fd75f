import type { TaskGroupOptions } from '../../types/TaskGroupOptions.js';
import { checkLimiterOption } from './checkLimiterOption.js';
import type { Slots } from '../Slots.js';
import { assertConcurrency, assertOptionalDuration, assertOptionalSignal, assertOptionalString, assertOptionsObject, mustBe, readOptions } from './assert.js';
import { optionKeys } from './optionKeys.js';

/** Every key of `TaskGroupOptions` (the compiler checks that none is missing). @internal */
export const GROUP_OPTIONS = optionKeys<TaskGroupOptions>()(['signal', 'timeout', 'name', 'limiter', 'concurrency', 'parent']);

/**
 * Task group options once checked.
 * @internal
 */
export interface CheckedGroupOptions extends Omit<TaskGroupOptions, 'limiter' | 'concurrency'> {
  readonly limiter?: Slots;
  readonly concurrency: number;
}

/**
 * Checks task group options at the call, naming `caller` in the message.
 * @internal
 */
export function checkGroupOptions(options: unknown, caller: string): CheckedGroupOptions {
  assertOptionsObject(options, `${caller}: options`);
  const { signal, timeout, name, limiter, concurrency = Infinity, parent } = readOptions(options, GROUP_OPTIONS, `${caller}: options`);
  if (parent !== undefined && parent !== null) mustBe(`${caller}: options.parent`, "null (a group that is nobody's child) or left out", parent);
  assertOptionalSignal(signal, `${caller}: options.signal`);
  assertOptionalDuration(timeout, `${caller}: options.timeout`);
  assertOptionalString(name, `${caller}: options.name`);
  assertConcurrency(concurrency, `${caller}: options.concurrency`);
  const slots = checkLimiterOption(limiter, `${caller}: options.limiter`);
  return { signal, timeout, name, limiter: slots, concurrency, parent };
}
