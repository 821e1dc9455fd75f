import { expectType } from 'tsd';
import type { Observable } from 'rxjs';
import type { TaskResult } from 'rxjs-asyncer';

expectType<number>({} as TaskResult<Promise<number>>);
expectType<number>({} as TaskResult<Observable<number>>);
expectType<number[]>({} as TaskResult<number[]>);
expectType<Set<number>>({} as TaskResult<Set<number>>);
expectType<Observable<number>>({} as TaskResult<Promise<Observable<number>>>);
