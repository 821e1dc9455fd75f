import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Cluster, Redis } from 'ioredis';
import { until } from '../support/nodeProcess.js';
import { freePort } from './redisServer.js';

// A real Redis Cluster for the tests: three masters, each with a replica, on loopback ports,
// without persistence, with a node timeout of one second so that a replica takes over from a
// killed master within a few. Debian's redis-server and redis-cli (.ci/run installs them).

const BINARY = process.env['REDIS_SERVER'] ?? 'redis-server';
const CLI = process.env['REDIS_CLI'] ?? 'redis-cli';
const run = promisify(execFile);

export interface RedisCluster {
  /** the nodes' ports, masters first as created */
  readonly ports: readonly number[];
  /** A new ioredis Cluster client (closed by `stop`). */
  client(): Cluster;
  /** The port of the master that serves `key`'s slot now. */
  masterOf(key: string): Promise<number>;
  /** Kills the node on `port` with SIGKILL. */
  kill(port: number): Promise<void>;
  /** Resolves once every live node says the cluster is ok and `key`'s slot has a live master. */
  healthy(key: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisCluster(): Promise<RedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'rxa-cluster-'));
  const ports: number[] = [];
  const nodes = new Map<number, ChildProcess>();
  const clients: Cluster[] = [];
  const alive = (port: number): boolean => {
    const node = nodes.get(port);
    return node !== undefined && node.exitCode === null && node.signalCode === null;
  };

  for (let i = 0; i < 6; i++) {
    const port = await freePort();
    const bus = await freePort();
    ports.push(port);
    // prettier-ignore
    const args = ['--port', String(port), '--cluster-port', String(bus), '--bind', '127.0.0.1', '--cluster-enabled', 'yes',
      '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '1000', '--save', '', '--appendonly', 'no',
      // a replica may take over however long ago it last heard its master (a young cluster's first sync)
      '--cluster-replica-validity-factor', '0'];
    const node = spawn(BINARY, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    nodes.set(port, node);
    await new Promise<void>((resolve, reject) => {
      let output = '';
      node.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      });
      node.once('exit', (code) => reject(new Error(`redis-server (cluster node ${port}) exited (${code}): ${output}`)));
    });
  }
  try {
    await run(CLI, ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '1', '--cluster-yes']);
  } catch (error) {
    throw new Error(`redis-cli --cluster create failed (is Debian's redis-tools installed? apt-get install -y redis-tools): ${(error as Error).message}`);
  }

  /** a client of one node, for one question: the caller disconnects it */
  const admin = (port: number): Redis => {
    const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    return client;
  };
  const masterOf = async (key: string): Promise<number> => {
    for (const port of ports) {
      if (!alive(port)) continue;
      const node = admin(port);
      try {
        const slot = Number(await node.call('CLUSTER', 'KEYSLOT', key));
        const ranges = (await node.call('CLUSTER', 'SLOTS')) as [number, number, [string, number]][];
        const range = ranges.find(([from, to]) => slot >= from && slot <= to);
        if (range) return range[2][1];
      } catch {
        // a node that is going away: ask another
      } finally {
        node.disconnect();
      }
    }
    throw new Error(`no live node knows the master of ${key}`);
  };
  const healthy = async (key: string): Promise<void> => {
    await until(
      async () => {
        for (const port of ports) {
          if (!alive(port)) continue;
          const node = admin(port);
          try {
            const info = String(await node.call('CLUSTER', 'INFO'));
            if (!info.includes('cluster_state:ok')) return false;
          } catch {
            return false;
          } finally {
            node.disconnect();
          }
        }
        const master = await masterOf(key).catch(() => undefined);
        return master !== undefined && alive(master);
      },
      'the cluster is ok',
      30_000,
    );
  };
  await healthy('{bull}');
  // and every replica has its master's data: until then it could not take over
  await until(
    async () => {
      for (const port of ports) {
        const node = admin(port);
        try {
          const info = String(await node.info('replication'));
          if (info.includes('role:slave') && !info.includes('master_link_status:up')) return false;
        } catch {
          return false;
        } finally {
          node.disconnect();
        }
      }
      return true;
    },
    'every replica in sync with its master',
    30_000,
  );

  const kill = async (port: number): Promise<void> => {
    const node = nodes.get(port);
    if (!node || !alive(port)) return;
    const exited = new Promise((resolve) => node.once('exit', resolve));
    node.kill('SIGKILL');
    await exited;
  };

  return {
    ports,
    client() {
      const client = new Cluster(
        ports.slice(0, 3).map((port) => ({ host: '127.0.0.1', port })),
        { redisOptions: { maxRetriesPerRequest: null }, clusterRetryStrategy: () => 100 },
      );
      client.on('error', () => undefined); // a killed node's refused connections are expected
      clients.push(client);
      return client;
    },
    masterOf,
    kill,
    healthy,
    async stop() {
      for (const client of clients) client.disconnect();
      await Promise.all(ports.map(kill));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
