// What importing the package costs a fresh Node process (a CLI, a serverless function, a test
// runner): `rxjs-asyncer` + `rxjs-asyncer/operators`, with rxjs already loaded, median of 15
// fresh processes each, ESM and CommonJS; Node's bundled copy (dist/node/, what Node resolves)
// beside the per-file dist (dist/esm, dist/cjs, what bundlers get), taking turns. Then each other
// entry point, on top of the main one and of its own peers, loaded before the clock starts
// (Node's copy, ESM).
//
//   npm run build && node bench/import-time.mjs        (npm run bench:import)
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.join(fileURLToPath(new URL('.', import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 15);

/** One fresh process: ms to load `targets` after rxjs and `before`, in `format`. */
const timeOnce = (format, targets, before = []) => {
  const list = JSON.stringify(targets);
  const first = JSON.stringify(['rxjs', ...before]);
  const code =
    format === 'esm'
      ? `for (const x of ${first}) await import(x); const t = performance.now(); for (const x of ${list}) await import(x); console.log(performance.now() - t);`
      : `for (const x of ${first}) require(x); const t = performance.now(); for (const x of ${list}) require(x); console.log(performance.now() - t);`;
  const args = format === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code];
  return Number(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim());
};
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const file = (format, entry) => {
  const target = path.join(root, 'dist', format, entry, 'index.js');
  return format === 'esm' ? pathToFileURL(target).href : target;
};

const rows = [];
for (const format of ['esm', 'cjs']) {
  const bundled = [];
  const perFile = [];
  for (let run = 0; run < RUNS; run++) {
    bundled.push(timeOnce(format, ['rxjs-asyncer', 'rxjs-asyncer/operators']));
    perFile.push(timeOnce(format, [file(format, 'src'), file(format, 'operators')]));
  }
  rows.push(`| main + operators, ${format === 'esm' ? 'ESM' : 'CommonJS'} | ${median(bundled).toFixed(1)} ms | ${median(perFile).toFixed(1)} ms |`);
}
console.log('| import | Node\'s bundled copy | per-file dist |\n|---|---|---|');
console.log(rows.join('\n'));

console.log('\n| entry point, on top of the main one (ESM) | ms |\n|---|---|');
const peers = { workers: ['workerpool'], bullmq: ['bullmq', 'ioredis'], otel: ['@opentelemetry/api'] };
// (rxjs-asyncer/angular is left out: Angular loads through its bundler, and @angular/common needs
// its compiler to load in plain Node)
for (const entry of ['operators', 'timeline', 'workers', 'node', 'redis', 'bullmq', 'otel']) {
  const base = [];
  const withEntry = [];
  for (let run = 0; run < RUNS; run++) {
    base.push(timeOnce('esm', ['rxjs-asyncer'], peers[entry]));
    try {
      withEntry.push(timeOnce('esm', ['rxjs-asyncer', `rxjs-asyncer/${entry}`], peers[entry]));
    } catch {
      withEntry.push(NaN); // its peer is not installed here
    }
  }
  console.log(`| rxjs-asyncer/${entry} | ${(median(withEntry) - median(base)).toFixed(1)} |`);
}
