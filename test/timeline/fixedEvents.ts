import type { TaskEvent } from '../../src/index.js';

/** A fixed event list: three tasks one after another, one failed, one cancelled before it started. */
export const fixedEvents: TaskEvent[] = [
  { type: 'added', id: 1, name: 'Yury', time: 1000 },
  { type: 'added', id: 2, name: 'Nathaniel', time: 1000 },
  { type: 'added', id: 3, name: 'Alex', time: 1000 },
  { type: 'added', id: 4, name: '', time: 1000 },
  { type: 'started', id: 1, name: 'Yury', time: 1000 },
  { type: 'fulfilled', id: 1, name: 'Yury', time: 2000 },
  { type: 'started', id: 2, name: 'Nathaniel', time: 2000 },
  { type: 'failed', id: 2, name: 'Nathaniel', time: 2500, error: new Error('x') },
  { type: 'started', id: 3, name: 'Alex', time: 2500 },
  { type: 'cancelled', id: 4, name: '', time: 2600 },
  { type: 'fulfilled', id: 3, name: 'Alex', time: 4000 },
];
