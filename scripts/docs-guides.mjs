// Makes the API site's pages from the guides: each guides/NN-name.md becomes a TypeDoc project
// document in docs-guides/ (git-ignored), titled by its first heading, and the README is the
// site's home page. The guides are the source (read on GitHub and npm as they are); this only
// adds TypeDoc's front matter and fixes links that cannot work on the site.
// Run by `npm run docs` and `npm run test:docs` before TypeDoc.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const guides = new URL('../guides/', import.meta.url);
const out = new URL('../docs-guides/', import.meta.url);
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
// TypeDoc's "On this page" leaves out a heading that is all inline code: plain text there
const plainHeadings = (markdown) => markdown.replace(/^(#{2,6} )(.*)$/gm, (_, hashes, heading) => `${hashes}${heading.replaceAll('`', '')}`);

const files = readdirSync(guides).filter((name) => /^\d\d-.+\.md$/.test(name)).sort();
if (files.length === 0) throw new Error('docs-guides: guides/ holds no NN-name.md guide');
for (const file of files) {
  const text = readFileSync(new URL(file, guides), 'utf8');
  const title = /^# (.+)$/m.exec(text)?.[1];
  if (!title) throw new Error(`docs-guides: guides/${file} has no "# title" line`);
  // another guide is another page of the site (its TypeDoc name); a file of the repository
  // (../bench/results.md) does not exist there: it becomes plain text naming the file
  const body = text
    .replace(/^# .+\n/m, '')
    .replace(/\]\((\d\d-[^)#]+\.md)(#[^)]*)?\)/g, (_, page, anchor = '') => `](${page}${anchor})`)
    .replace(/\[([^\]]+)\]\(\.\.\/([^)]+)\)/g, (_, label, path) => (label === path ? `\`${path}\`` : `${label} (\`${path}\` in the repository)`));
  writeFileSync(new URL(file, out), `---\ntitle: ${JSON.stringify(title.replaceAll('`', ''))}\ngroup: Guides\n---\n\n# ${title}\n${plainHeadings(body)}`);
}
// the home page: one directory down, so links to the repository's files go one level up
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const home = readme.replace(/\]\(guides\//g, '](').replace(/\]\((?!#|https?:|\d\d-)([^)]+)\)/g, '](../$1)');
writeFileSync(new URL('home.md', out), plainHeadings(home));
console.log(`docs-guides: ${files.length} guides from guides/, and the home page from the README`);
