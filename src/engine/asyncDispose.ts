/**
 * `Symbol.asyncDispose`: Node 20+ and current browsers define it; on older runtimes this is the
 * symbol polyfills for `await using` register (`Symbol.for('Symbol.asyncDispose')`). A method
 * named by it inside a class body, not installed on the prototype afterwards: a statement that
 * changes a prototype is a side effect a bundler must keep, with the whole class behind it.
 * @internal
 */
export const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? (Symbol.for('Symbol.asyncDispose') as typeof Symbol.asyncDispose);
