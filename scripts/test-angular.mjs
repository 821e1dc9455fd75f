// Runs rxjs-asyncer/angular's specs against real Angular: every project under test/ named in
// PROJECTS (its own package.json and lock file), each in both change-detection modes (zoneless and
// zone.js). The library is installed from `npm pack` output, so the specs see the exports map and
// the built files as users do. Run after `npm run build`; `npm test` does.
//
// For each project: `npm ci` when its node_modules is missing or older than its lock file, the
// packed library unpacked into node_modules/rxjs-asyncer, the shared specs (test/angular/specs)
// and configs copied in when the project is not test/angular itself, `tsc --noEmit` with the project's own
// TypeScript, then jest with ANGULAR_MODE=zoneless and ANGULAR_MODE=zone.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
/** each project, and the Angular and TypeScript it must run (a spec checks, so a mix-up cannot pass) */
const PROJECTS = [
  { project: 'test/angular', angular: '22', typescript: '6.0' },
  { project: 'test/angular-21', angular: '21', typescript: '5.9' },
];
const SPECS = join(root, 'test/angular/specs');
const EXAMPLES = join(root, 'examples/angular');

const run = (cmd, args, cwd, env = {}) => {
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
};

const packDir = mkdtempSync(join(tmpdir(), 'rxjs-asyncer-pack-'));
const tarball = join(packDir, execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop());

let failed = 0;
for (const { project, angular, typescript } of PROJECTS) {
  const dir = join(root, project);
  const modules = join(dir, 'node_modules');
  const lock = join(dir, 'package-lock.json');
  if (!existsSync(modules) || statSync(modules).mtimeMs < statSync(lock).mtimeMs) {
    console.log(`\n== ${project}: npm ci`);
    if (run('npm', ['ci', '--no-audit', '--no-fund'], dir) !== 0) {
      console.log(`${project}: npm ci failed`);
      failed++;
      continue;
    }
  }
  const installed = join(modules, 'rxjs-asyncer');
  rmSync(installed, { recursive: true, force: true });
  execFileSync('mkdir', ['-p', installed]);
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
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
rmSync(packDir, { recursive: true, force: true });
process.exit(failed === 0 ? 0 : 1);
