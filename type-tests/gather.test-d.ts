import { expectError, expectType } from 'tsd';
import { type Observable, of } from 'rxjs';
import { createLimiter } from 'rxjs-asyncer';
import { gather } from 'rxjs-asyncer/operators';

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

// a spread keeps the positions before it; readonly tuples are accepted
declare const rest: ((signal: AbortSignal) => Promise<number>)[];
expectType<Observable<[string, ...number[]]>>(gather([of('a'), ...rest]));
expectType<Observable<[number, string]>>(gather([of(1), of('a')] as const));
gather([of(1), of('a')] as const).subscribe(([n, s]) => {
  expectType<number>(n);
  // @ts-expect-error position 1 is a string
  s.toFixed();
});
