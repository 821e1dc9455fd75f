/** The mark of an error that crossed to or from a worker in our own format. */
const MARK = '__rxjsAsyncerError';

/** An error as plain data: what structured cloning and JSON both keep. */
interface SentError {
  readonly [MARK]: true;
  /** a thrown value that is not an Error (a string, say), sent as it is */
  readonly value?: unknown;
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly cause?: unknown;
  readonly code?: unknown;
}

/**
 * Turns a thrown value into plain data that survives the trip from a worker: name, message,
 * stack, `code`, and the `cause` chain (to a depth of 8, so a cycle ends). A thrown value that is
 * not an Error (`throw 'no such file'`) is boxed, so that the trip hands back that same value:
 * workerpool would otherwise rebuild a string as an Error with one property per character.
 *
 * The result has a `toJSON` (not enumerable, so structured cloning skips it): workerpool turns
 * what a worker throws into JSON, with the thrown object's own keys as the only keys kept at
 * every depth unless it has a `toJSON`, which would drop a plain object's fields (`{ code }`).
 * @internal
 */
export function toSentError(error: unknown, depth = 0): unknown {
  if (depth > 8) return error;
  let sent: Record<string, unknown>;
  if (!(error instanceof Error)) {
    if (depth > 0) return error;
    sent = { [MARK]: true, value: error };
  } else {
    const { name, message, stack } = error;
    sent = { [MARK]: true, name, message, stack };
    if ('cause' in error) sent['cause'] = toSentError(error.cause, depth + 1);
    if ('code' in error) sent['code'] = (error as { code?: unknown }).code;
  }
  if (depth === 0) Object.defineProperty(sent, 'toJSON', { value: () => ({ ...sent }) });
  return sent;
}

/**
 * Rebuilds an error sent by {@link toSentError}: an `Error` with the same name, message, remote
 * stack and cause chain. workerpool hands it over as an Error carrying those fields as its own
 * properties, which reads the same. Anything else is returned as it is.
 * @internal
 */
export function fromSentError(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || (value as Partial<SentError>)[MARK] !== true) return value;
  const sent = value as SentError;
  // a boxed non-Error: the value itself (JSON drops a boxed `undefined`, leaving no name either)
  const own = (key: string): boolean => Object.prototype.hasOwnProperty.call(sent, key);
  if (own('value') || !own('name')) return sent.value;
  const error = new Error(sent.message, 'cause' in sent ? { cause: fromSentError(sent.cause) } : undefined);
  Object.defineProperty(error, 'name', { value: sent.name, configurable: true, writable: true });
  if (sent.stack !== undefined) Object.defineProperty(error, 'stack', { value: sent.stack, configurable: true, writable: true });
  if (sent.code !== undefined) Object.assign(error, { code: sent.code });
  return error;
}
