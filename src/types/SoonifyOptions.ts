import type { LimiterLike } from './LimiterLike.js';

/** Options of `tg.soonify(fn, options)`. */
export interface SoonifyOptions {
  /**
   * The task's name in error messages.
   * @default the function's own name
   */
  readonly name?: string;
  /**
   * A shared limiter the task takes a slot of before `fn` is called: the task waits in the
   * limiter's queue (cancelling the group takes it out). Overrides the group's `limiter`.
   * @default the group's `limiter` option
   */
  readonly limiter?: LimiterLike;
}
