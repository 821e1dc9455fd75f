/** The mark of an error that crossed to or from a worker in our own format. */
const MARK = '__rxjsAsyncerError';

/** An error as plain data: what structured cloning and JSON both keep. */
interface SentError {
  readonly [MARK]: true;
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly cause?: unknown;
  readonly code?: unknown;
}

/**
 * Turns a thrown value into plain data that survives the trip from a worker: name, message,
 * stack, `code`, and the `cause` chain (to a depth of 8, so a cycle ends). Non-errors pass as they are.
 * @internal
 */
export function toSentError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 8) return error;
  const { name, message, stack } = error;
  const sent: Record<string, unknown> = { [MARK]: true, name, message, stack };
  if ('cause' in error) sent['cause'] = toSentError(error.cause, depth + 1);
  if ('code' in error) sent['code'] = (error as { code?: unknown }).code;
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
  const error = new Error(sent.message, 'cause' in sent ? { cause: fromSentError(sent.cause) } : undefined);
  Object.defineProperty(error, 'name', { value: sent.name, configurable: true, writable: true });
  if (sent.stack !== undefined) Object.defineProperty(error, 'stack', { value: sent.stack, configurable: true, writable: true });
  if (sent.code !== undefined) Object.assign(error, { code: sent.code });
  return error;
}
