/**
 * Renders any value for an error message, short and unambiguous: strings are quoted, functions
 * show their name, objects their constructor, so `TypeError`s can echo what they were given.
 * Never throws: a value whose shape cannot be read (a revoked Proxy, a throwing getter) is
 * described as `[object (unreadable)]`.
 * @internal
 */
export const describe = (value: unknown): string => {
  try {
    switch (typeof value) {
      case 'string':
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
      case 'function': {
        const { name } = value; // read once: it may be a getter
        return `[Function ${name && typeof name === 'string' ? name : '(anonymous)'}]`;
      }
      case 'bigint':
        return `${value}n`;
      case 'symbol':
        return value.toString();
      case 'object': {
        if (value === null) return 'null';
        if (Array.isArray(value)) return `[Array(${value.length})]`;
        const tag: unknown = Object.getPrototypeOf(value)?.constructor?.name;
        return `[object ${typeof tag === 'string' && tag ? tag : 'Object'}]`;
      }
      default:
        // numbers (NaN, -0, Infinity read well as they are), booleans and undefined
        return Object.is(value, -0) ? '-0' : String(value);
    }
  } catch {
    return `[${typeof value} (unreadable)]`; // a revoked Proxy, a throwing getter
  }
};

/**
 * Names an error for a message: `TypeError: bad input`, or the value itself when it is not an
 * Error. Never throws: cancellation builds messages from reasons users pass, and a `message`
 * that is a Symbol, an object without `toString`, or a getter that throws must not stop it.
 * @internal
 */
export const describeError = (error: unknown): string => {
  if (typeof error !== 'object' || error === null) return describe(error);
  try {
    if (!(error instanceof Error) && !('message' in error)) return describe(error);
    const { name, message } = error as { name?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : describe(message);
    return `${typeof name === 'string' ? name : 'Error'}: ${text}`;
  } catch {
    return describe(error);
  }
};
