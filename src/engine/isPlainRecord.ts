/**
 * Whether `value` is a plain record: made by an object literal or `Object.create(null)`, not an
 * array, a class instance, a promise or an Observable. A plain record is a record whatever its
 * keys: `{ then: fn }` and `{ subscribe: fn }` included.
 * @internal
 */
export const isPlainRecord = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const proto: unknown = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  } catch {
    return false; // a revoked Proxy: not a record one can read
  }
};

/**
 * `Array.isArray`, false for a revoked Proxy (which makes `Array.isArray` throw), so argument
 * checks can refuse it with their own TypeError.
 * @internal
 */
export const isArraySafe = (value: unknown): value is readonly unknown[] => {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
};
