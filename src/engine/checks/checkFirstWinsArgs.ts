import { describe } from '../describe.js';
import { isArraySafe } from '../isPlainRecord.js';
import type { CountTracker } from '../CountTracker.js';
import { checkProgressOption } from './checkProgressOption.js';
import { assertOptionalDuration, assertOptionsObject, readOptions } from './assert.js';
import { assertTaskInputs } from './checkTaskInputs.js';

/**
 * The check of `firstWins(inputs, options)`: a snapshot of the inputs, and the stagger.
 * @internal
 */
export function checkFirstWinsArgs(
  inputs: unknown,
  options: unknown,
): { readonly entries: readonly unknown[]; readonly stagger: number | undefined; readonly progress: (() => CountTracker) | undefined } {
  const caller = 'firstWins(inputs, options)';
  if (!isArraySafe(inputs)) throw new TypeError(`${caller}: inputs must be an array of task inputs, got ${describe(inputs)}`);
  assertTaskInputs(inputs, undefined, caller);
  assertOptionsObject(options, `${caller}: options`);
  const { stagger, progress } = readOptions(options, ['stagger', 'progress'], `${caller}: options`);
  assertOptionalDuration(stagger, `${caller}: options.stagger`);
  return { entries: inputs.slice(), stagger, progress: checkProgressOption(progress, `${caller}: options.progress`) };
}
