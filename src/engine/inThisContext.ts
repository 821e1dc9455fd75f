/** The resolve function of the promise `inThisContext` just made: read at once, so no closure. */
let captured: ((value: never) => void) | undefined;
const captureResolve = (resolve: (value: never) => void): void => {
  captured = resolve;
};

/**
 * Arms `run` to be called later **in the async context of this call**, and returns the function
 * that fires it: `wake(value)` calls `run(value)` one promise job later, however far from here it
 * is called (the limiter's release, another task's completion).
 *
 * Why a promise: async context (Node's AsyncLocalStorage, the context an OpenTelemetry span lives
 * in, TC39's AsyncContext) follows promise reactions from where `then` was called, on every
 * runtime, so the portable way to continue work in the context that scheduled it is a reaction
 * armed then (p-limit does the same). It costs one promise per call: only work that must wait
 * pays it; work that can start at once runs synchronously, in the caller's context already.
 *
 * `run` must not throw (the reaction's promise would reject unhandled): callers pass functions
 * that catch what they call.
 * @internal
 */
export function inThisContext<T>(run: (value: T) => void): (value: T) => void {
  void new Promise<T>(captureResolve as (resolve: (value: T) => void) => void).then(run);
  const wake = captured as (value: T) => void;
  captured = undefined;
  return wake;
}
