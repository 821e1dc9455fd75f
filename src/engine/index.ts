// The engine: what task groups, the limiter and every entry point share. This file is its only
// door for operators/ and the other entry points (test/architecture/layering.test.ts enforces it);
// it lists what they use, the core imports the engine's files directly. See ARCHITECTURE.md for the protocols and rules.

// The task value rule: following what a task function returned
export { followTaskValue } from './followTaskValue.js';
export type { TaskSink } from './TaskSink.js';
export { isPromiseLikeSafe } from './isPromiseLike.js';

// Cancellation and failures
export { tryUnsubscribe } from './tryUnsubscribe.js';
export { teardownFailure } from './failureOf.js';
export { reportCleanupErrors } from './reportCleanupError.js';
export { taskContext, type CarriedTask } from './taskContext.js';
export { slotHolder, type SlotHolder } from './slotHolder.js';
export { ContextCarrier } from './ContextCarrier.js';
export { inCallersContext } from './inCallersContext.js';
export { currentTaskProgress } from './runningTask.js';

// The slot protocol between limiters and their users
export { SlotTicket, slotsBrand } from './Slots.js';
export type { SlotClient, Slots } from './Slots.js';
export { WaitingTicket } from './WaitingTicket.js';
export { ReentrantClients } from './ReentrantClients.js';
export { HeldPermit } from './HeldPermit.js';
export { LimiterStateFeed } from './LimiterStateFeed.js';
export { runLimited } from './runLimited.js';

// Values and messages
export { describe, describeError } from './describe.js';
export { defineEntry } from './defineEntry.js';

// Argument checks: one per public entry point, one message format ("caller: what must be ..., got ...")
// (each entry point builds its own checks module from these: operators/internal/checks/,
// angular/internal/checks.ts, ...; test/architecture/checks.test.ts keeps throws there)
export {
  assertBoolean,
  assertConcurrency,
  assertDuration,
  assertFunction,
  assertNonEmptyString,
  assertObject,
  assertOptionalBoolean,
  assertOptionalDuration,
  assertOptionalFunction,
  assertOptionalString,
  assertOptionsObject,
  mustBe,
  readEntries,
  readFields,
  readOptions,
} from './checks/assert.js';
export { optionKeys } from './checks/optionKeys.js';
export { GROUP_OPTIONS } from './checks/checkGroupOptions.js';
export { SCOPE_OPTIONS } from './checks/checkScopeOptions.js';
export { checkLimiterOption } from './checks/checkLimiterOption.js';
export { checkAcquireCall } from './checks/checkLimiterRunArgs.js';
export { checkRate } from './checks/checkLimiterOptions.js';
export { isArraySafe, isPlainRecord } from './isPlainRecord.js';
export { isInteropObservable } from './isInteropObservable.js';

// Hooks for entry points
export { serveTraced, tracing, traceSubscription, type Tracing, type TraceOfWork, type TraceOfCall, type TraceOutcome } from './tracing.js';
export { afterClose, isClosable, type Closable } from './afterClose.js';
export { stillRunning, type HasRunningTasks } from './stillRunning.js';

// Calls to elsewhere (worker threads, remote workers, Redis): awaitable cold Observables, errors as
// data, bounded waits
export { withTimeout } from './withTimeout.js';
export { settlesWithin } from './settlesWithin.js';
export { CallClient } from './CallClient.js';
export { fromSentError, toSentError } from './errorTransport.js';

// Progress and events
export { CountTracker } from './CountTracker.js';
