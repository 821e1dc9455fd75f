import { expectError, expectType } from 'tsd';
import { type Observable, of } from 'rxjs';
import { mapConcurrentFrom } from 'rxjs-asyncer/operators';

// mapConcurrentFrom: sync and async iterables
declare function lines(): AsyncGenerator<string>;
expectType<Observable<number>>(mapConcurrentFrom([1, 2, 3], async (n) => n * 2, 4));
expectType<Observable<number>>(mapConcurrentFrom(lines(), (line) => of(line.length), { concurrency: 2 }));
expectType<Observable<string>>(mapConcurrentFrom(new Set(['a']), (s, i, signal) => (signal.aborted ? s : `${s}${i}`), 1));
expectError(mapConcurrentFrom(42, (n: number) => n, 1));
expectError(mapConcurrentFrom([1], (s: string) => s, 1));

// a readonly tuple is an Iterable like any other
const ids = [1, 2] as const;
expectType<Observable<number>>(mapConcurrentFrom(ids, async (id) => id * 2, 1));
// @ts-expect-error ids are numbers
mapConcurrentFrom(ids, (id) => id.toUpperCase(), 1);
