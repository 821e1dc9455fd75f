import type { CancelledError } from '../CancelledError.js';

/**
 * What a `GroupTask` needs from the scope that owns it. The scope implements it; the task
 * depends only on this, so the two files do not import each other.
 * @internal
 */
export interface TaskOwner {
  /** A task failed for real: record it; the first failure cancels the rest. */
  taskFailed(error: unknown): void;
  /** A task settled for good: the owner may close. */
  taskDone(): void;
  /** Takes a task out of cancellation's reach (the task knows its index in the owner's list). */
  removeLive(task: { _slot: number }): void;
  /** Whether `error` only echoes the owner's cancellation, so that it is not a failure. */
  isCancellation(error: unknown): boolean;
  /** The error a task cancelled by the owner settles with. */
  cancelledError(taskLabel: string): CancelledError;
}
