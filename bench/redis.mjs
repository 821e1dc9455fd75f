// W7: limits across processes, through one local redis-server started here (Debian's
// redis-server, --save '' --appendonly no). Side by side in one run: createRedisLimiter,
// Bottleneck's Redis clustering (ioredis) and redis-semaphore's Semaphore, on the same server.
//   W7a: acquire + release, one after the other (the latency of one permit)
//   W7b: 10,000 tasks of one setImmediate, all scheduled at once, concurrency 8
// Counted per task: the commands each client sent (round trips; a wrapped `sendCommand`), and
// every command Redis ran (INFO commandstats, scripts' inner commands included). Timed: from the
// first schedule to the last task's end. Median of BENCH_RUNS (default 3) runs after a warm-up.
// `npm run bench:redis`; writes bench/redis-results.md.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';
import { Semaphore } from 'redis-semaphore';
import { createRedisLimiter } from 'rxjs-asyncer/redis';
import { localRedis } from './localRedis.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const TASKS = Number(process.env.BENCH_W7_TASKS ?? 10_000);
const ROUND_TRIPS = 1000;
const CONCURRENCY = 8;
/** redis-semaphore polls; past this it is reported as not finished */
const BUDGET_MS = Number(process.env.BENCH_TIMEOUT ?? 120) * 1000;

const redis = await localRedis();
const { port } = redis;

/** A client whose sent commands are counted. */
const counted = (counter) => {
  const client = new Redis({ port });
  const send = client.sendCommand.bind(client);
  client.sendCommand = (command, stream) => {
    counter.sent++;
    return send(command, stream);
  };
  return client;
};


const tick = () => new Promise((resolve) => setImmediate(resolve));
let keyCount = 0;

/** Each contender: set up, then `one()` = acquire+release, `task(fn)` = run fn under the limit. */
const contenders = {
  'rxjs-asyncer createRedisLimiter': async (counter) => {
    const client = counted(counter);
    const limiter = createRedisLimiter({ client, key: `w7-${++keyCount}`, concurrency: CONCURRENCY });
    return {
      one: async () => (await limiter.acquire()).release(),
      task: (fn) => limiter.run(fn),
      close: async () => {
        await limiter[Symbol.asyncDispose]();
        client.disconnect();
      },
    };
  },
  'Bottleneck 2.19 (ioredis clustering)': async (counter) => {
    const client = counted(counter);
    const connection = new Bottleneck.IORedisConnection({ client });
    const limiter = new Bottleneck({ maxConcurrent: CONCURRENCY, datastore: 'ioredis', connection, id: `w7-${++keyCount}`, clearDatastore: true });
    await limiter.ready();
    return {
      one: () => limiter.schedule(() => Promise.resolve()),
      task: (fn) => limiter.schedule(fn),
      close: async () => {
        await limiter.disconnect(false);
        client.disconnect();
      },
    };
  },
  'redis-semaphore 5.8 Semaphore (retryInterval 5 ms)': async (counter) => {
    const client = counted(counter);
    const key = `w7-${++keyCount}`;
    const options = { lockTimeout: 30_000, acquireTimeout: BUDGET_MS, retryInterval: 5, refreshInterval: 10_000 };
    const run = async (fn) => {
      const semaphore = new Semaphore(client, key, CONCURRENCY, options);
      await semaphore.acquire();
      try {
        return await fn();
      } finally {
        await semaphore.release();
      }
    };
    return { one: () => run(() => undefined), task: run, close: async () => client.disconnect() };
  },
};

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const measure = async (make, workload) => {
  const counter = { sent: 0 };
  const contender = await make(counter);
  await redis.resetStats();
  const before = await redis.commands();
  counter.sent = 0;
  let running = 0;
  let most = 0;
  const started = performance.now();
  let finished = true;
  // a peer that gives up (redis-semaphore's acquire has a timeout of its own) is reported as
  // failed with its message, not left to crash the run
  let failedWith;
  if (workload === 'W7a') {
    try {
      for (let i = 0; i < ROUND_TRIPS; i++) await contender.one();
    } catch (error) {
      failedWith = String(error?.message ?? error);
      finished = false;
    }
  } else {
    const all = Promise.all(
      Array.from({ length: TASKS }, () =>
        contender.task(async () => {
          most = Math.max(most, ++running);
          await tick();
          running--;
        }),
      ),
    );
    const settled = all.then(
      () => true,
      (error) => {
        failedWith = String(error?.message ?? error);
        return false;
      },
    );
    finished = await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, BUDGET_MS, false))]);
  }
  const ms = performance.now() - started;
  const n = workload === 'W7a' ? ROUND_TRIPS : TASKS;
  const sent = counter.sent;
  const ran = (await redis.commands()) - before - 1; // less the INFO itself
  if (finished) await contender.close();
  return { ms, finished, failedWith, perSecond: (n / ms) * 1000, sentPerTask: sent / n, ranPerTask: ran / n, most };
};

const rows = [];
for (const workload of ['W7a', 'W7b']) {
  for (const [name, make] of Object.entries(contenders)) {
    const results = [];
    for (let run = 0; run <= runs; run++) {
      const result = await measure(make, workload);
      if (run > 0 || !result.finished) results.push(result); // the first run warms up
      if (!result.finished) break;
    }
    const pick = (field) => median(results.map((r) => r[field]));
    const row = { workload, name, finished: results.every((r) => r.finished), failedWith: results.find((r) => r.failedWith)?.failedWith, ms: pick('ms'), perSecond: pick('perSecond'), sent: pick('sentPerTask'), ran: pick('ranPerTask'), most: Math.max(...results.map((r) => r.most)) };
    rows.push(row);
    console.log(`${workload} ${name}: ${row.finished ? `${row.ms.toFixed(0)} ms` : row.failedWith ? `failed (${row.failedWith})` : 'not finished'}, ${row.perSecond.toFixed(0)}/s, ${row.sent.toFixed(2)} round trips and ${row.ran.toFixed(1)} Redis commands per task${workload === 'W7b' ? `, at most ${row.most} at once` : ''}`);
  }
}

const fmt = (n, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const table = (workload, unit) =>
  [
    `| contender | ${unit}/s | round trips per ${unit} | Redis commands per ${unit} |${workload === 'W7b' ? ' most at once |' : ''}`,
    `|---|---|---|---|${workload === 'W7b' ? '---|' : ''}`,
    ...rows
      .filter((r) => r.workload === workload)
      .map((r) => `| ${r.name.startsWith('rxjs-asyncer') ? `**${r.name}**` : r.name} | ${r.finished ? fmt(r.perSecond, 0) : r.failedWith ? `failed: ${r.failedWith}` : `not finished in ${BUDGET_MS / 1000} s`} | ${fmt(r.sent, 2)} | ${fmt(r.ran)} |${workload === 'W7b' ? ` ${r.most} |` : ''}`),
  ].join('\n');

const ours = (workload) => rows.find((r) => r.workload === workload && r.name.startsWith('rxjs-asyncer'));
const verdicts = [];
for (const workload of ['W7a', 'W7b']) {
  for (const peer of rows.filter((r) => r.workload === workload && !r.name.startsWith('rxjs-asyncer'))) {
    verdicts.push(`- ${workload} vs ${peer.name}: fewer round trips (${fmt(ours(workload).sent, 2)} vs ${fmt(peer.sent, 2)}) ${ours(workload).sent < peer.sent ? 'yes' : '**no**'}; throughput at least theirs (${fmt(ours(workload).perSecond, 0)} vs ${peer.finished ? fmt(peer.perSecond, 0) : 'not finished'}/s) ${ours(workload).perSecond >= peer.perSecond || !peer.finished ? 'yes' : '**no**'}`);
  }
}

const markdown = `# W7: limits across processes (\`npm run bench:redis\`)

One local redis-server 7 (loopback, no persistence), concurrency ${CONCURRENCY}, Node ${process.version}, median of ${runs} runs after a warm-up, ${new Date().toISOString().slice(0, 10)}.
Round trips: commands the contender's clients sent (script calls, polls, publishes). Redis commands: every command the server ran, the scripts' inner ones included (INFO commandstats).

## W7a: acquire + release, ${fmt(ROUND_TRIPS, 0)} times one after the other

${table('W7a', 'permit')}

## W7b: ${fmt(TASKS, 0)} tasks of one setImmediate, scheduled at once

${table('W7b', 'task')}

## Goal: fewer round trips per task than either peer, and throughput at least theirs

${verdicts.join('\n')}
`;
// a run resized by the environment must not replace the full run's figures (see bench/run.mjs)
const full = !process.env.BENCH_RUNS && !process.env.BENCH_W7_TASKS && !process.env.BENCH_TIMEOUT;
writeFileSync(fileURLToPath(new URL(full ? './redis-results.md' : './results-partial.md', import.meta.url)), markdown);
console.log(`\n${verdicts.join('\n')}`);
redis.stop();
process.exit(0);
