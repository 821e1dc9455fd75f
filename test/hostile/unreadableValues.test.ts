import { firstValueFrom, from, lastValueFrom, toArray } from 'rxjs';
import { createLimiter, createTaskGroup, runTaskGroup, taskGroup } from '../../src/index.js';
import { firstWins, gather, mapConcurrent, mapConcurrentFrom } from '../../operators/index.js';
import { flushMicrotasks } from '../support/deferred.js';
import { revokedProxy, throwingThen } from '../support/hostile.js';
import { untilAborted } from '../support/probes.js';

// A task value whose shape cannot be read fails that task with the error reading it, as `await`
// rejects: the slot is given back, siblings are cancelled, nothing hangs or goes unhandled.

const unreadable: [string, () => object, unknown][] = [
  ['a `then` getter that throws', () => throwingThen(new Error('then getter threw')), 'then getter threw'],
  ['a revoked Proxy', revokedProxy, 'revoked'],
];

describe.each(unreadable)('a task value with %s', (_name, make, message) => {
  const matches = (error: unknown): boolean => String((error as Error).message).includes(message as string);

  it('await rejects with that error (the reference)', async () => {
    const error = await (async () => make())().then(() => undefined, (e: unknown) => e);
    expect(matches(error)).toBe(true);
  });

  it('limiter.run rejects and gives the slot back; the next call runs', async () => {
    const limiter = createLimiter(1);
    const error = await limiter.run(() => make()).then(() => undefined, (e: unknown) => e);
    expect(matches(error)).toBe(true);
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
    await expect(limiter.run(() => 2)).resolves.toBe(2);
  });

  it('createTaskGroup: the handle rejects, the join rejects, the limiter slot comes back', async () => {
    const limiter = createLimiter(1);
    const tg = createTaskGroup({ limiter });
    const sv = tg.soonify(() => make())();
    const error = await tg.join().then(() => undefined, (e: unknown) => e);
    expect(matches(error)).toBe(true);
    expect(sv.status).toBe('failed');
    expect(limiter.running).toBe(0);
  });

  it('runTaskGroup: siblings see their signal abort and the group rejects once they end', async () => {
    let siblingAborted = false;
    const error = await runTaskGroup((tg) => {
      tg.soonify(async () => {
        await untilAborted(tg.signal).catch(() => (siblingAborted = true));
      })();
      tg.soonify(() => make())();
    }).then(() => undefined, (e: unknown) => e);
    expect(matches(error)).toBe(true);
    expect(siblingAborted).toBe(true);
  });

  it('runTaskGroup: a body that returns it fails the group', async () => {
    const error = await runTaskGroup(() => make()).then(() => undefined, (e: unknown) => e);
    expect(matches(error)).toBe(true);
  });

  it('taskGroup: errors', async () => {
    await expect(firstValueFrom(taskGroup((tg) => tg.soonify(() => make())()))).rejects.toThrow(message as string);
  });

  it('the operators fail with it and cancel the rest', async () => {
    const signals: AbortSignal[] = [];
    const keep = (signal: AbortSignal): Promise<never> => {
      signals.push(signal);
      return untilAborted(signal);
    };
    await expect(firstValueFrom(gather([keep, () => make()]))).rejects.toThrow(message as string);
    await expect(firstValueFrom(gather([keep, () => make()], { concurrency: 2 }))).rejects.toThrow(message as string);
    await expect(lastValueFrom(from([0, 1]).pipe(mapConcurrent((i, _n, s) => (i === 0 ? keep(s) : make()), 2)))).rejects.toThrow(message as string);
    await expect(lastValueFrom(mapConcurrentFrom([0, 1], (i, _n, s) => (i === 0 ? keep(s) : make()), Infinity))).rejects.toThrow(message as string);
    expect(signals.map((s) => s.aborted)).toEqual([true, true, true, true]);
    const racer = await firstValueFrom(firstWins([() => make(), async () => 'ok'])).catch((e: unknown) => e);
    expect(racer).toBe('ok'); // a failing input does not end a race
  });
});

describe('thenables are followed as await follows them', () => {
  const nested = (value: unknown) => ({ then: (resolve: (v: unknown) => void) => resolve(Promise.resolve(value)) });

  it('a thenable resolving with a promise gives that promise’s value', async () => {
    const tg = createTaskGroup();
    const sv = tg.soonify(() => nested(42))();
    await tg.join();
    expect(sv.value).toBe(42);
    await expect(runTaskGroup(() => nested('body'))).resolves.toBe('body');
    await expect(createLimiter(1).run(() => nested(1))).resolves.toBe(1);
    await expect(firstValueFrom(gather([() => nested(1), nested(2) as unknown as PromiseLike<number>]))).resolves.toEqual([1, 2]);
    await expect(lastValueFrom(mapConcurrentFrom([5], (x) => nested(x), 1).pipe(toArray()))).resolves.toEqual([5]);
  });

  it('a thenable whose then throws rejects with that error', async () => {
    const boom = new Error('then threw');
    const thenable = {
      then() {
        throw boom;
      },
    };
    await expect(runTaskGroup((tg) => tg.soonify(() => thenable)())).rejects.toBe(boom);
    await flushMicrotasks();
  });
});
