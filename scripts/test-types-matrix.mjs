// Type-checks a consumer of the packed package (test/types-matrix/consumer.{mts,cts}: soonify
// inference, gather tuple and record, mapConcurrent in a pipe) under several TypeScript versions
// and module resolutions, strict, with skipLibCheck off, as users' projects do. Run after
// `npm run build`; `npm test` does. Prints a jest-style "Tests:" line that .ci/run counts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'test/types-matrix');
const VERSIONS = ['ts50', 'ts54', 'ts59', 'ts60'];
/** [resolution, module, the consumer files it applies to] */
const MODES = [
  ['node10', 'commonjs', ['consumer.cts']],
  ['node16', 'node16', ['consumer.mts', 'consumer.cts']],
  ['bundler', 'esnext', ['consumer.mts']],
];

const modules = join(dir, 'node_modules');
if (!existsSync(modules) || statSync(modules).mtimeMs < statSync(join(dir, 'package-lock.json')).mtimeMs) {
  if (spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' }).status !== 0) process.exit(1);
}
const packDir = mkdtempSync(join(tmpdir(), 'rxjs-asyncer-pack-'));
const tarball = join(packDir, execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop());
const installed = join(modules, 'rxjs-asyncer');
rmSync(installed, { recursive: true, force: true });
mkdirSync(installed, { recursive: true });
execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
rmSync(packDir, { recursive: true, force: true });

let passed = 0;
let failed = 0;
for (const version of VERSIONS) {
  const tsc = join(modules, version, 'bin', 'tsc');
  const [major, minor] = JSON.parse(execFileSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' }).match(/(\d+)\.(\d+)/).slice(1, 3).join(',').replace(/^/, '[').concat(']'));
  for (const [resolution, module, files] of MODES) {
    for (const file of files) {
      const args = ['--noEmit', '--strict', '--skipLibCheck', 'false', '--target', 'es2022', '--module', module, '--moduleResolution', resolution, '--types', 'node', file];
      // TypeScript 5.2+ has the `using` declarations' lib; 5.0 and 5.1 get AsyncDisposable from @types/node
      args.push('--lib', major > 5 || minor >= 2 ? 'es2022,dom,esnext.disposable' : 'es2022,dom');
      if (major >= 6 && resolution === 'node10') args.push('--ignoreDeprecations', '6.0'); // TS 6 deprecates node10
      if (major >= 6) args.push('--ignoreConfig'); // TS 6 refuses named files while a tsconfig.json is found above
      const run = spawnSync(process.execPath, [tsc, ...args], { cwd: dir, encoding: 'utf8' });
      const label = `TypeScript ${major}.${minor}, ${resolution}, ${file}`;
      if (run.status === 0) {
        passed++;
        console.log(`  ok   ${label}`);
      } else {
        failed++;
        console.log(`  FAIL ${label}\n${(run.stdout + run.stderr).replace(/^/gm, '       ')}`);
      }
    }
  }
}
console.log(`Tests:       ${failed > 0 ? `${failed} failed, ` : ''}${passed} passed, ${passed + failed} total`);
process.exit(failed === 0 ? 0 : 1);
