import { spawn } from 'node:child_process';
import { from, lastValueFrom, toArray } from 'rxjs';
import { mapConcurrent } from '/work/main/dist/esm/operators/index.js';
import { connectTasks, serveTasks } from '/work/main/dist/esm/bullmq/index.js';
const port = 6390;
const server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((r) => server.stdout.on('data', (c) => String(c).includes('Ready') && r()));
const connection = { host: '127.0.0.1', port };
const worker = await serveTasks('p', { tiny: (x) => x + 1 }, { connection, concurrency: 64 });
const remote = connectTasks('p', { connection });
await remote.call.tiny(0);
const mode = process.argv[2];
const t0 = performance.now();
const n = 4000;
if (mode === 'await') {
  let next = 0;
  await Promise.all(Array.from({ length: 64 }, async () => { while (next < n) { next++; await remote.call.tiny(next); } }));
} else {
  await lastValueFrom(from(Array.from({ length: n }, (_, i) => i)).pipe(mapConcurrent((i) => remote.call.tiny(i), 64), toArray()));
}
console.log(mode, ((n / (performance.now() - t0)) * 1000).toFixed(0), 'jobs/s');
await remote.close(); await worker.close(); server.kill('SIGKILL'); process.exit(0);
