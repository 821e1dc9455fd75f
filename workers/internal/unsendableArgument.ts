import { describe } from '../../src/engine/index.js';

/** Values structured cloning refuses (a DataCloneError), by type. */
const refused = (value: unknown): boolean =>
  typeof value === 'function' ||
  typeof value === 'symbol' ||
  value instanceof Promise ||
  value instanceof WeakMap ||
  value instanceof WeakSet ||
  (typeof WeakRef === 'function' && value instanceof WeakRef);

/**
 * Finds the first argument (or part of one) that cannot be sent to a worker, before anything is
 * sent: `args[1]`, `args[0].onProgress`. It reads the values and copies nothing (a typed array's
 * contents are not visited). Returns a TypeError naming it, or undefined when all can be sent.
 * Checked here because the pool posts a call later, from its queue, where a DataCloneError
 * would never reach the caller.
 * @internal
 */
export function unsendableArgument(args: readonly unknown[], caller: string): TypeError | undefined {
  const seen = new Set<object>();
  const visit = (value: unknown, path: string): string | undefined => {
    if (refused(value)) return path;
    if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return undefined;
    seen.add(value);
    if (value instanceof Map) {
      for (const [key, entry] of value) {
        const found = visit(key, `${path}.<key>`) ?? visit(entry, `${path}.get(${describe(key)})`);
        if (found) return found;
      }
      return undefined;
    }
    if (value instanceof Set) {
      for (const entry of value) {
        const found = visit(entry, `${path}.<entry>`);
        if (found) return found;
      }
      return undefined;
    }
    for (const key of Object.keys(value)) {
      const found = visit((value as Record<string, unknown>)[key], Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const path = visit(args[i], `args[${i}]`);
    if (path) {
      const value = path === `args[${i}]` ? args[i] : undefined;
      return new TypeError(`${caller}: ${path} cannot be sent to a worker${value === undefined ? '' : `: ${describe(value)}`} (structured clone refuses functions, symbols, promises and weak collections)`);
    }
  }
  return undefined;
}
