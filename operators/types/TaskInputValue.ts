import type { TaskResult } from '../../src/index.js';

/**
 * The value a {@link TaskInput} `I` produces, by the task value rule: for a function, the value
 * of what it returns. The operators infer their result types with it, from the inputs as written.
 *
 * ## Example
 * ```ts
 * import type { TaskInputValue } from 'rxjs-asyncer/operators';
 *
 * type A = TaskInputValue<(signal: AbortSignal) => Promise<number>>; // number
 * type B = TaskInputValue<Observable<string>>;                        // string
 * ```
 */
export type TaskInputValue<I> = I extends (signal: AbortSignal) => infer R ? TaskResult<R> : TaskResult<I>;
