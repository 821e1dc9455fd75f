import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// ARCHITECTURE.md names, for each rule, the file that enforces it and the test that proves it.
// A rule whose test was renamed or removed would then prove nothing: this fails instead.

const root = join(__dirname, '..', '..');
const doc = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');
const rules = doc.slice(doc.indexOf('## The rules'));
const citations = [...rules.matchAll(/`(test\/[^`]+\.test\.ts)` › "([^"]+)"/g)].map((m) => ({ file: m[1]!, name: m[2]! }));
const musts = rules.split(/\n(?=\d+\. )/).filter((item) => /^\d+\. /.test(item));

describe('ARCHITECTURE.md', () => {
  it('gives every MUST a source file and a test', () => {
    expect(musts.length).toBeGreaterThanOrEqual(15);
    for (const must of musts) {
      expect(must).toMatch(/MUST/);
      expect(must).toMatch(/`(src|operators|timeline|angular|workers|node|redis|bullmq)\/[^`]+`/);
      expect(must).toMatch(/`test\/[^`]+\.test\.ts` › "/);
    }
  });

  it.each(citations)('names a test that exists: $file › $name', ({ file, name }) => {
    expect(existsSync(join(root, file))).toBe(true);
    expect(readFileSync(join(root, file), 'utf8')).toContain(`'${name}'`);
  });

  it('names source files that exist', () => {
    for (const [, path] of rules.matchAll(/`((?:src|operators|timeline|angular|workers|node|redis|bullmq)\/[^`]+\.ts)`/g)) expect(existsSync(join(root, path!))).toBe(true);
  });
});
