/**
 * Task groups and scopes tied to Angular lifetimes, task results and progress as signals, a task group as a resource, an HTTP request limit.
 *
 * @module rxjs-asyncer/angular
 */
// rxjs-asyncer/angular: task groups, scopes and limits tied to Angular's lifetimes, as signals.
// Flat named re-exports; test/exports.test.ts pins them. Functions only: builds with plain tsc.

// Lifetimes
export { injectTaskGroup } from './injectTaskGroup.js';
export { injectScope } from './injectScope.js';
export type { InjectOptions } from './types/InjectOptions.js';

// Signals and resources
export { taskGroupResource } from './taskGroupResource.js';
export type { TaskGroupResourceOptions } from './types/TaskGroupResourceOptions.js';
export type { ResourceProgress } from './taskGroupResource.js';
export { soonSignal } from './soonSignal.js';
export type { SoonSignalOptions } from './types/SoonSignalOptions.js';
export type { SoonState } from './types/SoonState.js';
export { progressSignal } from './progressSignal.js';
export type { ProgressSignal } from './types/ProgressSignal.js';

// HTTP
export { limitRequests } from './limitRequests.js';
export { joinInBackground } from './joinInBackground.js';
