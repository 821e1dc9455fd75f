// One contender of one workload, run `runs` times in this process with no timer and no output:
// the program to count instructions of, which, unlike wall-clock time, moves little when the
// machine is busy. Compare two builds (the saved one has its own bench/ beside its dist/):
//
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//     node bench/instructions.mjs W1 'runTaskGroup + soonify' 0.3 3
//
// Arguments: workload id, contender name, scale (of the workload's size), runs. The count
// includes loading the modules, a fixed cost: use a scale large enough for it not to matter.
import { workloads } from './workloads.mjs';

const [id, name, scale, runs] = process.argv.slice(2);
const workload = workloads.find((w) => w.id === id);
const contender = workload?.contenders[name];
if (!contender) throw new Error(`no contender ${JSON.stringify(name)} in workload ${id}`);
const size = Math.max(1, Math.round(workload.size * Number(scale)));
for (let run = 0; run < Number(runs); run++) await contender(size);
