// Runs rxjs-asyncer/angular's specs against real Angular: every project under test/ named in
// PROJECTS (its own package.json and lock file), each in both change-detection modes (zoneless and
// zone.js). The library is installed from `npm pack` output, so the specs see the exports map and
// the built files as users do. Run after `npm run build`; `npm test` does.
//
// For each project: `npm ci` when its node_modules is missing or older than its lock file, the
// packed library unpacked into node_modules/rxjs-asyncer, the shared specs (test/angular/specs)
// and configs copied in when the project is not test/angular itself, `tsc --noEmit` with the project's own
// TypeScript, then jest with ANGULAR_MODE=zoneless and ANGULAR_MODE=zone.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installIfStale, installPacked, root } from './lib/testProjects.mjs';

/** each project, and the Angular and TypeScript it must run (a spec checks, so a mix-up cannot pass) */
const PROJECTS = [
  { project: 'test/angular', angular: '22', typescript: '6.0' },
  { project: 'test/angular-21', angular: '21', typescript: '5.9' },
];
const SPECS = join(root, 'test/angular/specs');
/** the Angular app's pages: each spec project type-checks and tests them as they ship */
const EXAMPLES = join(root, 'examples/angular-app/src/app/pages');

const run = (cmd, args, cwd, env = {}) => spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let failed = 0;
// install every project first, then pack the library once for all of them
const ready = new Set(PROJECTS.filter(({ project }) => installIfStale(join(root, project))).map(({ project }) => project));
installPacked([...ready].map((project) => join(root, project)));
for (const { project, angular, typescript } of PROJECTS) {
  const dir = join(root, project);
  if (!ready.has(project)) {
    console.log(`${project}: npm ci failed`);
    failed++;
    continue;
  }
  if (dir !== join(root, 'test/angular')) {
    // one set of specs and configs for every project: each runs them with its own packages
    rmSync(join(dir, 'specs'), { recursive: true, force: true });
    cpSync(SPECS, join(dir, 'specs'), { recursive: true });
    for (const file of ['jest.config.cjs', 'tsconfig.spec.json']) cpSync(join(root, 'test/angular', file), join(dir, file));
  }
  rmSync(join(dir, 'specs/examples'), { recursive: true, force: true });
  cpSync(EXAMPLES, join(dir, 'specs/examples'), { recursive: true });

  console.log(`\n== ${project}: tsc --noEmit (its own TypeScript)`);
  if (run('npx', ['tsc', '-p', 'tsconfig.spec.json'], dir) !== 0) failed++;
  for (const mode of ['zoneless', 'zone']) {
    console.log(`\n== ${project}: jest, ${mode}`);
    const env = { ANGULAR_MODE: mode, EXPECTED_ANGULAR: angular, EXPECTED_TYPESCRIPT: typescript };
    if (run('npx', ['jest', '--ci'], dir, env) !== 0) failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
