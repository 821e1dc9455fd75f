/**
 * gather, firstWins, mapConcurrent, mapConcurrentFrom, mapLatest and mapExhaust: task inputs as RxJS operators that cancel what they start.
 *
 * @module rxjs-asyncer/operators
 */
// rxjs-asyncer/operators: flat named re-exports; test/exports.test.ts pins them.

// Gathering and racing
export { gather } from './gather.js';
export type { GatherOptions } from './types/GatherOptions.js';
export { firstWins } from './firstWins.js';
export type { FirstWinsOptions } from './types/FirstWinsOptions.js';

// Bounded concurrency
export { mapConcurrent } from './mapConcurrent.js';
export { mapConcurrentFrom } from './mapConcurrentFrom.js';
export type { MapConcurrentOptions } from './types/MapConcurrentOptions.js';

// One at a time
export { mapLatest } from './mapLatest.js';
export { mapExhaust } from './mapExhaust.js';
export type { MapLatestOptions } from './types/MapLatestOptions.js';

// Inputs
export type { TaskInput } from './types/TaskInput.js';
export type { TaskInputs } from './types/TaskInputs.js';
export type { TaskInputValue } from './types/TaskInputValue.js';
