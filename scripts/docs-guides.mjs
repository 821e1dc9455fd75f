// Cuts the README's guides into pages for the API site: each section below becomes one TypeDoc
// project document in docs-guides/ (git-ignored), so the site and the README never disagree. The
// site's home page is the README itself, copied to docs-guides/home.md with the same heading fix.
// Run by `npm run docs` and `npm run test:docs` before TypeDoc.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** [README heading (the `## ` line, without it), page file, page title] */
const GUIDES = [
  ['Tutorial', 'tutorial', 'Tutorial'],
  ['Errors and cancellation: the rules', 'rules', 'Errors and cancellation: the rules'],
  ['Operators: `rxjs-asyncer/operators`', 'operators', 'Operators'],
  ['Long-lived scopes: `createScope`', 'scopes', 'Long-lived scopes'],
  ['Progress and events', 'progress', 'Progress and events'],
  ['Limiter', 'limiter', 'Limiter'],
  ['Across processes: `rxjs-asyncer/redis`', 'across-processes', 'Across processes'],
  ['Angular: `rxjs-asyncer/angular`', 'angular', 'Angular'],
  ['Parallel work: `rxjs-asyncer/workers`', 'parallel-work', 'Parallel work'],
  ['Across machines: `rxjs-asyncer/bullmq`', 'across-machines', 'Across machines'],
  ['Programs and Ctrl-C: `runMain`', 'run-main', 'Programs and Ctrl-C'],
];

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const sections = new Map();
for (const part of readme.split(/^## /m).slice(1)) {
  const newline = part.indexOf('\n');
  sections.set(part.slice(0, newline).trim(), part.slice(newline + 1));
}
const out = new URL('../docs-guides/', import.meta.url);
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
// TypeDoc's "On this page" leaves out a heading that is all inline code: plain text there
const plainHeadings = (markdown) => markdown.replace(/^(#{2,6} )(.*)$/gm, (_, hashes, heading) => `${hashes}${heading.replaceAll('`', '')}`);

GUIDES.forEach(([heading, file, title], i) => {
  const body = sections.get(heading);
  if (body === undefined) throw new Error(`docs-guides: the README has no section "## ${heading}"`);
  // links to files of the repository (bench/results.md) and to the README's own headings do not
  // exist on the site: they become plain text naming the file or section
  const text = body
    .replace(/\[([^\]]+)\]\(#[^)]+\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?!https?:)([^)]+)\)/g, (_, label, path) => (label === path ? `\`${path}\`` : `${label} (\`${path}\` in the repository)`));
  writeFileSync(new URL(`${String(i + 1).padStart(2, '0')}-${file}.md`, out), `---\ntitle: ${JSON.stringify(title)}\ngroup: Guides\n---\n\n# ${title}\n\n${plainHeadings(text)}`);
});
// the home page: one directory down, so links to the repository's files go one level up; links to
// the page's own headings stay (plain headings keep their anchors: the backticks were not in them)
const home = readme.replace(/\]\((?!#|https?:)([^)]+)\)/g, '](../$1)');
writeFileSync(new URL('home.md', out), plainHeadings(home));
console.log(`docs-guides: ${GUIDES.length} guides and the home page from the README`);
