import { assertFunction, assertOptionalBoolean, assertOptionalDuration, assertOptionalString, assertOptionsObject, optionKeys, readOptions } from '../../src/engine/index.js';
import type { RunMainOptions } from '../types/RunMainOptions.js';

// The argument checks of rxjs-asyncer/node, built from the engine's (one message format).

const RUN_MAIN_OPTIONS = optionKeys<RunMainOptions>()(['name', 'teardownTimeout', 'exit']);

/**
 * `runMain(body, options)`'s arguments, checked at the call.
 * @internal
 */
export function checkRunMainArgs(body: unknown, options: unknown): RunMainOptions {
  const caller = 'runMain(body, options)';
  assertFunction(body, `${caller}: body`);
  if (options === undefined) return {};
  assertOptionsObject(options, `${caller}: options`);
  const { name, teardownTimeout, exit } = readOptions(options, RUN_MAIN_OPTIONS, `${caller}: options`);
  assertOptionalString(name, `${caller}: options.name`);
  assertOptionalDuration(teardownTimeout, `${caller}: options.teardownTimeout`);
  assertOptionalBoolean(exit, `${caller}: options.exit`);
  return { name, teardownTimeout, exit };
}
