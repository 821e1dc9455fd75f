/**
 * Task groups, scopes, SoonValue, the limiter and the errors: the main entry point.
 *
 * @module rxjs-asyncer
 */
// rxjs-asyncer: structured concurrency for RxJS. Flat named re-exports; test/exports.test.ts pins them.

// Task groups
export { createTaskGroup } from './createTaskGroup.js';
export { runTaskGroup } from './runTaskGroup.js';
export { taskGroup } from './taskGroup.js';
export type { TaskGroup } from './types/TaskGroup.js';
export type { TaskGroupOptions } from './types/TaskGroupOptions.js';
export type { SoonifyOptions } from './types/SoonifyOptions.js';

// Long-lived scopes
export { createScope } from './createScope.js';
export type { Scope } from './types/Scope.js';
export type { ScopeOptions } from './types/ScopeOptions.js';

// Work no cancellation reaches
export { shield } from './shield.js';
export type { ShieldOptions } from './types/ShieldOptions.js';

// Progress and events
export type { Progress } from './types/Progress.js';
export type { TaskEvent } from './types/TaskEvent.js';

// Task values
export { SoonValue } from './SoonValue.js';
export type { TaskResult } from './types/TaskResult.js';
export type { Resolved } from './types/Resolved.js';

// Limiting concurrency
export { createLimiter } from './createLimiter.js';
export type { Limiter } from './types/Limiter.js';
export type { LimiterOptions } from './types/LimiterOptions.js';
export type { RateLimit } from './types/RateLimit.js';
export type { LimiterState } from './types/LimiterState.js';
export type { LimiterLike } from './types/LimiterLike.js';
export type { Permit } from './types/Permit.js';
export type { AcquireOptions } from './types/AcquireOptions.js';

// Errors
export { CancelledError } from './CancelledError.js';
export { PendingValueError } from './PendingValueError.js';
export { TaskGroupError } from './TaskGroupError.js';
export { TaskGroupClosedError } from './TaskGroupClosedError.js';
