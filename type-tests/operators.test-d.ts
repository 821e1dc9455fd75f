import { expectAssignable, expectError, expectType } from 'tsd';
import { type Observable, of, pipe } from 'rxjs';
import { createLimiter } from 'rxjs-asyncer';
import { firstWins, gather, mapConcurrent, mapConcurrentFrom, type TaskInput } from 'rxjs-asyncer/operators';

declare const user$: Observable<{ name: string }>;
declare function fetchCount(signal: AbortSignal): Promise<number>;
declare const ready: Promise<boolean>;

// gather: tuples keep each position's type
expectType<Observable<[{ name: string }, number, boolean, string[]]>>(gather([user$, fetchCount, ready, () => ['a']]));
expectType<Observable<[number, string]>>(gather([of(1), async () => 'x'] as const));
expectType<Observable<[]>>(gather([]));
// gather: arrays
declare const thunks: ((signal: AbortSignal) => Promise<number>)[];
expectType<Observable<number[]>>(gather(thunks));
// gather: records keep their keys
expectType<Observable<{ user: { name: string }; count: number; flags: string[] }>>(
  gather({ user: user$, count: fetchCount, flags: () => ['beta'] }),
);
// gather: settled entries
expectType<Observable<[PromiseSettledResult<number>, PromiseSettledResult<string>]>>(
  gather([of(1), async () => 'x'], { settled: true }),
);
expectType<Observable<{ a: PromiseSettledResult<number> }>>(gather({ a: fetchCount }, { settled: true }));
expectType<Observable<[number]>>(gather([of(1)], { settled: false, concurrency: 2, limiter: createLimiter(1) }));
expectError(gather([of(1)], { concurrency: '2' }));
expectError(gather(42));

// firstWins: the union of its inputs
expectType<Observable<number | string>>(firstWins([of(1), async () => 'x']));
expectType<Observable<number>>(firstWins([fetchCount, fetchCount], { stagger: 100 }));
expectError(firstWins([of(1)], { stagger: 'soon' }));

// TaskInput accepts every form
expectAssignable<TaskInput<number>>(of(1));
expectAssignable<TaskInput<number>>(Promise.resolve(1));
expectAssignable<TaskInput<number>>((signal: AbortSignal) => fetchCount(signal));
expectAssignable<TaskInput<number>>(() => 1);

// mapConcurrent: typed inside a pipe chain
expectType<Observable<string>>(of(1, 2).pipe(mapConcurrent((n: number) => Promise.resolve(String(n)), 2)));
expectType<Observable<number>>(of('a').pipe(mapConcurrent((s: string, index: number, signal: AbortSignal) => of(s.length + index + Number(signal.aborted)), { ordered: false })));
expectType<Observable<number[]>>(of(1).pipe(mapConcurrent((n: number) => [n], 1)));
expectError(of(1, 2).pipe(mapConcurrent((s: string) => s.toUpperCase(), 2)));
expectError(mapConcurrent((n: number) => n, '2'));
expectType<Observable<boolean>>(of(1).pipe(pipe(mapConcurrent((n: number) => n > 0, 1))));

// mapConcurrentFrom: sync and async iterables
declare function lines(): AsyncGenerator<string>;
expectType<Observable<number>>(mapConcurrentFrom([1, 2, 3], async (n) => n * 2, 4));
expectType<Observable<number>>(mapConcurrentFrom(lines(), (line) => of(line.length), { concurrency: 2 }));
expectType<Observable<string>>(mapConcurrentFrom(new Set(['a']), (s, i, signal) => (signal.aborted ? s : `${s}${i}`), 1));
expectError(mapConcurrentFrom(42, (n: number) => n, 1));
expectError(mapConcurrentFrom([1], (s: string) => s, 1));

// TaskInputs annotates a tuple of inputs
expectAssignable<import('rxjs-asyncer/operators').TaskInputs<[number, string]>>([of(1), async () => 'x']);
expectType<number>({} as import('rxjs-asyncer/operators').TaskInputValue<typeof fetchCount>);
