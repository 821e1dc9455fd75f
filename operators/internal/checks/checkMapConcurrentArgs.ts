import { assertFunction } from '../../../src/engine/index.js';
import { checkMapOptions, type MapSettings } from './checkMapOptions.js';

/**
 * The check of `mapConcurrent(project, options)`.
 * @internal
 */
export function checkMapConcurrentArgs(project: unknown, options: unknown): MapSettings {
  const caller = 'mapConcurrent(project, options)';
  assertFunction(project, `${caller}: project`);
  return checkMapOptions(options, caller);
}
