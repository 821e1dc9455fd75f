// "Concurrent burgers" and "parallel burgers": the story behind Asyncer's docs, in code.
//
// Concurrent burgers: while you wait for your order, you can do other things. Waiting is what a
// task group is for: three orders that each take a second of *waiting* are ready in one second.
// Parallel burgers: when the work is the cooking itself (CPU-bound), waiting together does not
// help: the event loop cooks one burger at a time. Only more cooks (threads) help: the worker pool.
// Run: npm run example:burgers

import { availableParallelism } from 'node:os';
import { createScope, createTaskGroup } from 'rxjs-asyncer';
import { recordTimeline, renderTimeline } from 'rxjs-asyncer/timeline';
import { createWorkerPool } from 'rxjs-asyncer/workers';

const names = ['Yury', 'Nathaniel', 'Alex', 'Ada'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(2)} s`;

/** Cooking on the main thread: the same CPU work as the worker's, blocking the event loop. */
function cookHere(name: string, ms: number): string {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x = Math.sqrt(x + 1.5) * 1.000001;
  return `${name}'s burger (${x.toFixed(1)}°)`;
}

async function show(title: string, run: (tg: ReturnType<typeof createTaskGroup>) => void): Promise<void> {
  const started = performance.now();
  const tg = createTaskGroup();
  const recording = recordTimeline(tg);
  run(tg);
  await tg.join();
  console.log(`\n${title}: ${seconds(started)}`);
  process.stdout.write(renderTimeline(recording.stop(), { format: 'text', width: 64 }));
}

// 1. Not concurrent: wait for each order in turn
{
  const started = performance.now();
  const scope = createScope();
  const recording = recordTimeline(scope);
  for (const name of names) await scope.soonify(() => sleep(500), { name })();
  await scope.close();
  console.log(`\nNot concurrent, waiting for each order in turn: ${seconds(started)}`);
  process.stdout.write(renderTimeline(recording.stop(), { format: 'text', width: 64 }));
}

// 2. Concurrent burgers: all orders waited for at once
await show('Concurrent burgers, every order waited for at once', (tg) => {
  for (const name of names) tg.soonify(() => sleep(500), { name })();
});

// 3. Cooking on the main thread, "concurrently": no faster, the loop cooks one at a time
await show('Cooking on the event loop in a task group (CPU-bound: no faster)', (tg) => {
  for (const name of names) tg.soonify(async () => cookHere(name, 250), { name })();
});

// 4. Parallel burgers: the cooking goes to as many cooks as there are cores
const cooks = Math.max(2, availableParallelism());
const kitchen = createWorkerPool<typeof import('./burgers.worker.mjs')>(new URL('./burgers.worker.mjs', import.meta.url), { size: cooks, name: 'kitchen' });
await kitchen.call.cook('warm-up', 1); // the cooks arrive (threads start) before the clock runs
await show(`Parallel burgers, ${cooks} cooks in worker threads`, (tg) => {
  for (const name of names) tg.soonify(kitchen.call.cook, { name })(name, 250);
});
await kitchen.close();
