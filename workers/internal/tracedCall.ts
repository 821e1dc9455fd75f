/**
 * The name a worker call is sent under while the caller traces: `[traceparent, name, args]`, so
 * that the worker's task span is a child of the call's. Not a valid identifier: no exposed
 * function can be named so.
 * @internal
 */
export const TRACED_CALL = 'rxjs-asyncer:traced';
