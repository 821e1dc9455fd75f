// The type-check cost budget: type-tests/cost/typeCost.ts (a 60-input gather as a tuple and as a
// record, a 60-task group, a 9-step mapConcurrent chain) must type-check without error and with at
// most twice the instantiations recorded below, so that inference never becomes the reason an
// editor stalls. Run after `npm run build`: it checks the published .d.ts files, as users see them.
// Re-record RECORDED (and say why in the commit) only when a change makes the types richer on purpose.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** Instantiations measured when the budget was set (TypeScript 6.0.3, issue 19). */
const RECORDED = 11182;
const LIMIT = RECORDED * 2;

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let output;
try {
  output = execFileSync(process.execPath, [tsc, '-p', 'type-tests/cost/tsconfig.json', '--extendedDiagnostics'], { encoding: 'utf8' });
} catch (error) {
  console.error(`type-cost: the workload does not type-check:\n${error.stdout ?? error.message}`);
  process.exit(1);
}
const count = (label) => Number(output.match(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm'))?.[1]);
const instantiations = count('Instantiations');
const checkTime = count('Check time');
if (!Number.isFinite(instantiations)) {
  console.error(`type-cost: no "Instantiations" line in tsc's output:\n${output}`);
  process.exit(1);
}
const verdict = instantiations <= LIMIT ? 'within' : 'OVER';
console.log(`type-cost: ${instantiations} instantiations (recorded ${RECORDED}, limit ${LIMIT}: ${verdict}), check time ${checkTime}s`);
process.exit(instantiations <= LIMIT ? 0 : 1);
