import { build } from 'esbuild';
for (const [name, src] of [['firstWins', "import { firstWins } from 'rxjs-asyncer/operators'; use(firstWins);"], ['createTaskGroup', "import { createTaskGroup } from 'rxjs-asyncer'; use(createTaskGroup);"], ['gather', "import { gather } from 'rxjs-asyncer/operators'; use(gather);"]]) {
  const r = await build({ stdin: { contents: `${src}\nfunction use(...v){globalThis.k=v}`, resolveDir: process.cwd(), loader: 'js' }, bundle: true, minify: true, format: 'esm', external: ['rxjs'], write: false, metafile: true, logLevel: 'silent' });
  const inputs = Object.values(r.metafile.outputs)[0].inputs;
  const rows = Object.entries(inputs).map(([f, v]) => [f.replace(/.*dist\/esm\//, ''), v.bytesInOutput]).sort((a, b) => b[1] - a[1]);
  console.log(name, rows.reduce((s, r) => s + r[1], 0), rows.slice(0, 14).map(([f, b]) => `${f}:${b}`).join(' '));
}
