import { expectError, expectType } from 'tsd';
import { type Observable, of } from 'rxjs';
import { mapExhaust, mapLatest, type MapLatestOptions } from 'rxjs-asyncer/operators';

// mapLatest infers its output from the project, by the task value rule
expectType<Observable<string>>(of(1, 2).pipe(mapLatest((n: number) => Promise.resolve(String(n)))));
expectType<Observable<number>>(of('a').pipe(mapLatest((s: string, index: number, signal: AbortSignal) => of(s.length + index + Number(signal.aborted)))));
expectType<Observable<boolean>>(of(1).pipe(mapLatest((n: number) => n > 0, { progress: (p) => p.total })));
// the project's value type comes from the pipe, unannotated
expectType<Observable<string>>(of(1, 2).pipe(mapLatest((n, _index, signal) => fetch(`/q/${n}`, { signal }).then(() => n.toFixed(1)))));
// @ts-expect-error n is a number, not a string
of(1, 2).pipe(mapLatest((n) => n.toUpperCase()));
expectError(mapLatest((n: number) => n, { concurrency: 2 }));
expectError(mapLatest('project'));

// mapExhaust: the same signature
expectType<Observable<number>>(of('save').pipe(mapExhaust((_click, _index, signal) => Promise.resolve(Number(signal.aborted)))));
expectType<Observable<string[]>>(of(1).pipe(mapExhaust((n: number) => of([String(n)]))));
const options: MapLatestOptions = { progress: { next: (p) => p.cancelled } };
expectType<Observable<number>>(of(1).pipe(mapExhaust((n: number) => n, options)));
