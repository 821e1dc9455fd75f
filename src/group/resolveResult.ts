import { SoonValue } from '../SoonValue.js';
import { defineEntry } from '../engine/defineEntry.js';
import { isPlainRecord } from '../engine/isPlainRecord.js';

/**
 * Waits for a SoonValue still pending (one of another group) and stores its value at `key`.
 * Its own function, so that the loops below make no closure for the common, settled case.
 */
const storeWhenReady = (
  soon: SoonValue<unknown>,
  target: Record<PropertyKey, unknown>,
  key: PropertyKey,
  pending: Promise<void>[],
): void => {
  pending.push(soon.then((value) => defineEntry(target, key, value)));
};

/**
 * Turns a group body's return value into its `Resolved<R>`: a SoonValue becomes its value, and
 * so do the SoonValues directly inside an array or a plain record (into a new array or record).
 * Settled SoonValues are read synchronously, so a group returning 100,000 of them resolves
 * without a promise, or a closure, per entry.
 * @internal
 */
export function resolveResult(result: unknown): unknown {
  if (result instanceof SoonValue) return result._pending ? result : result.value;
  const pending: Promise<void>[] = [];
  let out: unknown;
  if (Array.isArray(result)) {
    const array = new Array<unknown>(result.length);
    for (let i = 0; i < result.length; i++) {
      const entry: unknown = result[i];
      if (!(entry instanceof SoonValue)) array[i] = entry;
      else if (!entry._pending) array[i] = entry.value;
      else storeWhenReady(entry, array as unknown as Record<PropertyKey, unknown>, i, pending);
    }
    out = array;
  } else if (isPlainRecord(result)) {
    const record: Record<string, unknown> = {};
    for (const key of Object.keys(result)) {
      const entry = result[key];
      if (!(entry instanceof SoonValue)) defineEntry(record, key, entry);
      else if (!entry._pending) defineEntry(record, key, entry.value);
      else storeWhenReady(entry, record, key, pending);
    }
    out = record;
  } else {
    return result;
  }
  return pending.length === 0 ? out : Promise.all(pending).then(() => out);
}
