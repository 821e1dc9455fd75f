// rxjs-asyncer/operators: flat named re-exports; test/exports.test.ts pins them.

// Gathering and racing
export { gather } from './gather.js';
export type { GatherOptions } from './GatherOptions.js';
export { firstWins } from './firstWins.js';
export type { FirstWinsOptions } from './FirstWinsOptions.js';

// Bounded concurrency
export { mapConcurrent } from './mapConcurrent.js';
export { mapConcurrentFrom } from './mapConcurrentFrom.js';
export type { MapConcurrentOptions } from './MapConcurrentOptions.js';

// Inputs
export type { TaskInput, TaskInputs, TaskInputValue } from './TaskInput.js';
