import { SoonValue } from '../SoonValue.js';

/** Whether `value` is a plain record: made by `{}` or `Object.create(null)`, not a class instance. */
const isPlainRecord = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** Reads a settled SoonValue at once (throwing its error), or waits for one still pending. */
const entry = (value: unknown, pending: Promise<void>[], store: (resolved: unknown) => void): unknown => {
  if (!(value instanceof SoonValue)) return value;
  if (value._status !== 'pending') return value.value;
  pending.push(value.then(store));
  return undefined;
};

/**
 * Turns a group body's return value into its `Resolved<R>`: a SoonValue becomes its value, and
 * so do the SoonValues directly inside an array or a plain record (into a new array or record).
 * Settled SoonValues are read synchronously, so a group returning 100,000 of them resolves
 * without a promise per entry.
 * @internal
 */
export function resolveResult(result: unknown): unknown {
  if (result instanceof SoonValue) return result._status === 'pending' ? result : result.value;
  const pending: Promise<void>[] = [];
  let out: unknown;
  if (Array.isArray(result)) {
    const array = new Array<unknown>(result.length);
    for (let i = 0; i < result.length; i++) array[i] = entry(result[i], pending, (v) => (array[i] = v));
    out = array;
  } else if (isPlainRecord(result)) {
    const record: Record<string, unknown> = {};
    for (const key of Object.keys(result)) record[key] = entry(result[key], pending, (v) => (record[key] = v));
    out = record;
  } else {
    return result;
  }
  return pending.length === 0 ? out : Promise.all(pending).then(() => out);
}
