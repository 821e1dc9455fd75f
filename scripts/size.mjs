// What each import costs a user's bundle, minified and gzipped, with rxjs external (every RxJS
// app has it), bundled by esbuild from the built ESM as a bundler sees it.
//
// Two figures per import: the goal (issue 31's budget) and a ceiling, today's size with a little
// room, or the goal itself once an import meets it. `npm test` runs this after the build and
// fails when an import grows past its ceiling or tree shaking leaks (firstWins must not pull in
// task-group code): a ratchet, so that size only moves toward the goal. Lower a ceiling when a
// change makes an import smaller; raise one only in a commit that says what the bytes bought.
// Imports still over their goal are listed, not failed. `npm run size` builds first; `--json`
// prints the figures.
import { measureBundle } from './measureBundle.mjs';

/** [what is imported, the import statement body, goal in bytes (issue 31's budget; issue 14's for
 * createScope and mapLatest, which issue 31 does not list), ceiling in bytes] */
const CASES = [
  ['createTaskGroup', "import { createTaskGroup } from 'rxjs-asyncer'; use(createTaskGroup);", 4608, 8150],
  ['runTaskGroup', "import { runTaskGroup } from 'rxjs-asyncer'; use(runTaskGroup);", 4813, 8625],
  ['taskGroup', "import { taskGroup } from 'rxjs-asyncer'; use(taskGroup);", 4915, 8685],
  ['createScope', "import { createScope } from 'rxjs-asyncer'; use(createScope);", 4608, 8310],
  ['createLimiter', "import { createLimiter } from 'rxjs-asyncer'; use(createLimiter);", 2560, 4500],
  ['gather', "import { gather } from 'rxjs-asyncer/operators'; use(gather);", 3072, 5535],
  ['firstWins', "import { firstWins } from 'rxjs-asyncer/operators'; use(firstWins);", 2355, 3490],
  ['mapConcurrent', "import { mapConcurrent } from 'rxjs-asyncer/operators'; use(mapConcurrent);", 3072, 5270],
  ['mapConcurrentFrom', "import { mapConcurrentFrom } from 'rxjs-asyncer/operators'; use(mapConcurrentFrom);", 3379, 5670],
  ['mapLatest', "import { mapLatest } from 'rxjs-asyncer/operators'; use(mapLatest);", 2560, 3130],
  ['everything (main + operators)', "import * as core from 'rxjs-asyncer'; import * as ops from 'rxjs-asyncer/operators'; use(core, ops);", 9216, 16570],
];
/** A string only task-group code contains: an import that finds it pulled a group in. */
const GROUP_MARK = 'cannot start in it';

const rows = [];
let failed = 0;
for (const [name, source, goal, ceiling] of CASES) {
  const { bytes, text } = await measureBundle(source);
  const leaks = name === 'firstWins' && text.includes(GROUP_MARK);
  const ok = bytes <= ceiling && !leaks;
  if (!ok) failed++;
  rows.push({ name, bytes, goal, ceiling, ok, leaks, goalMet: bytes <= goal });
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows));
} else {
  const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
  for (const { name, bytes, goal, ceiling, ok, leaks, goalMet } of rows) {
    const status = ok ? 'ok  ' : 'OVER';
    const note = leaks ? '  (pulls in task-group code!)' : !ok ? '  (over its ceiling: see the top of this file)' : goalMet ? '' : `  (goal ${kb(goal)} not met yet)`;
    console.log(`${status} ${name.padEnd(30)} ${kb(bytes).padStart(9)}, ceiling ${kb(ceiling)}${note}`);
  }
  const goals = rows.filter((row) => row.goalMet).length;
  console.log(`size: ${rows.length - failed} passed, ${failed} failed (goal met by ${goals} of ${rows.length} imports)`);
}
process.exit(failed === 0 ? 0 : 1);
