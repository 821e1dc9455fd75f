const { firstWins } = await import('/work/main/dist/esm/operators/index.js');
const { lastValueFrom } = await import('rxjs');
const mode = process.argv[2];
const task = async (k, signal) => { for (let hop = 0; hop < k; hop++) { await null; if (signal.aborted) throw signal.reason; } return k; };
const rounds = 20000;
const times = [];
for (let r = 0; r < 12; r++) {
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) {
    if (mode === 'base') {
      const c = new AbortController();
      const w = await Promise.race([task(1, c.signal), task(2, c.signal), task(3, c.signal)]);
      c.abort();
    } else {
      await lastValueFrom(firstWins([(s) => task(1, s), (s) => task(2, s), (s) => task(3, s)]));
    }
  }
  await new Promise((r) => setImmediate(r));
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(mode, times[6].toFixed(1));
