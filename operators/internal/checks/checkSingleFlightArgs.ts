import { assertFunction, assertOptionsObject, optionKeys, readOptions, type CountTracker } from '../../../src/engine/index.js';
import type { MapLatestOptions } from '../../types/MapLatestOptions.js';
import { checkProgressOption } from './checkProgressOption.js';

const SINGLE_FLIGHT_OPTIONS = optionKeys<MapLatestOptions>()(['progress']);

/**
 * The check of `mapLatest(project, options?)` and `mapExhaust(project, options?)`; returns what
 * makes each subscription's progress tracker, if the option is given.
 * @param name the operator's name, for the messages
 * @internal
 */
export function checkSingleFlightArgs(name: 'mapLatest' | 'mapExhaust', project: unknown, options: unknown): (() => CountTracker) | undefined {
  const caller = `${name}(project, options)`;
  assertFunction(project, `${caller}: project`);
  assertOptionsObject(options, `${caller}: options`);
  const { progress } = readOptions(options, SINGLE_FLIGHT_OPTIONS, `${caller}: options`);
  return checkProgressOption(progress, `${caller}: options.progress`);
}
