/**
 * Starts a TaskInput: calls a function with the signal, or hands an Observable or PromiseLike
 * back as it is (the task value rule then follows it).
 * @internal
 */
export const callInput = (input: unknown, signal: AbortSignal): unknown =>
  typeof input === 'function' ? (input as (signal: AbortSignal) => unknown)(signal) : input;
