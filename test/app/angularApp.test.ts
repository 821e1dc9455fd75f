import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

// The Angular CLI app of examples/angular-app, as users ship it: its production build (made by
// `npm run build:app`, which `npm test` runs first), served by a local server that holds every
// API request open until the test answers it, in Debian's headless Chromium. The server sees what
// the browser really sends, keeps open and aborts.

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(`No Chromium at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
}
const DIST = join(__dirname, '..', '..', 'examples', 'angular-app', 'dist', 'angular-app', 'browser');
if (!existsSync(join(DIST, 'index.html'))) {
  throw new Error(`No production build of the app in ${DIST}: run \`npm run build:app\` (npm test does)`);
}

/** An API request the server holds open until the test answers it. */
interface Held {
  readonly method: string;
  readonly path: string;
  readonly url: URL;
  answer(body: unknown): void;
  aborted: boolean;
  answered: boolean;
}

const held: Held[] = [];
const log = { mostOpenArchives: 0 };
let changed: (() => void)[] = [];
const notify = (): void => {
  const waiting = changed;
  changed = [];
  for (const resolve of waiting) resolve();
};
/** Resolves once `predicate` holds, re-checked at each request the server sees start or end. */
async function serverSees(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise<void>((resolve) => changed.push(resolve));
}
const open = (prefix: string): Held[] => held.filter((r) => r.path.startsWith(prefix) && !r.aborted && !r.answered);
const all = (prefix: string): Held[] => held.filter((r) => r.path.startsWith(prefix));

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ico': 'image/x-icon' };

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url!, 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    const request: Held = {
      method: req.method!,
      path: url.pathname,
      url,
      aborted: false,
      answered: false,
      answer: (body) => {
        request.answered = true;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        notify();
      },
    };
    res.on('close', () => {
      if (!res.writableEnded) {
        request.aborted = true;
        notify();
      }
    });
    req.resume();
    held.push(request);
    log.mostOpenArchives = Math.max(log.mostOpenArchives, open('/api/items/').length);
    notify();
    return;
  }
  // the app's files; any other path is a route of the app: its index.html
  const file = normalize(join(DIST, url.pathname));
  const path = file.startsWith(DIST) && existsSync(file) && extname(file) !== '' ? file : join(DIST, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
}

let server: Server;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

afterEach(() => {
  // the app logs nothing to the console: an error there (NG0203, an unhandled rejection) fails the test
  expect(pageErrors).toEqual([]);
});

const text = (selector: string): Promise<string> => page.$eval(selector, (element) => element.textContent!.replace(/\s+/g, ' ').trim());
const navigate = (link: string): Promise<void> => page.click(`nav a.${link}`);

describe('the Angular CLI app (production build) in headless Chromium', () => {
  it('dashboard: gather loads three calls at once and renders them with its progress', async () => {
    await page.goto(`${base}/dashboard`);
    await serverSees(() => open('/api/').length === 3);
    expect(open('/api/').map((r) => r.path).sort()).toEqual(['/api/orders', '/api/profile', '/api/recommendations']);
    open('/api/profile')[0]!.answer({ name: 'Ada' });
    await page.waitForFunction(() => document.querySelector('.progress')?.textContent?.includes('1 of 3 loaded'));
    open('/api/orders')[0]!.answer([{ id: 1 }, { id: 2 }]);
    open('/api/recommendations')[0]!.answer(['tea', 'cake']);
    await page.waitForSelector('.name');
    expect(await text('.name')).toBe('Ada');
    expect(await text('.orders')).toBe('2 orders');
    expect(await text('.progress')).toBe('3 of 3 loaded');
  });

  it('bulk action: at most 3 requests open at once (limitRequests), a progress bar, every item archived', async () => {
    await navigate('bulk');
    await page.waitForSelector('button.archive');
    await page.click('button.archive');
    let archived = 0;
    while (archived < 24) {
      // mapConcurrent keeps 6 items in flight; the interceptor's limiter lets 3 requests out
      await serverSees(() => open('/api/items/').length === Math.min(3, 24 - archived));
      for (const request of open('/api/items/')) {
        request.answer({ id: Number(request.path.split('/')[3]) });
        archived++;
      }
      await page.waitForFunction((n: number) => document.querySelector('.status')?.textContent?.startsWith(`${n} of 24`), {}, archived);
    }
    expect(log.mostOpenArchives).toBe(3);
    expect(all('/api/items/')).toHaveLength(24);
    await page.waitForFunction(() => document.querySelector('.done')?.textContent === 'all archived');
    expect(await page.$eval('progress.bar', (bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max])).toEqual([24, 24]);
  });

  it('navigating away aborts the requests in flight, seen by the server, and starts no more', async () => {
    const before = all('/api/items/').length;
    await page.click('button.archive');
    await serverSees(() => open('/api/items/').length === 3);
    const inFlight = open('/api/items/');
    await navigate('dashboard');
    await serverSees(() => inFlight.every((r) => r.aborted));
    // the dashboard's own requests are the sign that navigation is done: none of the queued items was sent
    await serverSees(() => open('/api/profile').length === 1);
    expect(all('/api/items/').length - before).toBe(3);
    for (const request of open('/api/')) request.answer(request.path === '/api/profile' ? { name: 'Ada' } : []);
  });

  it('typeahead: each keystroke aborts the search before it on the server; only the latest renders', async () => {
    await navigate('search');
    await page.waitForSelector('input.query');
    await page.type('input.query', 'a');
    await serverSees(() => open('/api/search').length === 1);
    const first = open('/api/search')[0]!;
    expect(first.url.searchParams.get('q')).toBe('a');
    await page.type('input.query', 'n');
    await serverSees(() => first.aborted && open('/api/search').length === 1);
    const second = open('/api/search')[0]!;
    expect(second.url.searchParams.get('q')).toBe('an');
    second.answer(['angular', 'anyio']);
    await page.waitForFunction(() => document.querySelectorAll('.results li').length === 2);
    expect(await page.$$eval('.results li', (items) => items.map((li) => li.textContent))).toEqual(['angular', 'anyio']);
  });

  it('typeahead: leaving the page aborts the search in flight', async () => {
    await page.type('input.query', 'y');
    await serverSees(() => open('/api/search').length === 1);
    const pending = open('/api/search')[0]!;
    await navigate('dashboard');
    await serverSees(() => pending.aborted);
    await serverSees(() => open('/api/profile').length === 1);
    for (const request of open('/api/')) request.answer(request.path === '/api/profile' ? { name: 'Ada' } : []);
  });
});
