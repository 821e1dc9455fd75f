// The engine: what task groups, the limiter and every entry point share. This file is its only
// door: operators/ and later entry points import the engine from here, never from its files
// (test/architecture.test.ts enforces it). See ARCHITECTURE.md for the protocols and rules.

// The task value rule: following what a task function returned
export { followTaskValue } from './followTaskValue.js';
export type { TaskSink } from './TaskSink.js';
export { isPromiseLike, isPromiseLikeSafe } from './isPromiseLike.js';
export { isInteropObservable } from './isInteropObservable.js';

// Cancellation and failures
export { tryUnsubscribe } from './tryUnsubscribe.js';
export { failureOf, teardownFailure } from './failureOf.js';
export { runningTask } from './runningTask.js';
export { taskContext } from './taskContext.js';
export { neverAbortedSignal } from './neverAbortedSignal.js';

// The slot protocol between limiters and their users
export { SlotTicket, slotsBrand } from './Slots.js';
export type { SlotClient, Slots } from './Slots.js';

// Values and messages
export { describe, describeError } from './describe.js';
export { taskLabel } from './taskLabel.js';
export { defineEntry } from './defineEntry.js';
export { isArraySafe, isPlainRecord } from './isPlainRecord.js';
export { LinkedList, ListNode } from './LinkedList.js';

// Argument checks: one per public entry point, one message format ("caller: what must be ..., got ...")
export { assertConcurrency, assertFunction, MAX_TIMEOUT } from './checks/assert.js';
export { checkGroupOptions, type CheckedGroupOptions } from './checks/checkGroupOptions.js';
export { checkGroupCall } from './checks/checkGroupCall.js';
export { checkSoonifyArgs } from './checks/checkSoonifyArgs.js';
export { checkLimiterRunArgs } from './checks/checkLimiterRunArgs.js';
export { checkGatherArgs, type GatherArgs } from './checks/checkGatherArgs.js';
export { checkFirstWinsArgs } from './checks/checkFirstWinsArgs.js';
export { checkMapConcurrentArgs } from './checks/checkMapConcurrentArgs.js';
export { checkMapConcurrentFromArgs } from './checks/checkMapConcurrentFromArgs.js';
export type { MapSettings } from './checks/checkMapOptions.js';

// Hooks for entry points
export { afterClose, isClosable, type Closable } from './afterClose.js';
export { stillRunning, type HasRunningTasks } from './stillRunning.js';

// Progress and events
export { ProgressTracker, type TaskOutcome } from './ProgressTracker.js';
