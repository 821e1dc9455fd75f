import { describe } from '../describe.js';
import type { CountTracker } from '../CountTracker.js';
import type { Slots } from '../Slots.js';
import { checkProgressOption } from './checkProgressOption.js';
import { checkLimiterOption } from './checkLimiterOption.js';
import { assertConcurrency, readOptions } from './assert.js';

const MAP_OPTIONS = ['concurrency', 'ordered', 'limiter', 'progress'] as const;

/**
 * The settings of `mapConcurrent` and `mapConcurrentFrom`, checked.
 * @internal
 */
export interface MapSettings {
  readonly concurrency: number;
  readonly ordered: boolean;
  readonly limiter: Slots | undefined;
  /** makes each subscription's progress tracker, when the `progress` option is given */
  readonly progress: (() => CountTracker) | undefined;
}

/**
 * Reads `number | MapConcurrentOptions` into checked settings.
 * @internal
 */
export function checkMapOptions(options: unknown, caller: string): MapSettings {
  if (typeof options === 'number') {
    assertConcurrency(options, `${caller}: concurrency`);
    return { concurrency: options, ordered: true, limiter: undefined, progress: undefined };
  }
  if (options === undefined || typeof options !== 'object' || options === null) {
    throw new TypeError(`${caller}: options must be a concurrency number or an options object, got ${describe(options)}`);
  }
  const { concurrency = Infinity, ordered = true, limiter, progress } = readOptions(options, MAP_OPTIONS, `${caller}: options`);
  assertConcurrency(concurrency, `${caller}: options.concurrency`);
  if (typeof ordered !== 'boolean') {
    throw new TypeError(`${caller}: options.ordered must be a boolean, got ${describe(ordered)}`);
  }
  const slots = checkLimiterOption(limiter, `${caller}: options.limiter`);
  return { concurrency, ordered, limiter: slots, progress: checkProgressOption(progress, `${caller}: options.progress`) };
}
