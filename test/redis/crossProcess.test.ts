import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { createRedisLimiter } from '../../redis/index.js';
import { startRedisServer, type RedisServer } from './redisServer.js';
import { launchNode, type NodeProcess } from '../support/nodeProcess.js';

// Several Node processes share one limit through a real redis-server (test/redis/fixtures/
// limitedWork.mjs, using the built package: npm test builds before jest).

const FIXTURE = join(__dirname, 'fixtures', 'limitedWork.mjs');
const ROOT = join(__dirname, '..', '..');

let server: RedisServer;
let admin: Redis;
const children: ChildProcess[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  admin = server.client();
});
/** what a test opened, undone after it however it ended: a failed test must not keep jest from exiting */
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await server.stop();
});

const launch = (...args: (string | number)[]): NodeProcess => launchNode(FIXTURE, [server.port, ...args], { cwd: ROOT, started: children });

const redisNow = async (): Promise<number> => {
  const [seconds, micros] = await admin.time();
  return Number(seconds) * 1000 + Number(micros) / 1000;
};

describe('createRedisLimiter across processes', () => {
  it('4 processes x 500 tasks, concurrency 8: never more than 8 held at once, and 8 reached', async () => {
    const workers = [0, 1, 2, 3].map(() => launch('four', 8, 5000, 'work', 500));
    const results = await Promise.all(workers.map((worker) => worker.exited));
    for (const { code, output } of results) expect([code, output.trim()]).toEqual([0, 'done']);
    expect(Number(await admin.get('acct:four:most'))).toBe(8);
    expect(Number(await admin.get('acct:four:now'))).toBe(0);
    expect(await admin.llen('acct:four:starts')).toBe(2000);
    expect(await admin.zcard('{four}:holders')).toBe(0);
    expect(await admin.zcard('{four}:queue')).toBe(0);
  }, 60_000);

  it('a process killed with SIGKILL: its permits come back within lease, and the others finish', async () => {
    const lease = 1000;
    const hog = launch('killed', 8, lease, 'hog');
    await hog.said('holding');
    const others = [launch('killed', 8, lease, 'work', 50), launch('killed', 8, lease, 'work', 50)];
    // the others queue behind the hog
    while ((await admin.zcard('{killed}:queue')) < 16) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await admin.llen('acct:killed:starts')).toBe(0);
    hog.child.kill('SIGKILL');
    const killedAt = await redisNow();
    const results = await Promise.all(others.map((other) => other.exited));
    for (const { code, output } of results) expect([code, output.trim()]).toEqual([0, 'done']);
    const firstStart = Number((await admin.lrange('acct:killed:starts', 0, 0))[0]);
    // the hog's leases were renewed at most at its death: they end within lease of it, and
    // waiters hear of the freed permits at their next poll (50 ms); 1 s of slack for a slow machine
    expect(firstStart - killedAt).toBeLessThan(lease + 1000);
    expect(Number(await admin.get('acct:killed:most'))).toBe(8);
  }, 60_000);

  it('a rate limit holds across processes', async () => {
    const workers = [0, 1].map(() => launch('rated', 'Infinity', 5000, 'work', 30, 10, 300));
    for (const { code, output } of await Promise.all(workers.map((worker) => worker.exited))) expect([code, output.trim()]).toEqual([0, 'done']);
    const starts = (await admin.lrange('acct:rated:starts', 0, -1)).map(Number).sort((a, b) => a - b);
    expect(starts).toHaveLength(60);
    // starts are recorded a round trip after their grant, so a window is checked 20 ms shorter
    let most = 0;
    for (let i = 0, j = 0; i < starts.length; i++) {
      while (starts[j]! <= starts[i]! - (300 - 20)) j++;
      most = Math.max(most, i - j + 1);
    }
    expect(most).toBeLessThanOrEqual(10);
    // and it did limit: 60 starts at 10 per 300 ms take at least 5 windows
    expect(starts[59]! - starts[0]!).toBeGreaterThanOrEqual(5 * 300 - 20);
  }, 60_000);

  describe.each(['group', 'bounded group', 'run', 'mapConcurrent', 'acquire'])('a process stopped past its lease (SIGSTOP), its task run via %s', (via) => {
    it('has its task aborted and failed with an error naming the limiter, once its slot went to another process', async () => {
      const key = `stall-${via.replace(' ', '-')}`;
      const lease = 1000;
      const stalled = launch(key, 1, lease, 'stall', via);
      await stalled.said('holding');
      stalled.child.kill('SIGSTOP');
      // the slot comes to another holder once the stopped process's lease ran out
      const client = server.client(); // closed by server.stop()
      const other = createRedisLimiter({ client, key, concurrency: 1, lease, pollInterval: 50, name: 'other' });
      cleanups.push(() => other[Symbol.asyncDispose]());
      const permit = await other.acquire();
      cleanups.push(() => permit.release());
      stalled.child.kill('SIGCONT');
      const { code, output } = await stalled.exited;
      const error =
        `Redis limiter ${JSON.stringify(key)} (key ${JSON.stringify(key)}) lost the lease of a permit: this process did not renew it within ${lease} ms ` +
        '(it stalled: a long GC pause, SIGSTOP, a suspended machine) and Redis gave its slot to another holder; the task under it was aborted';
      expect([code, output.trim().split('\n')]).toEqual([0, ['holding', `aborted: ${error}`, `failed: ${error}`]]);
      // the other holder kept its slot throughout
      expect(await client.hget(`{${key}}:tokens`, (await client.zrange(`{${key}}:holders`, 0, -1))[0]!)).not.toBeNull();
    }, 30_000);
  });
});
