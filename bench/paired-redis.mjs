// Paired runs of W7 for the Redis limiter alone: today's build against a saved one, in
// alternating fresh processes (the order flips each pair), on one redis-server started here, so
// that both see the same machine and the same server. How a change on the Redis limiter's path
// is checked against "no slower than today" (bench/paired.mjs does the same for W1-W5).
//
//   npm run build && node bench/paired-redis.mjs /path/to/saved/package [pairs]
//
// The saved package is a folder with the dist/ of the build to compare against. Each process runs
// W7b's work (10,000 `limiter.run` tasks of one setImmediate, scheduled at once, concurrency 8)
// four times and reports the median of the last three (the first warms up). Prints each pair and
// the median of new / base.
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));

if (process.argv[2] === '--child') {
  // one fresh process: port, the redis entry point of the build
  const [port, entry] = process.argv.slice(3);
  const { Redis } = await import('ioredis');
  const { createRedisLimiter } = await import(pathToFileURL(entry).href);
  const times = [];
  for (let run = 0; run < 4; run++) {
    const client = new Redis({ port: Number(port), host: '127.0.0.1' });
    const limiter = createRedisLimiter({ client, key: `paired-${process.pid}-${run}`, concurrency: 8 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 10_000 }, () => limiter.run(() => new Promise((resolve) => setImmediate(resolve)))));
    const ms = performance.now() - started;
    await limiter[Symbol.asyncDispose]();
    client.disconnect();
    if (run > 0) times.push(ms);
  }
  console.log(times.sort((a, b) => a - b)[1].toFixed(1));
  process.exit(0);
}

const [saved, pairsArg] = process.argv.slice(2);
if (!saved) throw new Error('usage: node bench/paired-redis.mjs <saved package folder> [pairs]');
const pairs = Number(pairsArg ?? 10);
const { localRedis } = await import('./localRedis.mjs');
const redis = await localRedis();
const entries = {
  base: path.join(path.resolve(saved), 'dist', 'esm', 'redis', 'index.js'),
  new: path.join(here, '..', 'dist', 'esm', 'redis', 'index.js'),
};
const runOnce = (build) => Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(redis.port), entries[build]], { encoding: 'utf8' }).trim());
const ratios = [];
for (let pair = 0; pair < pairs; pair++) {
  const order = pair % 2 ? ['new', 'base'] : ['base', 'new'];
  const ms = {};
  for (const build of order) ms[build] = runOnce(build);
  ratios.push(ms.new / ms.base);
  console.log(`pair ${pair + 1}: base ${ms.base.toFixed(0)} ms, new ${ms.new.toFixed(0)} ms, new/base ${(ms.new / ms.base).toFixed(3)}`);
}
const sorted = [...ratios].sort((a, b) => a - b);
const mid = sorted.length >> 1;
const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
console.log(`W7b limiter.run, new/base median of ${pairs} pairs: ${median.toFixed(3)} (new faster in ${ratios.filter((r) => r < 1).length})`);
redis.stop();
process.exit(0);
