import type { Progress } from '../../src/index.js';

/** The counts before anything ran: the first value of a progress signal. @internal */
export const NO_PROGRESS: Progress = Object.freeze({ total: 0, queued: 0, running: 0, fulfilled: 0, failed: 0, cancelled: 0 });
