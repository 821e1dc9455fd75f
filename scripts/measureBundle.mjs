// What an import costs a user's bundle: bundled by esbuild from the built ESM as a bundler sees
// it, minified, rxjs external (every RxJS app has it), gzipped. Shared by scripts/size.mjs (the
// ratchet in `npm test`) and scripts/size-without.mjs (what a part of the library costs).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

/**
 * @param {string} source import statements that end by passing what they import to `use(...)`
 * @param {import('esbuild').Plugin[]} [plugins] esbuild plugins (size-without.mjs stubs modules out)
 * @returns {Promise<{ bytes: number, text: string }>} gzipped size, and the minified code
 */
export async function measureBundle(source, plugins = []) {
  const result = await build({
    stdin: { contents: `${source}\nfunction use(...values) { globalThis.__keep = values; }`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: ['rxjs'],
    write: false,
    logLevel: 'silent',
    // measure the built dist/ as a user's bundler sees it, not the sources through tsconfig's paths
    tsconfigRaw: '{}',
    plugins,
  });
  const code = result.outputFiles[0].contents;
  return { bytes: gzipSync(code, { level: 9 }).length, text: Buffer.from(code).toString('utf8') };
}
