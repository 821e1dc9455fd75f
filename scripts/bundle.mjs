// Node's copy of each entry point: one bundled file per entry point and format, sharing what
// entry points have in common through chunks, in dist/node/ (the exports map's "node" condition).
// Node's ESM loader pays per file: the per-file dist (about 160 modules) took 37-57 ms to import
// where the bundled one takes about 8 (issue 31). Bundlers keep the per-file dist tsc writes
// (dist/esm, dist/cjs; the "default" condition): there `sideEffects: false` drops every file an
// import does not reach, which a merged chunk cannot offer without proving each of its top-level
// statements pure (measured: createLimiter grew from 4.4 to 9.4 KB when bundlers got the chunks).
// esbuild, because it already measures the bundles (scripts/measureBundle.mjs), splits ESM into
// shared chunks, and runs in a fraction of a second.
//
// ESM: one build of every entry point with code splitting. CommonJS: each ESM output file
// converted on its own (no bundling), so the CommonJS files are the same modules, requiring the
// same chunks: one instance of the engine per format, shared by every entry point. Dependencies
// stay external (rxjs, and each entry point's optional peers). Source maps point at the
// TypeScript sources and carry their text.
import { build } from 'esbuild';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ENTRY_FOLDERS = ['src', 'operators', 'timeline', 'angular', 'workers', 'node', 'redis', 'bullmq', 'otel'];

/** Every file under `dir` whose name ends with one of `endings`. */
const filesUnder = (dir, endings) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, endings);
    return endings.some((ending) => name.endsWith(ending)) ? [path] : [];
  });

await build({
  entryPoints: ENTRY_FOLDERS.map((folder) => `${folder}/index.ts`),
  outdir: 'dist/node/esm',
  outbase: '.',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  sourcesContent: true,
  tsconfig: 'tsconfig.build.json',
  logLevel: 'warning',
});

await build({
  entryPoints: filesUnder('dist/node/esm', ['.js']),
  outdir: 'dist/node/cjs',
  outbase: 'dist/node/esm',
  bundle: false,
  format: 'cjs',
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
});

writeFileSync('dist/node/cjs/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
