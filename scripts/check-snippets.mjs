// Compiles every ```ts block of the README and the guides against the built package, so that an
// example cannot rot: each block becomes a module under .snippets/ (git-ignored) that imports
// `rxjs-asyncer` by its own name (a package may import itself through its exports map), and
// `tsc` checks them all, strict. A block that uses names it does not declare (the reader's own
// functions: `fetchUser`, `files`) finds them in scripts/snippets-ambient.d.ts, written once for
// every guide. Run by `npm run test:docs`, after the build.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const out = new URL('.snippets/', root);
const sources = ['README.md', ...readdirSync(new URL('guides/', root)).filter((name) => name.endsWith('.md')).map((name) => `guides/${name}`)];

rmSync(out, { recursive: true, force: true });
mkdirSync(out);
const files = [];
for (const source of sources) {
  const text = readFileSync(new URL(source, root), 'utf8');
  let n = 0;
  // one folder per document: a block whose first line names a file (`// tasks.ts: ...`) is that
  // file, so the document's other blocks import it (`./tasks.js`)
  const folder = source.replace(/[/.]/g, '_');
  mkdirSync(new URL(`${folder}/`, out), { recursive: true });
  for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)) {
    const line = text.slice(0, match.index).split('\n').length + 1;
    const code = match[1];
    // each block is its own module (top-level await, no clash between blocks)
    const module = /^\s*(import|export)\b/m.test(code) ? code : `${code}\nexport {};\n`;
    const named = /^\/\/ ([\w.-]+)\.ts\b/.exec(code)?.[1];
    const name = `${folder}/${named ?? `block${++n}`}.ts`;
    writeFileSync(new URL(name, out), `// ${source}:${line}\n${module}`);
    files.push(name);
  }
}
writeFileSync(
  new URL('tsconfig.json', out),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2022', 'DOM', 'ESNext.Disposable'],
      types: ['node'],
      noEmit: true,
      skipLibCheck: true,
      experimentalDecorators: true,
    },
    files: [...files, '../scripts/snippets-ambient.d.ts'],
  }),
);
try {
  execFileSync(process.execPath, [new URL('node_modules/typescript/bin/tsc', root).pathname, '-p', new URL('tsconfig.json', out).pathname], { stdio: 'pipe' });
} catch (error) {
  // name each failure by the README or guide line it comes from
  const report = String(error.stdout).replace(/^(\S+?\.ts)\((\d+),(\d+)\)/gm, (whole, file, row) => {
    try {
      const first = readFileSync(new URL(file.replace(/^.*\.snippets\//, ''), out), 'utf8').split('\n')[0];
      const [, source, start] = /^\/\/ (.+):(\d+)$/.exec(first);
      return `${source}:${Number(start) + Number(row) - 2} (${file.replace(/^.*\.snippets\//, '.snippets/')}:${row})`;
    } catch {
      return whole;
    }
  });
  console.error(`check-snippets: a code block does not compile against the built package:\n${report}`);
  process.exit(1);
}
console.log(`check-snippets: ${files.length} code blocks of the README and the guides compile against the built package`);
