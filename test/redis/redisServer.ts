import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

// A real redis-server for the tests: started on a free loopback port, without persistence, and
// stopped after. Debian's `redis-server` package; .ci/run installs it when missing.

const BINARY = process.env['REDIS_SERVER'] ?? 'redis-server';

const findBinary = (): string => {
  try {
    execFileSync(BINARY, ['--version'], { stdio: 'ignore' });
    return BINARY;
  } catch {
    throw new Error(`No ${BINARY} on this machine: install it with \`apt-get update && apt-get install -y redis-server\` (or set REDIS_SERVER)`);
  }
};

/** A loopback port nobody listens on now (also for test/redis/redisCluster.ts). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** A new client of this server (closed by `stop`). */
  client(options?: { maxRetriesPerRequest?: number | null; enableOfflineQueue?: boolean }): Redis;
  /** Stops the server (its data is gone: no persistence) and starts a new one on the same port. */
  restart(pauseMs?: number): Promise<void>;
  /** Kills the server, leaving it down. */
  kill(): Promise<void>;
  /** Starts it again after `kill`. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const binary = findBinary();
  const port = await freePort();
  const clients: Redis[] = [];
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    const started = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'notice'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      };
      started.stdout!.on('data', onData);
      started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready: ${output}`)));
    });
  };

  const kill = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };

  await start(); // the notice log level prints "Ready to accept connections"

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    client(options = {}) {
      const client = new Redis({ port, host: '127.0.0.1', lazyConnect: false, ...options });
      client.on('error', () => undefined); // refused connections while the server is down are expected
      clients.push(client);
      return client;
    },
    async restart(pauseMs = 0) {
      await kill();
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      await start();
    },
    kill,
    start,
    async stop() {
      for (const client of clients) client.disconnect();
      await kill();
    },
  };
}
