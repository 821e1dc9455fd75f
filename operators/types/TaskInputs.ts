import type { TaskInput } from './TaskInput.js';

/**
 * A tuple (or array) of {@link TaskInput}s whose values are `A`: `TaskInputs<[number, string]>`
 * is `[TaskInput<number>, TaskInput<string>]`.
 */
export type TaskInputs<A extends readonly unknown[]> = { [K in keyof A]: TaskInput<A[K]> };
