import { checkLimiterOption, assertConcurrency, readOptions, mustBe, optionKeys, assertBoolean, type CountTracker, type Slots } from '../../../src/engine/index.js';
import type { MapConcurrentOptions } from '../../types/MapConcurrentOptions.js';
import { checkProgressOption } from './checkProgressOption.js';

const MAP_OPTIONS = optionKeys<MapConcurrentOptions>()(['concurrency', 'ordered', 'limiter', 'progress']);

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
    mustBe(`${caller}: options`, 'a concurrency number or an options object', options);
  }
  const { concurrency = Infinity, ordered = true, limiter, progress } = readOptions(options, MAP_OPTIONS, `${caller}: options`);
  assertConcurrency(concurrency, `${caller}: options.concurrency`);
  assertBoolean(ordered, `${caller}: options.ordered`);
  const slots = checkLimiterOption(limiter, `${caller}: options.limiter`);
  return { concurrency, ordered, limiter: slots, progress: checkProgressOption(progress, `${caller}: options.progress`) };
}
