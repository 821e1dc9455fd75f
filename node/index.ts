/**
 * What only Node has: runMain (a program as one task group, with Ctrl-C) and linkAcrossAwaits.
 *
 * @module rxjs-asyncer/node
 */
// rxjs-asyncer/node: what only Node has. Flat named re-exports; test/exports.test.ts pins them.

// Whole programs
export { runMain } from './runMain.js';
export type { RunMainOptions } from './types/RunMainOptions.js';

// Nested groups across awaits
export { linkAcrossAwaits } from './linkAcrossAwaits.js';
