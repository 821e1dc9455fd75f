import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { connectTasks, serveTasks } from '/work/main/dist/esm/bullmq/index.js';
const port = 6391;
const server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((r) => server.stdout.on('data', (c) => String(c).includes('Ready') && r()));
const connection = { host: '127.0.0.1', port };
const admin = new Redis({ port });
const n = 6000;
const lanes = async (one) => { let next = 0; await Promise.all(Array.from({ length: 64 }, async () => { while (next < n) { next++; await one(next); } })); };
const stats = async () => Object.fromEntries([...(await admin.info('commandstats')).matchAll(/cmdstat_(\w+):calls=(\d+),usec=(\d+)/g)].map(([, c, calls, usec]) => [c, [Number(calls), Number(usec)]]));
async function measure(name, setup) {
  const { one, close } = await setup();
  await admin.config('RESETSTAT');
  const t0 = performance.now();
  await lanes(one);
  const ms = performance.now() - t0;
  const s = await stats();
  const top = Object.entries(s).sort((a, b) => b[1][1] - a[1][1]).slice(0, 6).map(([c, [calls, usec]]) => `${c} ${(calls / n).toFixed(1)}/job ${(usec / n).toFixed(0)}us/job`);
  console.log(name, ((n / ms) * 1000).toFixed(0), 'jobs/s |', top.join(' | '));
  await close();
}
const which = process.argv[2];
if (which === "ours") await measure("ours", async () => {
  const worker = await serveTasks('a', { tiny: (x) => x + 1 }, { connection, concurrency: 64 });
  const remote = connectTasks('a', { connection });
  await remote.call.tiny(0);
  return { one: (i) => remote.call.tiny(i), close: async () => { await remote.close(); await worker.close(); } };
});
if (which === "hand") await measure("hand", async () => {
  const worker = new Worker('b', async (job) => job.data + 1, { connection, concurrency: 64 });
  const jobs = new Queue('b', { connection }); const events = new QueueEvents('b', { connection }); const waiters = new Map();
  events.on('completed', ({ jobId, returnvalue }) => { waiters.get(jobId)?.(returnvalue); waiters.delete(jobId); });
  await Promise.all([worker.waitUntilReady(), jobs.waitUntilReady(), events.waitUntilReady()]);
  let id = 0;
  const one = (i) => new Promise((resolve) => { const jobId = `j${++id}`; waiters.set(jobId, resolve); void jobs.add('tiny', i, { jobId, removeOnComplete: true, removeOnFail: true }); });
  await one(0);
  return { one, close: async () => { await events.close(); await jobs.close(); await worker.close(); } };
});
if (which === 'handbig') await measure('handbig', async () => {
  const worker = new Worker('c', async (job) => ({ v: job.data.a[0] + 1 }), { connection, concurrency: 64 });
  const jobs = new Queue('c', { connection }); const events = new QueueEvents('c', { connection }); const waiters = new Map();
  events.on('completed', ({ jobId, returnvalue }) => { waiters.get(jobId)?.(returnvalue); waiters.delete(jobId); });
  await Promise.all([worker.waitUntilReady(), jobs.waitUntilReady(), events.waitUntilReady()]);
  let id = 0; const uuid = crypto.randomUUID();
  const one = (i) => new Promise((resolve) => { const jobId = `${uuid}-${++id}`; waiters.set(jobId, resolve); void jobs.add('tiny', { t: 'tiny', a: [i], l: 'bull:c:rxa:lease:' + uuid, m: 10000 }, { jobId, removeOnComplete: true, removeOnFail: true }); });
  await one(0);
  return { one, close: async () => { await events.close(); await jobs.close(); await worker.close(); } };
});
admin.disconnect(); server.kill('SIGKILL'); process.exit(0);
