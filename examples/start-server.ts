// tg.start: a task that must be ready before the body goes on. The server task calls ready(port)
// once it listens; the body then calls it; cancelling the group closes the server.
// Run: npx tsx examples/start-server.ts

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runTaskGroup } from 'rxjs-asyncer';

/** Serves until `signal` aborts; calls `onListening(port)` once it accepts connections. */
function serve(signal: AbortSignal, onListening: (port: number) => void): Promise<void> {
  const server = createServer((_request, response) => response.end('hello'));
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => onListening((server.address() as AddressInfo).port));
    signal.addEventListener('abort', () => server.close(() => resolve()));
  });
}

await runTaskGroup(async (tg) => {
  const port = await tg.start((ready: (port: number) => void) => serve(tg.signal, ready));
  console.log(`listening on ${port}`);
  const response = await fetch(`http://127.0.0.1:${port}/`);
  console.log(`GET / -> ${await response.text()}`);
  tg.cancel(); // the server task ends; the group waits for it to close
});
console.log('server closed');
// listening on 40123
// GET / -> hello
// server closed
