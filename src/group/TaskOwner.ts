import type { CancelledError } from '../CancelledError.js';
import type { ContextCarrier } from '../engine/ContextCarrier.js';
import type { TaskOutcome } from '../engine/ProgressTracker.js';
import type { SoonValue } from '../SoonValue.js';
import type { TraceOfWork } from '../engine/tracing.js';

/**
 * What a `GroupTask` needs from the scope that owns it. The scope implements it; the task
 * depends only on this, so the two files do not import each other.
 * @internal
 */
export interface TaskOwner {
  /**
   * A task failed for real: a group records it and cancels the rest; a scope reports it.
   * @param observed whether somebody waited on the task's SoonValue when it failed
   */
  taskFailed(error: unknown, observed?: boolean): void;
  /** A task's function is about to be called. */
  taskStarted(task: SoonValue<unknown>): void;
  /** A task's SoonValue settled. @param ran whether its function was called */
  taskSettled(task: SoonValue<unknown>, ran: boolean, outcome: TaskOutcome, error: unknown): void;
  /** A running task reported progress (for `events$`). */
  taskProgress(task: SoonValue<unknown>, value: unknown): void;
  /** A task settled for good: the owner may close. */
  taskDone(): void;
  /** A live task is done: out of cancellation's reach (the owner drops it from its live tasks in time). */
  liveTaskDone(): void;
  /**
   * Whether the owner's signal has aborted. From then on, whatever a task settles with is part of
   * its cancellation (an echo), never a failure: the rule of echoes.
   */
  readonly cancelled: boolean;
  /** A task cancelled earlier settled with `error` afterwards: an echo, told to `events$` only. */
  taskEchoed(task: SoonValue<unknown>, error: unknown): void;
  /** The async context of the batch starting now, made on first use (by a task with a limiter). */
  batchCarrier(): ContextCarrier;
  /** Its span and its tasks', while tracing is on (`rxjs-asyncer/otel`); undefined otherwise. */
  readonly _trace: TraceOfWork | undefined;
  /** The error a task cancelled by the owner settles with. */
  cancelledError(taskLabel: string): CancelledError;
}
