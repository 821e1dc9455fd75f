// What an import would cost without some modules: bundles it as scripts/size.mjs does
// (measureBundle.mjs), with every module whose path matches one of the patterns replaced by a
// stub that exports `undefined` under the same names. The call sites stay, so the
// saving it prints is a lower bound: what a feature costs every user of that import, at least.
//
//   node scripts/size-without.mjs "import { gather } from 'rxjs-asyncer/operators'; use(gather);" CountTracker PermitSlots
//
// Run `npm run build` first. Prints the size with and without the modules, in bytes.
import { readFileSync } from 'node:fs';
import { measureBundle } from './measureBundle.mjs';

const [source, ...patterns] = process.argv.slice(2);
if (!source) {
  console.error('usage: node scripts/size-without.mjs "<import statement; use(...)>" <path pattern>...');
  process.exit(2);
}
const stubbed = patterns.map((pattern) => new RegExp(pattern));

const stubs = {
  name: 'stub-modules',
  setup(bundler) {
    bundler.onLoad({ filter: /dist\/esm\/.*\.js$/ }, (args) => {
      if (!stubbed.some((pattern) => pattern.test(args.path))) return undefined;
      const names = [...readFileSync(args.path, 'utf8').matchAll(/export (?:class|function|const|let|var) ([A-Za-z_$][\w$]*)/g)];
      return { contents: names.map(([, name]) => `export const ${name} = undefined;`).join('\n'), loader: 'js' };
    });
  },
};

const { bytes: whole } = await measureBundle(source);
const { bytes: without } = await measureBundle(source, [stubs]);
console.log(`${whole} bytes; ${without} without ${patterns.join(', ') || '(nothing)'} (${whole - without} less)`);
