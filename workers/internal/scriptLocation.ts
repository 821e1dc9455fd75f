/**
 * Whether this runs in Node (worker_threads), rather than a browser (Web Workers). Read through
 * globalThis: this entry point is built without Node's types, to stay browser-clean.
 * @internal
 */
export const inNode = (): boolean =>
  typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === 'string';

/**
 * Where a worker module is, as its Worker constructor wants it: a file path for Node's
 * worker_threads (from a `file:` URL, without importing `node:url`, so this entry point bundles
 * for browsers), the URL itself for a browser.
 * @internal
 */
export function scriptLocation(url: URL | string): string {
  const href = typeof url === 'string' ? url : url.href;
  if (!inNode() || !href.startsWith('file:')) return href;
  const path = decodeURIComponent(new URL(href).pathname);
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path; // a Windows drive: C:/...
}
