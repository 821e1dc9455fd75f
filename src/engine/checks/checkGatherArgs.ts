import { describe, describeError } from '../describe.js';
import { isArraySafe, isPlainRecord } from '../isPlainRecord.js';
import type { CountTracker } from '../CountTracker.js';
import type { Slots } from '../Slots.js';
import { checkProgressOption } from './checkProgressOption.js';
import { checkLimiterOption } from './checkLimiterOption.js';
import { assertConcurrency, assertOptionsObject, readOptions } from './assert.js';
import { assertTaskInputs } from './checkTaskInputs.js';

const GATHER_OPTIONS = ['settled', 'concurrency', 'limiter', 'progress'] as const;

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
    throw new TypeError(`${caller}: inputs must be an array or a record of task inputs, got ${describe(inputs)}`);
  }
  assertTaskInputs(entries, keys, caller);
  assertOptionsObject(options, `${caller}: options`);
  const { settled = false, concurrency = Infinity, limiter, progress } = readOptions(options, GATHER_OPTIONS, `${caller}: options`);
  if (typeof settled !== 'boolean') throw new TypeError(`${caller}: options.settled must be a boolean, got ${describe(settled)}`);
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
