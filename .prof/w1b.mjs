const { runTaskGroup } = await import('/work/main/dist/esm/src/index.js');
const { gather } = await import('/work/main/dist/esm/operators/index.js');
const { lastValueFrom } = await import('rxjs');
const n = 100_000;
const mode = process.argv[2];
const times = [];
for (let r = 0; r < 15; r++) {
  const tasks = Array.from({ length: n }, (_, i) => async () => i);
  const t0 = performance.now();
  let out;
  if (mode === 'base') out = await Promise.all(tasks.map((t) => t()));
  else if (mode === 'gather') out = await lastValueFrom(gather(tasks));
  else out = await runTaskGroup((tg) => tasks.map((task) => tg.soonify(task)()));
  times.push(performance.now() - t0);
  if (out.length !== n) throw new Error('bad');
}
times.sort((a, b) => a - b);
console.log(mode, times[7].toFixed(1));
