// Runs one contender of one workload in this (fresh) process: BENCH_WARMUP warm-up runs (default
// 3, so every contender is measured JIT-optimized), then BENCH_RUNS timed runs, each after a
// forced GC. Prints one JSON line: times, peak RSS, heap, and the workload's
// extra figures. Run by bench/run.mjs as `node --expose-gc bench/worker.mjs <workload> <contender>`.
import { workloads } from './workloads.mjs';

const [id, name] = process.argv.slice(2);
// BENCH_LINK=1 measures the cost of linkAcrossAwaits() (AsyncLocalStorage around every task)
if (process.env.BENCH_LINK === '1') (await import('rxjs-asyncer/node')).linkAcrossAwaits();
const scale = Number(process.env.BENCH_SCALE ?? 1);
const workload = workloads.find((w) => w.id === id);
// a workload may ask for more timed runs than the default (a short, noisy one: W6b)
const runs = Number(process.env.BENCH_RUNS ?? workload?.runs ?? 5);
const contender = workload?.contenders[name];
if (!contender) throw new Error(`no contender ${JSON.stringify(name)} in workload ${id}`);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

const size = Math.max(1, Math.round(workload.size * scale));
const collect = () => {
  globalThis.gc();
  globalThis.gc();
};
// BENCH_GC=0: no forced GC before each timed run (steady state). Two forced GCs while no object
// of the previous run is alive let V8 drop what its optimized code was specialized to (the
// previous run's closures and hidden classes), so every run starts by re-optimizing: code built
// from classes and closures pays for that, a baseline of plain async functions hardly does.
const beforeRun = process.env.BENCH_GC === '0' ? () => undefined : collect;

// a contender whose warm-up takes over a second is warm after one: the others are not repeated,
// which keeps the slowest peers (seconds per run) from stretching the suite for nothing
const warmups = Number(process.env.BENCH_WARMUP ?? 3);
for (let run = 0; run < warmups; run++) {
  const started = performance.now();
  await contender(size);
  if (performance.now() - started > 1000) break;
}
collect();
const heapBefore = process.memoryUsage().heapUsed;
const times = [];
let extra;
for (let run = 0; run < runs; run++) {
  beforeRun();
  const started = performance.now();
  extra = await contender(size);
  times.push(performance.now() - started);
}
collect();
const heapAfter = process.memoryUsage().heapUsed;
process.stdout.write(
  `${JSON.stringify({ times, size, peakRss: process.resourceUsage().maxRSS * 1024, heapBefore, heapAfter, extra: extra ?? {} })}\n`,
);
// a workload may leave threads (W6's pools) that would keep this process alive
process.exit(0);
