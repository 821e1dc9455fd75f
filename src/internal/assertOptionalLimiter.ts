import { describe } from './describe.js';
import { LimiterImpl } from './LimiterImpl.js';

/**
 * Accepts only limiters made by `createLimiter`: groups and operators use their internals.
 * @internal
 */
export function assertOptionalLimiter(value: unknown, what: string): asserts value is LimiterImpl | undefined {
  if (value !== undefined && !(value instanceof LimiterImpl)) {
    throw new TypeError(`${what} must be a Limiter made by createLimiter(), got ${describe(value)}`);
  }
}
