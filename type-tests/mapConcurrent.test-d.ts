import { expectError, expectType } from 'tsd';
import { type Observable, of, pipe } from 'rxjs';
import { mapConcurrent } from 'rxjs-asyncer/operators';

// mapConcurrent: typed inside a pipe chain
expectType<Observable<string>>(of(1, 2).pipe(mapConcurrent((n: number) => Promise.resolve(String(n)), 2)));
expectType<Observable<number>>(of('a').pipe(mapConcurrent((s: string, index: number, signal: AbortSignal) => of(s.length + index + Number(signal.aborted)), { ordered: false })));
expectType<Observable<number[]>>(of(1).pipe(mapConcurrent((n: number) => [n], 1)));
expectError(of(1, 2).pipe(mapConcurrent((s: string) => s.toUpperCase(), 2)));
expectError(mapConcurrent((n: number) => n, '2'));
expectType<Observable<boolean>>(of(1).pipe(pipe(mapConcurrent((n: number) => n > 0, 1))));

// the project's value type comes from the pipe, unannotated
const names$ = of(1, 2).pipe(mapConcurrent((n) => Promise.resolve(n.toFixed(1)), 2));
expectType<Observable<string>>(names$);
// @ts-expect-error n is a number, not a string
of(1, 2).pipe(mapConcurrent((n) => n.toUpperCase(), 2));
