// The Redis of W7 and W8: a redis-server of the benchmark's own on a free loopback port, without
// persistence, and the count of commands it ran (INFO commandstats, scripts' inner ones included).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** Starts a redis-server; `port` given, it connects to one already running there instead. */
export async function localRedis(port) {
  let server;
  if (port === undefined) {
    port = await new Promise((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address();
        probe.close(() => resolve(port));
      });
    });
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve, reject) => {
      server.once('error', () => reject(new Error('no redis-server: apt-get update && apt-get install -y redis-server')));
      server.stdout.on('data', (chunk) => String(chunk).includes('Ready to accept connections') && resolve());
    });
  }
  const admin = new Redis({ port });
  return {
    port,
    admin,
    /** Starts counting from zero. */
    resetStats: () => admin.config('RESETSTAT'),
    /** Every command Redis ran since the last reset. */
    async commands() {
      let total = 0;
      for (const [, calls] of (await admin.info('commandstats')).matchAll(/calls=(\d+)/g)) total += Number(calls);
      return total;
    },
    stop() {
      admin.disconnect();
      server?.kill('SIGKILL');
    },
  };
}
