/** Options of {@link shield}. */
export interface ShieldOptions {
  /**
   * Milliseconds after which the shield's own signal aborts with a `TimeoutError` DOMException
   * (the only thing that aborts it). `shield` then rejects with that error once `fn` has
   * settled, whatever `fn` settled with; an Observable `fn` returned is unsubscribed at once.
   * @default Infinity
   */
  readonly timeout?: number;
}
