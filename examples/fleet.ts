// "Parallel burgers" across machines: the burgers of examples/burgers.ts cooked by two worker
// processes through BullMQ (any number of machines could serve the same queue). The caller's
// orders are tasks of one task group, with its timeline; cancelling the group would stop every
// cook. Uses $REDIS_URL, or starts its own redis-server.
// Run: npm run example:fleet

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createTaskGroup } from 'rxjs-asyncer';
import { connectTasks } from 'rxjs-asyncer/bullmq';
import { recordTimeline, renderTimeline } from 'rxjs-asyncer/timeline';

const names = ['Yury', 'Nathaniel', 'Alex', 'Ada', 'Grace', 'Linus', 'Barbara', 'Ken'];
const COOKING_MS = 300;

/** A Redis to use: $REDIS_URL, else a redis-server of our own on a free port. */
async function redis(): Promise<{ connection: { host: string; port: number }; stop(): void }> {
  const url = process.env['REDIS_URL'];
  if (url) {
    const { hostname, port } = new URL(url);
    return { connection: { host: hostname, port: Number(port || 6379) }, stop: () => undefined };
  }
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('This example needs Redis: set REDIS_URL, or install redis-server (apt-get update && apt-get install -y redis-server).');
    process.exit(1);
  }
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve) => server.stdout!.on('data', (chunk: Buffer) => String(chunk).includes('Ready to accept connections') && resolve()));
  return { connection: { host: '127.0.0.1', port }, stop: () => server.kill('SIGKILL') };
}

const { connection, stop } = await redis();
const cooks: ChildProcess[] = [];
const hire = async (count: number): Promise<void> => {
  while (cooks.length < count) {
    const cook = spawn(process.execPath, [fileURLToPath(new URL('./fleet.worker.mjs', import.meta.url)), JSON.stringify(connection)], { stdio: ['ignore', 'pipe', 'inherit'] });
    cooks.push(cook);
    await new Promise<void>((resolve) => cook.stdout!.on('data', (chunk: Buffer) => String(chunk).includes('ready') && resolve()));
  }
};

const kitchen = connectTasks<typeof import('./fleet.tasks.mjs')>('kitchen', { connection });

async function service(title: string): Promise<void> {
  const started = performance.now();
  const tg = createTaskGroup();
  const recording = recordTimeline(tg);
  const burgers = names.map((name) => tg.soonify(() => kitchen.call.cook(name, COOKING_MS), { name })());
  await tg.join();
  console.log(`\n${title}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  process.stdout.write(renderTimeline(recording.stop(), { format: 'text', width: 64 }));
  const byCook = new Map<string, number>();
  for (const burger of burgers) {
    const pid = burger.value.split(' ').pop()!;
    byCook.set(pid, (byCook.get(pid) ?? 0) + 1);
  }
  console.log(`burgers per cook (process): ${[...byCook].map(([pid, n]) => `${pid}: ${n}`).join(', ')}`);
}

try {
  await hire(1);
  await kitchen.call.cook('warm-up', 1);
  await service(`${names.length} orders, one cook (${COOKING_MS} ms each)`);
  await hire(2);
  await service(`${names.length} orders, two cooks in two processes`);
} finally {
  await kitchen.close();
  for (const cook of cooks) cook.kill('SIGTERM');
  await Promise.all(cooks.map((cook) => new Promise((resolve) => (cook.exitCode === null ? cook.once('exit', resolve) : resolve(undefined)))));
  stop();
}
