import { firstValueFrom, lastValueFrom, NEVER, of, Subject, toArray } from 'rxjs';
import type { Progress } from '../src/index.js';
import { firstWins, gather, mapConcurrent, mapConcurrentFrom } from '../operators/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';

const counts = (p: Progress): number[] => [p.total, p.queued, p.running, p.fulfilled, p.failed, p.cancelled];

describe("the operators' progress option", () => {
  it('takes an Observer that is also a function (a signal with next) as an Observer, not as a callback', async () => {
    const seen: number[] = [];
    let calledAsCallback = 0;
    const both = Object.assign(() => (calledAsCallback++, undefined), { next: (p: Progress) => seen.push(p.fulfilled) });
    await firstValueFrom(gather([() => 1, () => 2], { progress: both }));
    expect(seen.at(-1)).toBe(2);
    expect(calledAsCallback).toBe(0);
  });

  it('gather knows its total up front and tells an Observer, then completes it', async () => {
    const seen: number[][] = [];
    let completed = 0;
    await firstValueFrom(gather([async () => 1, async () => 2], { concurrency: 1, progress: { next: (p) => seen.push(counts(p)), complete: () => completed++ } }));
    expect(seen[0]).toEqual([2, 2, 0, 0, 0, 0]);
    expect(seen.at(-1)).toEqual([2, 0, 0, 2, 0, 0]);
    expect(completed).toBe(1);
  });

  it('a failure counts once and cancels the rest, queued ones included', async () => {
    const seen: number[][] = [];
    await firstValueFrom(gather([() => NEVER, () => Promise.reject(new Error('x')), async () => 3], { concurrency: 2, progress: (p) => seen.push(counts(p)) })).catch(() => undefined);
    expect(seen.at(-1)).toEqual([3, 0, 0, 0, 1, 2]);
  });

  it('unsubscribing counts what was in flight or queued as cancelled', async () => {
    const seen: number[][] = [];
    const source = new Subject<number>();
    const subscription = source.pipe(mapConcurrent(() => NEVER, { concurrency: 1, progress: (p) => seen.push(counts(p)) })).subscribe();
    source.next(1);
    source.next(2);
    subscription.unsubscribe();
    expect(seen.at(-1)).toEqual([2, 0, 0, 0, 0, 2]);
  });

  it('firstWins: the winner fulfilled, the losers and the inputs never started cancelled', async () => {
    const seen: number[][] = [];
    const slow = deferred<number>();
    const fails = (): never => {
      throw new Error('x'); // fails before the winner resolves
    };
    await firstValueFrom(firstWins([() => slow.promise, async () => 2, fails], { progress: (p) => seen.push(counts(p)) }));
    expect(seen[0]).toEqual([3, 3, 0, 0, 0, 0]);
    expect(seen.at(-1)).toEqual([3, 0, 0, 1, 1, 1]);
  });

  it('firstWins with stagger: inputs never started count as cancelled when one wins', async () => {
    const seen: number[][] = [];
    await firstValueFrom(firstWins([async () => 1, async () => 2], { stagger: 1000, progress: (p) => seen.push(counts(p)) }));
    await flushMicrotasks();
    expect(seen.at(-1)).toEqual([2, 0, 0, 1, 0, 1]);
  });

  it('mapConcurrentFrom: total grows as items are pulled', async () => {
    const totals: number[] = [];
    const out = await lastValueFrom(mapConcurrentFrom([1, 2, 3], async (x) => x, { concurrency: 1, progress: (p) => totals.push(p.total) }).pipe(toArray()));
    expect(out).toEqual([1, 2, 3]);
    expect(totals[0]).toBe(1);
    expect(Math.max(...totals)).toBe(3);
  });

  it('each subscription counts for itself', async () => {
    const totals: number[] = [];
    const source = of(1, 2).pipe(mapConcurrent(async (x: number) => x, { concurrency: 2, progress: (p) => totals.push(p.total) }));
    await lastValueFrom(source);
    await lastValueFrom(source);
    expect(Math.max(...totals)).toBe(2);
  });

  it.each([
    ['gather', () => gather([], { progress: 5 as never })],
    ['firstWins', () => firstWins([], { progress: 'yes' as never })],
    ['mapConcurrent', () => mapConcurrent(() => 1, { progress: {} as never })],
    ['mapConcurrentFrom', () => mapConcurrentFrom([], () => 1, { progress: null as never })],
  ])('%s refuses a progress option that is neither a function nor an Observer', (name, call) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(new RegExp(`^${name}\\(.*\\): options\\.progress must be a function or an Observer of Progress, got`));
  });
});
