import { describe } from '../describe.js';
import { PermitSlots } from '../PermitSlots.js';
import { type Slots, slotsBrand } from '../Slots.js';

/**
 * Checks a `limiter` option and gives the slots to use: a limiter made by `createLimiter` as it
 * is (its fast path), any other object with an `acquire` method through {@link PermitSlots}.
 * @internal
 */
export function checkLimiterOption(value: unknown, what: string): Slots | undefined {
  if (value === undefined) return undefined;
  let acquire: unknown;
  try {
    if (typeof value !== 'object' || value === null) acquire = undefined;
    else if ((value as Partial<Slots>)[slotsBrand] === true) return value as Slots;
    else acquire = (value as { acquire?: unknown }).acquire;
  } catch {
    acquire = undefined; // a revoked Proxy, a throwing getter
  }
  if (typeof acquire !== 'function') {
    const detail = typeof value !== 'object' || value === null ? '' : acquire === undefined ? ' (acquire is missing)' : ` (acquire is ${describe(acquire)})`;
    throw new TypeError(`${what} must be a Limiter: an object with an acquire(signal) method, got ${describe(value)}${detail}`);
  }
  return new PermitSlots(value as never, what);
}
