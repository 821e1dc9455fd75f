import { assertFunction } from './assert.js';
import { checkGroupOptions, type CheckedGroupOptions } from './checkGroupOptions.js';

/**
 * The check of `runTaskGroup(body, options)` and `taskGroup(body, options)`.
 * @param name the function's name, for messages
 * @internal
 */
export function checkGroupCall(name: 'runTaskGroup' | 'taskGroup', body: unknown, options: unknown): CheckedGroupOptions {
  assertFunction(body, `${name}(body): body`);
  return checkGroupOptions(options, `${name}(body, options)`);
}
