import { CallObservable } from './CallObservable.js';
import { namedAfter } from './namedAfter.js';
import { tracing } from './tracing.js';
import { assertNonEmptyString, assertOptionalSignal, assertOptionsObject, mustBe, readOptions } from './checks/assert.js';

/** What every `run(name, args, options)` of a call client accepts: at least a signal. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

/**
 * The skeleton of a client of functions that run elsewhere: the worker pool of
 * `rxjs-asyncer/workers` and the remote caller of `rxjs-asyncer/bullmq`. It owns what the two
 * must do alike, so they cannot drift:
 * - `call.name(...args)`: a function per name, made once, named after the function (a group's
 *   task running it is named the same), that checks its arguments at once and returns a
 *   {@link CallObservable} (awaitable; unsubscribing cancels the job);
 * - `run(name, args, options)`: the same call with a signal, checked the same way;
 * - `[Symbol.asyncDispose]`: `close()`.
 *
 * A client implements its public type directly and says how to check arguments (`prepare`), what
 * a call captures where it is made (`capture`: the remote caller, the calling task's progress),
 * what `run`'s options give instead (`fromRun`)
 * and how to send a job (`send`). Errors cross over as data (`toSentError` / `fromSentError`).
 * @typeParam O the options of `run`
 * @internal
 */
export abstract class CallClient<O extends CallOptions, C> implements AsyncDisposable {
  /** `call.name`, for any name; typed by the public type of each client */
  readonly call: Record<string, (...args: unknown[]) => CallObservable<unknown>>;
  /** the functions of `call`, one per name, made on first use */
  private readonly functions = new Map<string, (...args: unknown[]) => CallObservable<unknown>>();

  /**
   * @param client how messages name the client object: `pool`, `remote`
   * @param callKind how an unsubscription's AbortError names a call: `worker call`, `remote call`
   * @param runKeys every key of `O`, for `run`'s unknown-key check
   */
  constructor(
    private readonly clientName: string,
    private readonly callKind: string,
    private readonly runKeys: readonly (keyof O & string)[],
  ) {
    this.call = new Proxy({} as Record<string, (...args: unknown[]) => CallObservable<unknown>>, {
      get: (_target, name) => (typeof name === 'string' ? this.functionFor(name) : undefined),
    });
  }

  /**
   * Checks a call's name and arguments, at the call; returns the arguments to send.
   * @throws {TypeError} naming the argument that cannot be sent or the function that is not there
   */
  protected abstract prepare(name: string, args: unknown[], caller: string): unknown[];

  /** What a call made through `call.name` captures where it is made, for `send`. */
  protected abstract capture(): C;

  /** The same from `run`'s options: checks them (the signal is checked already) and gives it. */
  protected abstract fromRun(options: O, caller: string): C;

  /**
   * Sends a job; the signal, when there is one, cancels it. `traceparent`, while tracing is on,
   * is the W3C trace context of the call's span, to send with the job: the other side's task
   * span is its child.
   */
  protected abstract send(name: string, args: unknown[], signal: AbortSignal | undefined, extra: C, traceparent: string | undefined): Promise<unknown>;

  abstract close(): Promise<void>;

  run(name: unknown, args: unknown, options?: unknown): Promise<unknown> {
    const caller = `${this.clientName}.run(name, args, options)`;
    assertNonEmptyString(name, `${caller}: name`);
    if (!Array.isArray(args)) mustBe(`${caller}: args`, "an array of the function's arguments", args);
    assertOptionsObject(options, `${caller}: options`);
    const read = readOptions(options, this.runKeys, `${caller}: options`) as O;
    assertOptionalSignal(read.signal, `${caller}: options.signal`);
    const extra = this.fromRun(read, caller);
    const prepared = this.prepare(name, args as unknown[], `${this.clientName}.run('${name}', args)`);
    return this.sendTraced(name, prepared, read.signal, extra);
  }

  /** Sends, in a span of its own while tracing is on (a child of the span active here: the calling task's). */
  private sendTraced(name: string, args: unknown[], signal: AbortSignal | undefined, extra: C): Promise<unknown> {
    const installed = tracing.current;
    if (installed === undefined) return this.send(name, args, signal, extra, undefined);
    const call = installed.call(this.callKind, name);
    const sent = this.send(name, args, signal, extra, call.traceparent);
    sent.then(
      () => call.end('fulfilled'),
      (error: unknown) => call.end(signal?.aborted ? 'cancelled' : 'failed', error),
    );
    return sent;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private functionFor(name: string): (...args: unknown[]) => CallObservable<unknown> {
    let fn = this.functions.get(name);
    if (!fn) {
      fn = namedAfter((...args: unknown[]) => {
        const prepared = this.prepare(name, args, `${this.clientName}.call.${name}(...args)`);
        const extra = this.capture();
        return new CallObservable((signal) => this.sendTraced(name, prepared, signal, extra), `${this.callKind} ${name}`);
      }, name);
      this.functions.set(name, fn);
    }
    return fn;
  }
}
