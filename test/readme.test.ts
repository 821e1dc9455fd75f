import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The README is what a newcomer reads first: short, and its first screen answers "what is it,
// how do I install it, what does it look like". Its code blocks are compiled against the built
// package by `npm run test:docs` (scripts/check-snippets.mjs); its links are checked here.

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const lines = readme.split('\n');

describe('the README', () => {
  it('is at most 400 lines: the guides are in guides/, the benchmarks in bench/README.md', () => {
    expect(lines.length).toBeLessThanOrEqual(400);
  });

  it('answers on its first screen (40 lines) what it is, how to install it and what it looks like', () => {
    const screen = lines.slice(0, 40).join('\n');
    expect(screen).toMatch(/Structured concurrency for RxJS and TypeScript/);
    expect(screen).toContain('npm install rxjs-asyncer rxjs');
    expect(screen).toMatch(/```ts\nimport \{ runTaskGroup \} from 'rxjs-asyncer';/);
  });

  it('starts with the two developer commands that work on a fresh machine', () => {
    expect(lines.slice(0, 6).join('\n')).toMatch(/npm install && npm start[\s\S]*npm test/);
  });

  it('says what is not built in yet, and what to do instead', () => {
    expect(readme).toMatch(/## Not yet: do this instead[\s\S]*retry with backoff[\s\S]*a timeout per task/);
  });
});

describe('links of the README and the guides', () => {
  const documents = ['README.md', ...readdirSync(join(root, 'guides')).map((name) => `guides/${name}`)];

  it.each(documents)('%s links only to files that exist', (document) => {
    const text = readFileSync(join(root, document), 'utf8');
    const missing = [...text.matchAll(/\]\((?!https?:|#)([^)#]+)(#[^)]*)?\)/g)]
      .map((m) => m[1]!)
      .filter((target) => !existsSync(join(root, dirname(document), target)));
    expect(missing).toEqual([]);
  });

  it('the README links to every guide', () => {
    for (const guide of readdirSync(join(root, 'guides'))) expect(readme).toContain(`](guides/${guide})`);
  });
});
