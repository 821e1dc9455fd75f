import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server for tests that use a real HTTP client: `/hang` never answers (until the
 * client goes away, which it counts), `/fail` answers 500 at once, `/ok?v=x` answers `"x"`.
 */
export interface TestServer {
  readonly url: string;
  /** requests to `/hang` that the client closed before any answer */
  readonly closedByClient: number;
  /** requests open right now */
  readonly open: number;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  let closedByClient = 0;
  let open = 0;
  const server: Server = createServer((request: IncomingMessage, response) => {
    open++;
    response.on('close', () => {
      open--;
      if (!response.writableEnded) closedByClient++;
    });
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/fail') {
      response.writeHead(500).end('failed');
    } else if (url.pathname === '/ok') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(url.searchParams.get('v')));
    }
    // '/hang': no answer
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get closedByClient() {
      return closedByClient;
    },
    get open() {
      return open;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
