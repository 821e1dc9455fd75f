// The kitchen: cooking a burger is CPU-bound work (a numeric kernel standing in for it), so it
// runs in a worker thread, where it blocks nobody. Plain ESM: Node loads it as it is in a thread.
import { exposeWorker } from 'rxjs-asyncer/workers';

/** Works for about `ms` milliseconds of CPU, then serves. Never yields: only a thread helps. */
export function cook(name, ms) {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x = Math.sqrt(x + 1.5) * 1.000001;
  return `${name}'s burger (${x.toFixed(1)}°)`;
}

exposeWorker({ cook });
