import type { Observer } from 'rxjs';
import type { Progress } from '../../src/index.js';

/** Options of {@link firstWins}. */
export interface FirstWinsOptions {
  /**
   * Start the inputs one after another: input 0 at subscribe, input k+1 when input k fails or
   * `stagger` ms after input k started, whichever comes first (hedged requests, Happy Eyeballs,
   * RFC 8305). `Infinity` starts the next input only when the previous one failed (a fallback
   * chain). Milliseconds from 0 to 2147483647, or `Infinity`.
   * @default undefined (every input starts at subscribe)
   */
  readonly stagger?: number;
  /**
   * Told how far the work has got: a callback, or an Observer (its `complete` is called once the
   * operator has ended, however it ended). Each subscription counts its own tasks; {@link Progress}
   * describes the counts; `total` is the number of inputs from the start; the losers count as cancelled. Nothing is counted without this option.
   * @default undefined
   */
  readonly progress?: ((progress: Progress) => void) | Partial<Observer<Progress>>;
}
