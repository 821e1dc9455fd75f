import { isArraySafe, assertOptionalDuration, assertOptionsObject, readOptions, mustBe, optionKeys, type CountTracker } from '../../../src/engine/index.js';
import type { FirstWinsOptions } from '../../types/FirstWinsOptions.js';
import { checkProgressOption } from './checkProgressOption.js';
import { assertTaskInputs } from './checkTaskInputs.js';

const FIRST_WINS_OPTIONS = optionKeys<FirstWinsOptions>()(['stagger', 'progress']);

/**
 * The check of `firstWins(inputs, options)`: a snapshot of the inputs, and the stagger.
 * @internal
 */
export function checkFirstWinsArgs(
  inputs: unknown,
  options: unknown,
): { readonly entries: readonly unknown[]; readonly stagger: number | undefined; readonly progress: (() => CountTracker) | undefined } {
  const caller = 'firstWins(inputs, options)';
  if (!isArraySafe(inputs)) mustBe(`${caller}: inputs`, 'an array of task inputs', inputs);
  assertTaskInputs(inputs, undefined, caller);
  assertOptionsObject(options, `${caller}: options`);
  const { stagger, progress } = readOptions(options, FIRST_WINS_OPTIONS, `${caller}: options`);
  assertOptionalDuration(stagger, `${caller}: options.stagger`);
  return { entries: inputs.slice(), stagger, progress: checkProgressOption(progress, `${caller}: options.progress`) };
}
