import { runTaskGroup, createTaskGroup, type SoonValue } from '../../src/index.js';
import { deferred, flushMicrotasks } from '../support/deferred.js';

/** Records how each waiter of a SoonValue was told: 'v:<value>', 'e', or nothing. */
function waiters(count: { subscribers: number; awaiters: number }, sv: SoonValue<unknown>, log: string[]): void {
  for (let i = 0; i < count.subscribers; i++) {
    sv.subscribe({ next: (v) => log.push(`sub${i}:v:${String(v)}`), error: () => log.push(`sub${i}:e`), complete: () => log.push(`sub${i}:c`) });
  }
  for (let i = 0; i < count.awaiters; i++) {
    sv.then(
      (v) => log.push(`await${i}:v:${String(v)}`),
      () => log.push(`await${i}:e`),
    );
  }
}

describe('SoonValue waiters', () => {
  const shapes = [
    { subscribers: 1, awaiters: 1 },
    { subscribers: 3, awaiters: 1 },
    { subscribers: 2, awaiters: 2 },
    { subscribers: 4, awaiters: 0 },
  ];

  it.each(shapes)('tells every waiter once when the task succeeds (%p)', async (shape) => {
    const gate = deferred<number>();
    const tg = createTaskGroup();
    const sv = tg.soonify(() => gate.promise)();
    const log: string[] = [];
    waiters(shape, sv, log);
    gate.resolve(7);
    await tg.join();
    await flushMicrotasks();
    for (let i = 0; i < shape.subscribers; i++) expect(log.filter((l) => l.startsWith(`sub${i}:`))).toEqual([`sub${i}:v:7`, `sub${i}:c`]);
    for (let i = 0; i < shape.awaiters; i++) expect(log.filter((l) => l.startsWith(`await${i}:`))).toEqual([`await${i}:v:7`]);
  });

  it.each(shapes)('tells every waiter once when the task fails (%p)', async (shape) => {
    const gate = deferred<number>();
    const tg = createTaskGroup();
    const sv = tg.soonify(() => gate.promise)();
    const log: string[] = [];
    waiters(shape, sv, log);
    gate.reject(new Error('boom'));
    await expect(tg.join()).rejects.toThrow('boom');
    await flushMicrotasks();
    expect(log.filter((l) => l.endsWith(':e'))).toHaveLength(shape.subscribers + shape.awaiters);
  });

  it.each(shapes)('tells every waiter once when the task is cancelled (%p)', async (shape) => {
    const tg = createTaskGroup();
    const sv = tg.soonify(() => new Promise<number>(() => undefined))();
    const log: string[] = [];
    waiters(shape, sv, log);
    tg.cancel('stop');
    await flushMicrotasks();
    expect(log.filter((l) => l.endsWith(':e'))).toHaveLength(shape.subscribers + shape.awaiters);
    expect(sv.status).toBe('cancelled');
  });

  it('an awaiter added after a subscriber is told (the hang of 0.1.0)', async () => {
    const result = await runTaskGroup(async (tg) => {
      const sv = tg.soonify(async () => 'done')();
      sv.subscribe();
      return await sv;
    });
    expect(result).toBe('done');
  });

  it('waiters added after settling are told too, in any order', async () => {
    const tg = createTaskGroup();
    const sv = tg.soonify(() => 5)();
    await tg.join();
    const log: string[] = [];
    waiters({ subscribers: 2, awaiters: 2 }, sv, log);
    await flushMicrotasks();
    expect(log.sort()).toEqual(['await0:v:5', 'await1:v:5', 'sub0:c', 'sub0:v:5', 'sub1:c', 'sub1:v:5']);
  });

  it('a subscriber that unsubscribes before settling is not told, the others are', async () => {
    const gate = deferred<number>();
    const tg = createTaskGroup();
    const sv = tg.soonify(() => gate.promise)();
    const log: string[] = [];
    const first = sv.subscribe((v) => log.push(`first:${v}`));
    sv.subscribe((v) => log.push(`second:${v}`));
    first.unsubscribe();
    gate.resolve(1);
    await tg.join();
    expect(log).toEqual(['second:1']);
  });
});
