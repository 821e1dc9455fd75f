const { createTaskGroup, createLimiter } = await import('/work/main/dist/esm/src/index.js');
const n = 1_000_000;
const limiter = createLimiter(1);
const hold = await limiter.acquire();
const task = async () => 1;
gc(); const before = process.memoryUsage().heapUsed;
const tg = createTaskGroup({ limiter });
const run = tg.soonify(task);
for (let i = 0; i < n; i++) run();
await new Promise((r) => setTimeout(r, 10)); // the batch starts: every task waits for the limiter
gc(); const after = process.memoryUsage().heapUsed;
console.log('bytes per queued group task:', ((after - before) / n).toFixed(0), 'pending', limiter.pending);
tg.cancel(); hold.release(); await tg.join().catch(() => {});
