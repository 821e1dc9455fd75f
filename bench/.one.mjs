// one process: BENCH workload contender, N runs, prints nothing
import { workloads } from './workloads.mjs';
const [id, name, scale, runs] = process.argv.slice(2);
const w = workloads.find((x) => x.id === id);
const size = Math.round(w.size * Number(scale));
for (let i = 0; i < Number(runs); i++) await w.contenders[name](size);
