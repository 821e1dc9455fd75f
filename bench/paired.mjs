// Paired runs: the library's own contenders of W1-W5, today's build against a saved one, in
// alternating fresh processes (base, new, base, new ...), so that both see the same machine
// noise. This is how a change that must not slow anything down is checked.
//
//   npm run build && node bench/paired.mjs /path/to/saved/package [pairs]
//
// The saved package is a folder with the package.json, dist/ and bench/ of the build to compare
// against (its bench/worker.mjs imports 'rxjs-asyncer' from there) and a node_modules link.
// Environment: PAIRED_ONLY=W1,W3 limits the workloads; BENCH_SCALE and BENCH_RUNS as for run.mjs.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const [saved, pairsArg] = process.argv.slice(2);
if (!saved) throw new Error('usage: node bench/paired.mjs <saved package folder> [pairs]');
const pairs = Number(pairsArg ?? 5);
const only = process.env.PAIRED_ONLY?.split(',');

const contenders = [
  ['W1', 'gather'],
  ['W1', 'runTaskGroup + soonify'],
  ['W2', 'mapConcurrentFrom'],
  ['W2', 'from(...).pipe(mapConcurrent)'],
  ['W3', 'mapConcurrentFrom (unordered)'],
  ['W4', 'firstWins'],
  ['W5', 'task group + mapConcurrentFrom, one limiter'],
].filter(([id]) => !only || only.includes(id));

const here = fileURLToPath(new URL('.', import.meta.url));
const builds = { base: path.join(path.resolve(saved), 'bench', 'worker.mjs'), new: path.join(here, 'worker.mjs') };
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** One fresh process: the median of its timed runs, in ms. */
const runOnce = (worker, id, name) => {
  const output = execFileSync(process.execPath, ['--expose-gc', worker, id, name], { encoding: 'utf8', env: process.env, maxBuffer: 16 << 20 });
  return median(JSON.parse(output.trim().split('\n').pop()).times);
};

console.log(`| workload | contender | base (ms) | new (ms) | new / base |`);
console.log(`|---|---|---|---|---|`);
for (const [id, name] of contenders) {
  const times = { base: [], new: [] };
  for (let pair = 0; pair < pairs; pair++) {
    // alternate which goes first, so that neither always runs on a warmer machine
    const order = pair % 2 === 0 ? ['base', 'new'] : ['new', 'base'];
    for (const which of order) times[which].push(runOnce(builds[which], id, name));
  }
  const base = median(times.base);
  const next = median(times.new);
  console.log(`| ${id} | ${name} | ${base.toFixed(1)} | ${next.toFixed(1)} | ${(next / base).toFixed(3)} |`);
}
