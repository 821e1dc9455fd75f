/**
 * Stores `value` under `key` as an own, enumerable, writable data property, as an object literal
 * would. Assignment is not the same: `out['__proto__'] = v` sets the prototype instead (so
 * `out.isAdmin` could be inherited from input data), and a setter on Object.prototype would
 * intercept any key. Results built from user keys use this.
 * @internal
 */
export const defineEntry = (target: object, key: PropertyKey, value: unknown): void => {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
};
