import { expectAssignable, expectError, expectType } from 'tsd';
import type { Observable } from 'rxjs';
import { createLimiter, createScope, type LimiterState, type Progress, type Scope, type SoonValue, type TaskEvent } from 'rxjs-asyncer';

const scope = createScope({ name: 'screen', limiter: createLimiter(2), signal: new AbortController().signal, onError: (error: unknown) => void error });
expectType<Scope>(scope);
expectAssignable<AsyncDisposable>(scope);
expectType<Observable<Progress>>(scope.progress$);
expectType<Observable<TaskEvent>>(scope.events$);
expectType<Observable<unknown>>(scope.errors$);
expectType<Promise<void>>(scope.whenIdle());
expectType<Promise<void>>(scope.close());
expectType<void>(scope.cancel('why'));
expectType<boolean>(scope.closed);
expectType<SoonValue<number>>(scope.soonify((n: number) => n * 2)(21));
expectError(scope.soonify((n: number) => n)('x'));
expectError(createScope({ onError: 'log' }));
expectError(createScope({ timeout: 5 }));
expectError(scope.closed = true);

// progress and events are read-only snapshots
declare const progress: Progress;
expectError(progress.total = 1);
declare const event: TaskEvent;
expectType<'added' | 'started' | 'progress' | 'fulfilled' | 'failed' | 'cancelled' | 'echo'>(event.type);
expectType<unknown>(event.value);
expectType<number>(event.id);
expectType<unknown>(event.error);
expectType<Observable<LimiterState>>(createLimiter(1).state$);
