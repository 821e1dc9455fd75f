// Node's copy of each entry point, in dist/node/ (the exports map's "node" condition): what a CLI,
// a serverless function or a test runner loads. Node's ESM loader pays per file (resolve, read,
// compile, link), and the per-file dist (about 160 modules) took 37-57 ms to import; so Node gets
// the fewest files that keep one instance of every class and every hook:
//
// - chunks/engine.js: the core, the operators and the engine barrel (src/engine/index.ts, what the
//   other entry points use), one file. `rxjs-asyncer` and `rxjs-asyncer/operators` are two small
//   files that re-export their own names from it: three modules for both imports instead of five
//   (measured: 6.4 -> 4.8 ms in ESM, 4.9 -> 4.4 in CommonJS; issue 31).
// - every other entry point: its own code, bundled, importing the engine chunk where its sources
//   import a barrel of src/ (test/architecture/layering.test.ts keeps them to those doors), and
//   sharing what they have in common through chunks of their own.
//
// Bundlers keep the per-file dist tsc writes (dist/esm, dist/cjs; the "default" condition): there
// `sideEffects: false` drops every file an import does not reach, which a merged chunk cannot
// offer without proving each of its top-level statements pure (measured: createLimiter grew from
// 4.4 to 9.4 KB when bundlers got chunks). esbuild, because it already measures the bundles
// (scripts/measureBundle.mjs) and runs in a fraction of a second. Whitespace and syntax are
// minified (about 0.2 ms less to compile, of 5); names are not, so that a stack trace read
// without source maps still names the functions (renaming them saved nothing more).
//
// CommonJS: each ESM output file converted on its own (no bundling), so the CommonJS files are the
// same modules requiring the same engine. Dependencies stay external (rxjs, and each entry point's
// optional peers). Source maps point at the TypeScript sources and carry their text.
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ENTRY_FOLDERS = ['src', 'operators', 'timeline', 'angular', 'workers', 'node', 'redis', 'bullmq', 'otel'];
/** The barrels the engine chunk is made of; the first two are entry points of their own. */
const BARRELS = ['src/index.ts', 'operators/index.ts', 'src/engine/index.ts'];
const OUT = 'dist/node/esm';
const ENGINE = `${OUT}/chunks/engine.js`;
/** What the other entry points import the engine as, until each output names its path to it. */
const ENGINE_MARK = '#rxjs-asyncer-engine';

const common = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  packages: 'external',
  sourcemap: true,
  sourcesContent: true,
  tsconfig: 'tsconfig.build.json',
  logLevel: 'warning',
  // whitespace and syntax only: the names stay, for stack traces read without source maps
  minifyWhitespace: true,
  minifySyntax: true,
};

/** Every file under `dir` whose name ends with one of `endings`. */
const filesUnder = (dir, endings) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, endings);
    return endings.some((ending) => name.endsWith(ending)) ? [path] : [];
  });

/** `to` as an import specifier from the folder of `from`. */
const specifier = (from, to) => {
  const path = relative(dirname(from), to);
  return path.startsWith('.') ? path : `./${path}`;
};

// The engine: one file.
await build({
  ...common,
  stdin: {
    contents: BARRELS.map((barrel) => `export * from './${barrel}';`).join('\n'),
    resolveDir: '.',
    sourcefile: 'engine.ts',
    loader: 'ts',
  },
  outfile: ENGINE,
});

// `rxjs-asyncer` and `rxjs-asyncer/operators`: their own names, from the engine.
for (const barrel of BARRELS.slice(0, 2)) {
  const { metafile } = await build({ ...common, entryPoints: [barrel], write: false, metafile: true, sourcemap: false });
  const names = Object.values(metafile.outputs)[0].exports.sort();
  const out = join(OUT, barrel.replace(/\.ts$/, '.js'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `export { ${names.join(', ')} } from '${specifier(out, ENGINE)}';\n`);
}

// The other entry points, with the engine external.
const barrelPaths = new Set(BARRELS.map((barrel) => resolve(barrel)));
const engineExternal = {
  name: 'engine-external',
  setup(esbuild) {
    esbuild.onResolve({ filter: /\/index\.js$/ }, ({ path, resolveDir }) =>
      barrelPaths.has(resolve(resolveDir, path).replace(/\.js$/, '.ts')) ? { path: ENGINE_MARK, external: true } : undefined,
    );
  },
};
const { metafile } = await build({
  ...common,
  entryPoints: ENTRY_FOLDERS.slice(2).map((folder) => `${folder}/index.ts`),
  outdir: OUT,
  outbase: '.',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  plugins: [engineExternal],
});
// A src/ or operators/ file bundled into another entry point would be a second instance of it
// (a class that fails instanceof, a hook nobody fills): refuse to build one.
const copied = Object.values(metafile.outputs)
  .flatMap((output) => Object.keys(output.inputs))
  .filter((input) => /^(src|operators)\//.test(input));
if (copied.length > 0) throw new Error(`bundle.mjs: entry points reach the engine other than through a barrel: ${[...new Set(copied)].join(', ')}`);
for (const out of Object.keys(metafile.outputs).filter((file) => file.endsWith('.js'))) {
  const text = readFileSync(out, 'utf8');
  writeFileSync(out, text.replaceAll(`"${ENGINE_MARK}"`, `"${specifier(out, ENGINE)}"`));
}

await build({
  entryPoints: filesUnder(OUT, ['.js']),
  outdir: 'dist/node/cjs',
  outbase: OUT,
  bundle: false,
  format: 'cjs',
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
});

writeFileSync('dist/node/cjs/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
