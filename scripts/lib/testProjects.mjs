// What the drivers of the separate test projects (test/angular*, test/types-matrix) share: each
// project installs from its own lock file, and gets this library as users do, from `npm pack`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;

/** `npm ci` in `dir` when its node_modules is missing or older than its lock file; false if it failed. */
export function installIfStale(dir) {
  const modules = join(dir, 'node_modules');
  if (existsSync(modules) && statSync(modules).mtimeMs >= statSync(join(dir, 'package-lock.json')).mtimeMs) return true;
  console.log(`\n== ${dir.slice(root.length)}: npm ci`);
  return spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' }).status === 0;
}

/** Packs the library once (run after `npm run build`) and unpacks it into each dir's node_modules/rxjs-asyncer. */
export function installPacked(dirs) {
  const packDir = mkdtempSync(join(tmpdir(), 'rxjs-asyncer-pack-'));
  try {
    const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop();
    for (const dir of dirs) {
      const installed = join(dir, 'node_modules', 'rxjs-asyncer');
      rmSync(installed, { recursive: true, force: true });
      mkdirSync(installed, { recursive: true });
      execFileSync('tar', ['-xzf', join(packDir, name), '-C', installed, '--strip-components=1']);
    }
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}
