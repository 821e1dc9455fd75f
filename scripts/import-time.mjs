// What importing `rxjs-asyncer` and `rxjs-asyncer/operators` costs a fresh Node process (rxjs
// already loaded), ESM and CommonJS, as Node resolves them (its bundled copy, dist/node/): the
// median of 15 fresh processes each. `npm test` runs this after the build and fails past a
// ceiling: the ESM goal (issue 31, 5 ms) with a margin for a noisy machine (medians here are
// 4.8 ms alone and 5.0-5.3 ms at the end of a full `npm test`), so that a return to loading the
// package file by file (33-67 ms) fails while noise does not. The goals are listed until met.
// Timings, not behaviour: bench/import-time.mjs prints the full table, the other entry points
// included.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.join(fileURLToPath(new URL('.', import.meta.url)), '..');
const RUNS = 15;
/** [format, goal ms (issue 31), ceiling ms] */
const CASES = [
  ['esm', 5, 7.5],
  ['cjs', 3, 7.5],
];

const timeOnce = (format) => {
  const code =
    format === 'esm'
      ? "await import('rxjs'); const t = performance.now(); await import('rxjs-asyncer'); await import('rxjs-asyncer/operators'); console.log(performance.now() - t);"
      : "require('rxjs'); const t = performance.now(); require('rxjs-asyncer'); require('rxjs-asyncer/operators'); console.log(performance.now() - t);";
  const args = format === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code];
  return Number(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim());
};

let failed = 0;
for (const [format, goal, ceiling] of CASES) {
  const times = Array.from({ length: RUNS }, () => timeOnce(format)).sort((a, b) => a - b);
  const median = times[RUNS >> 1];
  const ok = median <= ceiling;
  if (!ok) failed++;
  const label = `main + operators, ${format === 'esm' ? 'ESM' : 'CommonJS'}`.padEnd(30);
  console.log(`${ok ? 'ok  ' : 'OVER'} ${label} ${median.toFixed(1).padStart(5)} ms, ceiling ${ceiling} ms  (${median <= goal ? 'goal met' : `goal ${goal} ms not met yet`})`);
}
console.log(`import time: ${CASES.length - failed} passed, ${failed} failed`);
if (failed > 0) process.exit(1);
