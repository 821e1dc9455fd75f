import { describe } from '../describe.js';
import { type Slots, slotsBrand } from '../Slots.js';

/**
 * Accepts only limiters that speak the engine's slot protocol (those made by `createLimiter`):
 * groups and operators call its members directly.
 * @internal
 */
export function assertOptionalLimiter(value: unknown, what: string): asserts value is Slots | undefined {
  if (value !== undefined && !isSlots(value)) {
    throw new TypeError(`${what} must be a Limiter made by createLimiter(), got ${describe(value)}`);
  }
}

const isSlots = (value: unknown): value is Slots => {
  try {
    return typeof value === 'object' && value !== null && (value as Partial<Slots>)[slotsBrand] === true;
  } catch {
    return false; // a revoked Proxy
  }
};
