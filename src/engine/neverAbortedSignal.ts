/** made on first use, so importing the library creates nothing */
let signal: AbortSignal | undefined;

/**
 * A signal that never aborts, for task functions run without one.
 * @internal
 */
export const neverAbortedSignal = (): AbortSignal => (signal ??= new AbortController().signal);
