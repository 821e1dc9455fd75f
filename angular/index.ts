// rxjs-asyncer/angular: task groups, scopes and limits tied to Angular's lifetimes, as signals.
// Flat named re-exports; test/exports.test.ts pins them. Functions only: builds with plain tsc.

// Lifetimes
export { injectTaskGroup } from './injectTaskGroup.js';
export { injectScope } from './injectScope.js';
export type { InjectOptions } from './types/InjectOptions.js';

// Signals and resources
export { taskGroupResource } from './taskGroupResource.js';
export type { TaskGroupResourceOptions } from './types/TaskGroupResourceOptions.js';
export { soonSignal } from './soonSignal.js';
export type { SoonState } from './types/SoonState.js';
export { progressSignal } from './progressSignal.js';

// HTTP
export { limitRequests } from './limitRequests.js';
