/**
 * Renders any value for an error message, short and unambiguous: strings are quoted, functions
 * show their name, objects their constructor, so `TypeError`s can echo what they were given.
 * @internal
 */
export const describe = (value: unknown): string => {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    case 'function':
      return value.name ? `[Function ${value.name}]` : '[Function (anonymous)]';
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[Array(${value.length})]`;
      const tag = Object.getPrototypeOf(value)?.constructor?.name;
      return tag && tag !== 'Object' ? `[object ${tag}]` : '[object Object]';
    }
    default:
      // numbers (NaN, -0, Infinity read well as they are), booleans and undefined
      return Object.is(value, -0) ? '-0' : String(value);
  }
};

/**
 * Names an error for a message: `TypeError: bad input`, or the value itself when it is not an Error.
 * @internal
 */
export const describeError = (error: unknown): string => {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return `${typeof name === 'string' ? name : 'Error'}: ${String(message)}`;
  }
  return describe(error);
};
