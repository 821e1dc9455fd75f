import type { TaskGroupOptions } from '../../types/TaskGroupOptions.js';
import { describe } from '../describe.js';
import { checkLimiterOption } from './checkLimiterOption.js';
import type { Slots } from '../Slots.js';
import { assertOptionalDuration, assertOptionalSignal, assertOptionalString, assertOptionsObject, readOptions } from './assert.js';

const GROUP_OPTIONS = ['signal', 'timeout', 'name', 'limiter', 'parent'] as const;

/**
 * Task group options once checked.
 * @internal
 */
export interface CheckedGroupOptions extends Omit<TaskGroupOptions, 'limiter'> {
  readonly limiter?: Slots;
}

/**
 * Checks task group options at the call, naming `caller` in the message.
 * @internal
 */
export function checkGroupOptions(options: unknown, caller: string): CheckedGroupOptions {
  assertOptionsObject(options, `${caller}: options`);
  const { signal, timeout, name, limiter, parent } = readOptions(options, GROUP_OPTIONS, `${caller}: options`);
  if (parent !== undefined && parent !== null) {
    throw new TypeError(`${caller}: options.parent must be null (a group that is nobody's child) or left out, got ${describe(parent)}`);
  }
  assertOptionalSignal(signal, `${caller}: options.signal`);
  assertOptionalDuration(timeout, `${caller}: options.timeout`);
  assertOptionalString(name, `${caller}: options.name`);
  const slots = checkLimiterOption(limiter, `${caller}: options.limiter`);
  return { signal, timeout, name, limiter: slots, parent };
}
