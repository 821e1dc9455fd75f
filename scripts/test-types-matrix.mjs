// Type-checks a consumer of the packed package (test/types-matrix/consumer.mts, also as .cts: soonify
// inference, gather tuple and record, mapConcurrent in a pipe) under several TypeScript versions
// and module resolutions, strict, with skipLibCheck off, as users' projects do. Run after
// `npm run build`; `npm test` does. Prints a jest-style "Tests:" line that .ci/run counts.
import { copyFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { installIfStale, installPacked, root } from './lib/testProjects.mjs';

const dir = join(root, 'test/types-matrix');
const VERSIONS = ['ts50', 'ts54', 'ts59', 'ts60'];
/** [resolution, module, the consumer files it applies to] */
const MODES = [
  ['node10', 'commonjs', ['consumer.cts']],
  ['node16', 'node16', ['consumer.mts', 'consumer.cts']],
  ['bundler', 'esnext', ['consumer.mts']],
];

const modules = join(dir, 'node_modules');
if (!installIfStale(dir)) process.exit(1);
installPacked([dir]);
// the CommonJS consumer is the ES one under a .cts name: one source, both module systems
copyFileSync(join(dir, 'consumer.mts'), join(dir, 'consumer.cts'));

let passed = 0;
let failed = 0;
for (const version of VERSIONS) {
  const tsc = join(modules, version, 'bin', 'tsc');
  const [major, minor] = execFileSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' }).match(/(\d+)\.(\d+)/).slice(1, 3).map(Number);
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
