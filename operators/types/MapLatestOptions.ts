import type { Observer } from 'rxjs';
import type { Progress } from '../../src/index.js';

/** Options of {@link mapLatest} and {@link mapExhaust}. */
export interface MapLatestOptions {
  /**
   * Told how far the work has got: a callback, or an Observer (its `complete` is called once the
   * operator has ended, however it ended). Each subscription counts its own projects;
   * {@link Progress} describes the counts: `mapLatest` counts a superseded project as
   * cancelled; `mapExhaust` does not count the values it ignores. Nothing is counted without
   * this option.
   * @default undefined
   */
  readonly progress?: ((progress: Progress) => void) | Partial<Observer<Progress>>;
}
