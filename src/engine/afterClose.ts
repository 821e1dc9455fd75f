/**
 * The key of a method groups and scopes have, and entry points may call: `group[afterClose](fn)`
 * calls `fn` once the group (or scope) has closed, without joining it (`join()` would close it).
 * The Angular entry uses it to take its destroy listener away once the work is over.
 * @internal
 */
export const afterClose: unique symbol = Symbol('rxjs-asyncer afterClose');

/**
 * Something with the `afterClose` method.
 * @internal
 */
export interface Closable {
  [afterClose](listener: () => void): void;
}

/**
 * Whether `value` has the `afterClose` method (groups and scopes made by this copy of the library).
 * @internal
 */
export const isClosable = (value: unknown): value is Closable =>
  typeof value === 'object' && value !== null && typeof (value as Partial<Closable>)[afterClose] === 'function';
