import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

// The core and the operators in a real headless Chromium (Debian's `chromium`), bundled by esbuild
// from the built package, against a local server on a loopback port that sees what the browser
// sends, keeps open and aborts. npm test builds first; .ci/run installs chromium when missing.

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(`No Chromium at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
}

/** What the server saw: requests started, aborted by the browser, and the most open at once per
 * id prefix (`m3` counts under `m`). */
const seen = { started: [] as string[], aborted: [] as string[], open: new Map<string, number>(), mostOpen: new Map<string, number>() };
const waiters: { id: string; event: 'started' | 'aborted'; resolve: () => void }[] = [];
const notify = (event: 'started' | 'aborted', id: string): void => {
  for (const waiter of waiters.filter((w) => w.id === id && w.event === event)) waiter.resolve();
};
/** Resolves when the server has seen `event` for request `id`: waits for the event, not for time. */
const serverSaw = (event: 'started' | 'aborted', id: string): Promise<void> =>
  (event === 'started' ? seen.started : seen.aborted).includes(id) ? Promise.resolve() : new Promise((resolve) => waiters.push({ id, event, resolve }));

let bundles: Record<string, string>;
let server: Server;
let browser: Browser;
let page: Page;
const consoleLines: string[] = [];

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url!, 'http://localhost');
  const id = url.searchParams.get('id') ?? '';
  if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
  if (url.pathname === '/') return void res.end('<!doctype html><html><head><script type="module" src="/main.js"></script></head><body></body></html>');
  if (bundles[url.pathname] !== undefined) {
    res.setHeader('content-type', 'text/javascript');
    return void res.end(bundles[url.pathname]);
  }
  if (url.pathname === '/api/fast' || url.pathname === '/api/slow') {
    seen.started.push(id);
    notify('started', id);
    const prefix = id.replace(/\d+$/, '');
    const open = (seen.open.get(prefix) ?? 0) + 1;
    seen.open.set(prefix, open);
    seen.mostOpen.set(prefix, Math.max(seen.mostOpen.get(prefix) ?? 0, open));
    const done = (): void => void seen.open.set(prefix, seen.open.get(prefix)! - 1);
    if (url.pathname === '/api/fast') {
      done();
      return void res.end(`hello ${id}`);
    }
    const timer = setTimeout(() => {
      done();
      res.end(`slow ${id}`);
    }, Number(url.searchParams.get('ms')));
    req.on('close', () => {
      if (res.writableEnded) return;
      clearTimeout(timer); // the browser gave up on it: an aborted fetch
      done();
      seen.aborted.push(id);
      notify('aborted', id);
    });
    return;
  }
  res.statusCode = 404;
  res.end();
}

beforeAll(async () => {
  // workerpool requires Node's built-ins only in Node: a browser bundle maps them to nothing (the
  // README says so: esbuild `alias`, webpack `resolve.fallback: { worker_threads: false, ... }`)
  const empty = join(__dirname, 'page', 'empty.js');
  const common = {
    bundle: true,
    format: 'esm' as const,
    platform: 'browser' as const,
    write: false,
    logLevel: 'silent' as const,
    alias: { worker_threads: empty, os: empty, child_process: empty },
  };
  const [main, worker] = await Promise.all([
    build({ ...common, entryPoints: [join(__dirname, 'page', 'main.js')] }),
    build({ ...common, entryPoints: [join(__dirname, 'page', 'cpu.worker.js')] }),
  ]);
  bundles = { '/main.js': main.outputFiles![0]!.text, '/cpu.worker.js': worker.outputFiles![0]!.text };
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  page = await browser.newPage();
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${String(error)}`));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => document.title === 'ready');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

afterEach(() => {
  // a failing scenario shows what the page said
  if (consoleLines.length > 0) console.log(`page console:\n${consoleLines.join('\n')}`);
  consoleLines.length = 0;
});

const scenario = <T>(name: string): Promise<T> => page.evaluate((n) => (window as unknown as { scenarios: Record<string, () => Promise<unknown>> }).scenarios[n]!(), name) as Promise<T>;

describe('in a real browser (Chromium)', () => {
  it('a task group of three fetches, cancelled mid-way: the slow request is aborted at the server', async () => {
    await expect(scenario('groupStart')).resolves.toEqual(['hello a', 'hello b']);
    await serverSaw('started', 'c');
    await expect(scenario('groupCancel')).resolves.toEqual(['fulfilled', 'fulfilled', 'cancelled']);
    await serverSaw('aborted', 'c');
    expect(seen.aborted).toContain('c');
  });

  it('gather emits every value under its key', async () => {
    await expect(scenario('gather')).resolves.toEqual({ a: 'hello ga', b: 'hello gb' });
  });

  it("firstWins: the first success wins and the loser's fetch is aborted at the server", async () => {
    await expect(scenario('firstWins')).resolves.toBe('hello winner');
    await serverSaw('aborted', 'loser');
  });

  it('mapConcurrent keeps at most 3 requests open, and the order', async () => {
    await expect(scenario('mapConcurrent')).resolves.toEqual(Array.from({ length: 10 }, (_, i) => `slow m${i}`));
    expect(seen.mostOpen.get('m')).toBe(3);
  });

  it('a module Web Worker does the CPU work, and a cancel terminates a spinning one', async () => {
    await expect(scenario('worker')).resolves.toEqual({ fib: 46368, cancelled: 'AbortError', after: 55 });
  });
});
