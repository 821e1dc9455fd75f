// Serves the production build (dist/angular-app/browser) with a made-up API that answers slowly,
// and logs what the browser opens and aborts: watch a typeahead abort the searches it supersedes,
// and the bulk action never keep more than 3 requests open. `npm run example:app` at the
// repository's root builds the app and starts this; then open http://localhost:4300.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const DIST = join(import.meta.dirname, 'dist/angular-app/browser');
const PORT = Number(process.env.PORT ?? 4300);
const WORDS = ['angular', 'anyio', 'asyncer', 'rxjs', 'signals', 'structured concurrency', 'zoneless'];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ico': 'image/x-icon' };
let open = 0;

/** What each API path answers, and after how many milliseconds. */
function api(method, url) {
  if (url.pathname === '/api/profile') return [600, { name: 'Ada' }];
  if (url.pathname === '/api/orders') return [900, [{ id: 1 }, { id: 2 }, { id: 3 }]];
  if (url.pathname === '/api/recommendations') return [1200, ['tea', 'cake']];
  if (url.pathname === '/api/search') return [400, WORDS.filter((word) => word.includes(url.searchParams.get('q') ?? ''))];
  if (method === 'PUT' && url.pathname === '/api/draft') return [700, { version: Date.now() % 1000 }];
  const item = /^\/api\/items\/(\d+)\/archive$/.exec(url.pathname);
  if (method === 'POST' && item) return [300 + Math.random() * 400, { id: Number(item[1]) }];
  return undefined;
}

createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    const answer = api(req.method, url);
    if (!answer) return void res.writeHead(404).end();
    const [ms, body] = answer;
    console.log(`open ${++open}  ${req.method} ${url.pathname}${url.search}`);
    const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)), ms);
    res.on('close', () => {
      open--;
      if (!res.writableEnded) {
        clearTimeout(timer);
        console.log(`ABORTED by the browser: ${req.method} ${url.pathname}${url.search}`);
      }
    });
    return;
  }
  const file = normalize(join(DIST, url.pathname));
  const path = file.startsWith(DIST) && extname(file) !== '' && existsSync(file) ? file : join(DIST, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
}).listen(PORT, () => console.log(`the app: http://localhost:${PORT}/`));
