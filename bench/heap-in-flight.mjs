// Live heap per task at W1's peak (issue 32): 100,000 tasks `async () => i` started at once, as
// in W1. The heap is measured after a forced gc before the run, then after a forced gc at the end
// of the synchronous start and after each of the next 12 microtask turns (the tasks settle and
// their results are gathered in those turns); the highest, minus before, divided by the number of
// tasks, is what the run keeps alive at its peak per task: what a batch costs while in flight.
// Garbage is not counted (bench/run.mjs's timings pay for it). Each contender in a fresh
// `node --expose-gc` process, five runs, median. `npm run bench:memory`; writes
// bench/heap-results.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lastValueFrom } from 'rxjs';
import { runTaskGroup } from 'rxjs-asyncer';
import { gather } from 'rxjs-asyncer/operators';
import { handlePerTask } from './twin.mjs';

const N = Number(process.env.BENCH_HEAP_TASKS ?? 100_000);
const RUNS = 5;
const TURNS = 12;

let before = 0;
let peak = 0;
const sample = () => {
  globalThis.gc();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
};
/** The run started everything it starts synchronously: sample now and after each of the next turns. */
const started = () => {
  sample();
  void (async () => {
    for (let turn = 0; turn < TURNS; turn++) {
      await null;
      sample();
    }
  })();
};
const check = (results) => {
  if (results.length !== N || results[N - 1] !== N - 1) throw new Error('W1 results');
};

const contenders = {
  'Promise.all (hand-written)': async (tasks) => {
    const all = Promise.all(tasks.map((task) => task()));
    started();
    check(await all);
  },
  'a handle per task + one signal (hand-written)': async (tasks) => check(await handlePerTask(tasks, started)),
  'runTaskGroup + soonify': async (tasks) => {
    const results = await runTaskGroup((tg) => {
      const values = tasks.map((task) => tg.soonify(task)());
      started();
      return values;
    });
    check(results);
  },
  'gather': async (tasks) => {
    const results = lastValueFrom(gather(tasks));
    started();
    check(await results);
  },
};

if (process.argv[2] === '--contender') {
  const run = contenders[process.argv[3]];
  const perTask = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const tasks = Array.from({ length: N }, (_, index) => async () => index);
    globalThis.gc();
    before = peak = process.memoryUsage().heapUsed;
    await run(tasks);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the sampling turns are over
    if (i > 0) perTask.push((peak - before) / N); // the first run warms up
  }
  perTask.sort((a, b) => a - b);
  console.log(JSON.stringify({ bytes: perTask[RUNS >> 1], range: [perTask[0], perTask[RUNS - 1]] }));
  process.exit(0);
}

const rows = [];
for (const name of Object.keys(contenders)) {
  const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--contender', name], { encoding: 'utf8' });
  const { bytes, range } = JSON.parse(out.trim().split('\n').pop());
  rows.push({ name, bytes, range });
  console.log(`${name}: ${bytes.toFixed(0)} bytes per task at the peak (${range.map((b) => b.toFixed(0)).join('-')})`);
}
const base = rows[0].bytes;
const markdown = `# Live heap per task at W1's peak (\`npm run bench:memory\`)

${N.toLocaleString('en-US')} tasks \`async () => i\` started at once; the heap after a forced gc at the end of the synchronous start and after each of the next ${TURNS} microtask turns, the highest minus the heap before, divided by ${N.toLocaleString('en-US')}; median of ${RUNS} runs after one warm-up. Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Each contender in a fresh process.

| contender | bytes per task at the peak | runs | / Promise.all |
|---|---:|---|---:|
${rows.map((r) => `| ${r.name} | ${r.bytes.toFixed(0)} | ${r.range.map((b) => b.toFixed(0)).join('-')} | ${(r.bytes / base).toFixed(2)}x |`).join('\n')}
`;
// a run resized by the environment must not replace the full run's figures (see bench/run.mjs)
writeFileSync(fileURLToPath(new URL(process.env.BENCH_HEAP_TASKS ? './results-partial.md' : './heap-results.md', import.meta.url)), markdown);
