// W8: remote tasks on BullMQ, through one local redis-server started here. Side by side in one run:
//   W8a: 10,000 tiny jobs (x + 1), 64 in flight, worker in the same process:
//        connectTasks' remote.call under mapConcurrent(..., 64), against the best hand-written
//        BullMQ use (64 lanes of queue.add + one QueueEvents with a map of waiters) and against
//        job.waitUntilFinished per job (64 lanes).
//   W8b: 64 CPU-bound jobs of about 20 ms (bench/cpu.mjs) on one worker process, then on two.
//   W8c: 100,000 calls in flight at once (Promise.all of remote.call.add), four worker processes
//        at concurrency 100: every call must settle (they hung past BullMQ's events trimming).
//   Memory: bytes per call in flight (heap after gc with 10,000 calls queued, minus before).
// Redis commands per job: INFO commandstats, every command the server ran (scripts' inner ones
// included). Median of BENCH_RUNS (default 3) after a warm-up. `npm run bench:bullmq`; writes
// bench/bullmq-results.md.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { from, lastValueFrom, toArray } from 'rxjs';
import { mapConcurrent } from 'rxjs-asyncer/operators';
import { connectTasks, serveTasks } from 'rxjs-asyncer/bullmq';
import { localRedis } from './localRedis.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const JOBS = Number(process.env.BENCH_W8_JOBS ?? 10_000);
const LANES = 64;
const CPU_JOBS = 64;
const FLOOD = Number(process.env.BENCH_W8C_CALLS ?? 100_000);
const FLOOD_WORKERS = 4;

// each W8a contender runs in a fresh process of this script (`--contender <name> <port>`), so that
// none inherits another's warmed-up BullMQ code
const child = process.argv[2] === '--contender' ? { name: process.argv[3], port: Number(process.argv[4]) } : undefined;
// the main process starts the Redis; each contender's process connects to it
const redis = await localRedis(child?.port);
const { port } = redis;
const connection = { host: '127.0.0.1', port };
let queueCount = 0;
// queues are named per process: contenders never share one
const queuePrefix = `w8-${process.pid}`;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const tiny = (x) => x + 1;

/** Runs `lanes` workers over `n` items: the hand-written shape of "64 in flight". */
const inLanes = async (n, lanes, one) => {
  let next = 0;
  let sum = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < n) sum += await one(next++);
    }),
  );
  return sum;
};

/** BullMQ used by hand: a worker running `tiny` in this process, a Queue and one QueueEvents, ready. */
const plainBullmq = async (queue) => {
  const worker = new Worker(queue, async (job) => tiny(job.data), { connection, concurrency: LANES });
  const jobs = new Queue(queue, { connection });
  const events = new QueueEvents(queue, { connection });
  await Promise.all([worker.waitUntilReady(), jobs.waitUntilReady(), events.waitUntilReady()]);
  return {
    jobs,
    events,
    close: async () => {
      await events.close();
      await jobs.close();
      await worker.close();
    },
  };
};

const contenders = {
  'connectTasks + mapConcurrent(64)': async (queue) => {
    const worker = await serveTasks(queue, { tiny }, { connection, concurrency: LANES });
    const remote = connectTasks(queue, { connection });
    await remote.call.tiny(0); // connected before the clock starts, as the others are
    return {
      run: async (n) => (await lastValueFrom(from(Array.from({ length: n }, (_, i) => i)).pipe(mapConcurrent((i) => remote.call.tiny(i), LANES), toArray()))).length,
      close: async () => {
        await remote.close();
        await worker.close();
      },
    };
  },
  'hand-written: 64 lanes of queue.add + one QueueEvents': async (queue) => {
    const { jobs, events, close } = await plainBullmq(queue);
    const waiters = new Map();
    events.on('completed', ({ jobId, returnvalue }) => {
      waiters.get(jobId)?.(returnvalue);
      waiters.delete(jobId);
    });
    let id = 0;
    const one = (i) =>
      new Promise((resolve) => {
        const jobId = `j${++id}`;
        waiters.set(jobId, resolve);
        void jobs.add('tiny', i, { jobId, removeOnComplete: true, removeOnFail: true });
      });
    await one(0);
    return { run: (n) => inLanes(n, LANES, one), close };
  },
  'job.waitUntilFinished per job (64 lanes)': async (queue) => {
    const { jobs, events, close } = await plainBullmq(queue);
    const one = async (i) => (await jobs.add('tiny', i, { removeOnComplete: 1000, removeOnFail: 1000 })).waitUntilFinished(events);
    await one(0);
    return { run: (n) => inLanes(n, LANES, one), close };
  },
};

if (child) {
  const warnings = [];
  process.on('warning', (warning) => warnings.push(warning.name));
  const times = [];
  const commands = [];
  for (let run = 0; run <= runs; run++) {
    const contender = await contenders[child.name](`${queuePrefix}-${++queueCount}`);
    await redis.resetStats();
    const before = await redis.commands();
    const started = performance.now();
    await contender.run(JOBS);
    const ms = performance.now() - started;
    const ran = (await redis.commands()) - before - 1;
    await contender.close();
    if (run > 0) {
      times.push(ms);
      commands.push(ran / JOBS);
    }
  }
  console.log(JSON.stringify({ ms: median(times), commands: median(commands), warnings: warnings.length }));
  redis.stop();
  process.exit(0);
}

const rows = [];
for (const name of Object.keys(contenders)) {
  const out = await new Promise((resolve) => {
    const run = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--contender', name, String(port)], { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    run.stdout.on('data', (chunk) => (text += chunk));
    run.once('exit', () => resolve(JSON.parse(text.trim().split('\n').pop())));
  });
  const row = { name, ms: out.ms, perSecond: (JOBS / out.ms) * 1000, commands: out.commands, warnings: out.warnings };
  rows.push(row);
  console.log(`W8a ${name}: ${row.ms.toFixed(0)} ms, ${row.perSecond.toFixed(0)} jobs/s, ${row.commands.toFixed(1)} Redis commands per job, ${row.warnings} warnings`);
}

// bytes per call in flight: calls queued with no worker, heap after gc minus before
const idle = `${queuePrefix}-${++queueCount}`;
const remote = connectTasks(idle, { connection });
const jobs = new Queue(idle, { connection });
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const inFlight = Array.from({ length: JOBS }, (_, i) => remote.call.tiny(i).then(() => 0, () => 0));
while ((await jobs.getWaitingCount()) < JOBS) await new Promise((resolve) => setTimeout(resolve, 20));
globalThis.gc?.();
const bytesPerCall = (process.memoryUsage().heapUsed - heapBefore) / JOBS;
await remote.close();
await Promise.all(inFlight);
await jobs.obliterate({ force: true });
await jobs.close();
console.log(`bytes per call in flight: ${bytesPerCall.toFixed(0)}${globalThis.gc ? '' : ' (run with --expose-gc for an exact figure)'}`);

/** Worker processes of bench/bullmq-worker.mjs on `queue`, serving. */
const launchWorkers = async (count, queue, concurrency = 1) => {
  const workers = Array.from({ length: count }, () =>
    spawn(process.execPath, [fileURLToPath(new URL('./bullmq-worker.mjs', import.meta.url)), String(port), queue, String(concurrency)], { stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  await Promise.all(workers.map((w) => new Promise((resolve) => w.stdout.on('data', (c) => String(c).includes('serving') && resolve()))));
  return workers;
};

// W8c: a flood of calls in flight at once, over four worker processes
const floodQueue = `${queuePrefix}-${++queueCount}`;
const floodWorkers = await launchWorkers(FLOOD_WORKERS, floodQueue, 100);
const flooder = connectTasks(floodQueue, { connection });
await flooder.call.add(0, 1);
await redis.resetStats();
const floodCommandsBefore = await redis.commands();
const floodStarted = performance.now();
const floodOutcomes = await Promise.allSettled(Array.from({ length: FLOOD }, (_, i) => flooder.call.add(i, 1)));
const floodMs = performance.now() - floodStarted;
const floodCommands = ((await redis.commands()) - floodCommandsBefore - 1) / FLOOD;
const floodRight = floodOutcomes.filter((outcome, i) => outcome.status === 'fulfilled' && outcome.value === i + 1).length;
await flooder.close();
for (const w of floodWorkers) w.kill('SIGKILL');
console.log(`W8c ${FLOOD} calls in flight, ${FLOOD_WORKERS} workers: ${floodRight} of ${FLOOD} settled right in ${floodMs.toFixed(0)} ms, ${floodCommands.toFixed(1)} Redis commands per call`);

// W8b: CPU-bound jobs on one worker process, then two
const cpuRun = async (workerCount) => {
  const queue = `${queuePrefix}-${++queueCount}`;
  const workers = await launchWorkers(workerCount, queue);
  const caller = connectTasks(queue, { connection });
  await Promise.all(Array.from({ length: workerCount }, () => caller.call.cpu())); // warm both
  const times = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await lastValueFrom(from(Array.from({ length: CPU_JOBS })).pipe(mapConcurrent(() => caller.call.cpu(), CPU_JOBS), toArray()));
    times.push(performance.now() - started);
  }
  await caller.close();
  for (const w of workers) w.kill('SIGKILL');
  return median(times);
};
const one = await cpuRun(1);
const two = await cpuRun(2);
console.log(`W8b 64 CPU jobs: one worker ${one.toFixed(0)} ms, two ${two.toFixed(0)} ms, ${(one / two).toFixed(2)}x`);

const base = rows.find((r) => r.name.startsWith('hand-written'));
const ours = rows.find((r) => r.name.startsWith('connectTasks'));
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const markdown = `# W8: remote tasks on BullMQ (\`npm run bench:bullmq\`)

One local redis-server 7 (loopback, no persistence), BullMQ 6.7, Node ${process.version}, median of ${runs} runs after a warm-up, ${new Date().toISOString().slice(0, 10)}.

## W8a: ${fmt(JOBS)} tiny jobs (x + 1), ${LANES} in flight, worker in the same process

| contender | jobs/s | ratio to hand-written (time) | Redis commands per job | ratio | process warnings |
|---|---|---|---|---|---|
${rows.map((r) => `| ${r === ours ? `**${r.name}**` : r.name} | ${fmt(r.perSecond)} | ${(r.ms / base.ms).toFixed(2)}x | ${fmt(r.commands, 1)} | ${(r.commands / base.commands).toFixed(2)}x | ${r.warnings === 0 ? 'none' : `${r.warnings} (MaxListenersExceededWarning)`} |`).join('\n')}

Goal: within 1.25x of hand-written in time (${(ours.ms / base.ms).toFixed(2)}x: ${ours.ms / base.ms <= 1.25 ? 'met' : '**not met**'}) and in Redis commands per job (${(ours.commands / base.commands).toFixed(2)}x: ${ours.commands / base.commands <= 1.25 ? 'met' : '**not met**'}).
Each contender runs in a fresh process, one after another.

Bytes per call in flight (${fmt(JOBS)} calls queued with no worker, caller heap after gc, minus before): ${fmt(bytesPerCall)}.

## W8c: ${fmt(FLOOD)} calls in flight at once, ${FLOOD_WORKERS} worker processes (concurrency 100 each)

\`Promise.all\` of ${fmt(FLOOD)} \`remote.call.add(i, 1)\`: ${fmt(floodRight)} of ${fmt(FLOOD)} settled with the right value
(${floodRight === FLOOD ? 'all: met' : '**not all**'}) in ${fmt(floodMs / 1000, 1)} s (${fmt((FLOOD / floodMs) * 1000)} calls/s), ${fmt(floodCommands, 1)} Redis commands per call.
Results come back on each caller's own list, not BullMQ's events stream, which BullMQ trims at
about 10,000 entries: with 10,000 calls in flight, 4 of them never settled before.

## W8b: ${CPU_JOBS} CPU-bound jobs of about 20 ms, through remote.call

| workers | ms |
|---|---|
| one process | ${fmt(one)} |
| two processes | ${fmt(two)} |

Two are ${(one / two).toFixed(2)}x faster than one (goal: at least 1.8x on this 2-core machine): ${one / two >= 1.8 ? 'met' : '**not met**'}.
`;
// a run resized by the environment must not replace the full run's figures (see bench/run.mjs)
const full = !process.env.BENCH_RUNS && !process.env.BENCH_W8_JOBS && !process.env.BENCH_W8C_CALLS;
writeFileSync(fileURLToPath(new URL(full ? './bullmq-results.md' : './results-partial.md', import.meta.url)), markdown);
console.log(markdown);
redis.stop();
process.exit(0);
