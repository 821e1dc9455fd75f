import type { SlotHolder } from './slotHolder.js';

/** A task as code that runs across its awaits can find it: its group, and the slots it holds. */
export interface CarriedTask extends SlotHolder {
  /** undefined inside `shield`: a group opened there is nobody's child */
  readonly _group: object | undefined;
}

/**
 * How a task (its group, the limiter slot it holds) is found after the task's first `await`, when
 * somebody turned that on (`linkAcrossAwaits()` from `rxjs-asyncer/node`, with
 * AsyncLocalStorage). Both hooks stay undefined otherwise, and then cost one check per task:
 * `runningTask` and `slotHolder` cover the synchronous part of a task, everywhere, for free.
 * @internal
 */
export const taskContext: {
  /** Runs a task function so that code it starts, awaits included, can find `task`. */
  run: (<T>(task: CarriedTask, fn: () => T) => T) | undefined;
  /** The task whose code runs now, across awaits. */
  current: (() => CarriedTask | undefined) | undefined;
} = { run: undefined, current: undefined };
