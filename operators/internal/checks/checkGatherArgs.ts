import { describeError, isArraySafe, isPlainRecord, checkLimiterOption, assertConcurrency, assertOptionsObject, readOptions, mustBe, optionKeys, assertBoolean, type CountTracker, type Slots } from '../../../src/engine/index.js';
import type { GatherOptions } from '../../types/GatherOptions.js';
import { checkProgressOption } from './checkProgressOption.js';
import { assertTaskInputs } from './checkTaskInputs.js';

const GATHER_OPTIONS = optionKeys<GatherOptions>()(['settled', 'concurrency', 'limiter', 'progress']);

/**
 * `gather`'s arguments, checked: a snapshot of the inputs (with their keys, for a record) and
 * the settings.
 * @internal
 */
export interface GatherArgs {
  readonly entries: readonly unknown[];
  readonly keys: readonly string[] | undefined;
  readonly settled: boolean;
  readonly concurrency: number;
  readonly limiter: Slots | undefined;
  /** makes each subscription's progress tracker, when the `progress` option is given */
  readonly progress: (() => CountTracker) | undefined;
}

/**
 * The check of `gather(inputs, options)`. An array is a tuple; an object literal (or one made by
 * `Object.create(null)`) is a record whatever its keys (`{ then: ... }` too); anything else is
 * refused.
 * @internal
 */
export function checkGatherArgs(inputs: unknown, options: unknown): GatherArgs {
  const caller = 'gather(inputs, options)';
  let entries: readonly unknown[];
  let keys: string[] | undefined;
  if (isArraySafe(inputs)) {
    entries = inputs.slice(); // a snapshot: later changes to the array do not leak in
  } else if (isPlainRecord(inputs)) {
    keys = Object.keys(inputs);
    entries = keys.map((key) => readEntry(inputs, key, caller));
  } else {
    mustBe(`${caller}: inputs`, 'an array or a record of task inputs', inputs);
  }
  assertTaskInputs(entries, keys, caller);
  assertOptionsObject(options, `${caller}: options`);
  const { settled = false, concurrency = Infinity, limiter, progress } = readOptions(options, GATHER_OPTIONS, `${caller}: options`);
  assertBoolean(settled, `${caller}: options.settled`);
  assertConcurrency(concurrency, `${caller}: options.concurrency`);
  const slots = checkLimiterOption(limiter, `${caller}: options.limiter`);
  return { entries, keys, settled, concurrency, limiter: slots, progress: checkProgressOption(progress, `${caller}: options.progress`) };
}

/** Reads a record's entry once, at the call; a getter that throws is a TypeError naming it. */
function readEntry(inputs: Record<string, unknown>, key: string, caller: string): unknown {
  try {
    return inputs[key];
  } catch (error) {
    throw new TypeError(`${caller}: inputs.${key} could not be read: ${describeError(error)}`, { cause: error });
  }
}
