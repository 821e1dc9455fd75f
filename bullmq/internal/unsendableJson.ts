import { describe } from '../../src/engine/index.js';

/**
 * Finds the first argument (or part of one) that JSON would not carry as it is, before anything
 * is sent: functions, symbols, bigints, numbers that are not finite, `undefined` inside arrays,
 * and objects that are not plain (a Map, a Date, a class instance). Returns a TypeError naming it
 * (`args[1].when`), or undefined when every value crosses intact.
 * @internal
 */
export function unsendableJson(values: readonly unknown[], caller: string, root = 'args'): TypeError | undefined {
  const seen = new Set<object>();
  const visit = (value: unknown, path: string, inArray: boolean): [string, string] | undefined => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
    if (typeof value === 'number') return Number.isFinite(value) ? undefined : [path, 'JSON turns it into null'];
    if (value === undefined) return inArray ? [path, 'JSON turns it into null'] : undefined;
    if (typeof value !== 'object') return [path, `JSON cannot carry a ${typeof value}`];
    if (seen.has(value)) return [path, 'it is circular'];
    const proto = Object.getPrototypeOf(value) as unknown;
    const isArray = Array.isArray(value);
    if (!isArray && proto !== Object.prototype && proto !== null) return [path, 'JSON carries only plain objects and arrays'];
    seen.add(value);
    for (const key of Object.keys(value)) {
      const found = visit((value as Record<string, unknown>)[key], isArray ? `${path}[${key}]` : `${path}.${key}`, isArray);
      if (found) return found;
    }
    seen.delete(value);
    return undefined;
  };
  // trailing undefined arguments are simply left out, so optional parameters stay undefined
  let end = values.length;
  while (end > 0 && values[end - 1] === undefined) end--;
  for (let i = 0; i < end; i++) {
    const found = visit(values[i], `${root}[${i}]`, true);
    if (found) {
      const [path, why] = found;
      const value = path === `${root}[${i}]` ? `: ${describe(values[i])}` : '';
      return new TypeError(`${caller}: ${path} cannot be sent as JSON${value} (${why})`);
    }
  }
  return undefined;
}
