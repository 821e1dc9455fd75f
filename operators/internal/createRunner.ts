import type { Slots } from '../../src/engine/index.js';
import { ConcurrentRunner } from './ConcurrentRunner.js';
import type { Runner, RunnerOwner } from './Runner.js';
import { UnboundedRunner } from './UnboundedRunner.js';

/**
 * The runner for a bound and a limiter: the lean unbounded one when there is neither.
 * @internal
 */
export const createRunner = <I>(owner: RunnerOwner<I>, concurrency: number, limiter: Slots | undefined): Runner =>
  concurrency === Infinity && !limiter ? new UnboundedRunner(owner) : new ConcurrentRunner(owner, concurrency, limiter);
