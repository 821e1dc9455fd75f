/**
 * Reports an error nobody handles, so it is never silent: through the platform's `reportError`
 * where there is one (browsers, Deno, Bun: it reaches `window.onerror` and the console), else
 * by throwing it from a timer, as RxJS reports errors nobody handles (Node: `uncaughtException`).
 * @internal
 */
export function reportUnhandled(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') {
    report(error);
    return;
  }
  setTimeout(() => {
    throw error;
  });
}
