import { expectAssignable, expectError, expectType } from 'tsd';
import { createLimiter, createTaskGroup, type TaskGroup } from 'rxjs-asyncer';

const tg = createTaskGroup({ name: 'batch', timeout: 1000, signal: new AbortController().signal, limiter: createLimiter(2) });
expectType<TaskGroup>(tg);
expectAssignable<AsyncDisposable>(tg);
expectType<Promise<void>>(tg.join());
expectType<AbortSignal>(tg.signal);
expectType<boolean>(tg.closed);
expectType<void>(tg.cancel('reason'));
expectError(createTaskGroup({ timeout: '1s' }));
expectError(createTaskGroup({ limiter: { concurrency: 1 } }));
expectError(createTaskGroup({ unknown: true }));
expectError(tg.closed = true);

// nested groups: `parent: null` opts out of linking; nothing else is accepted there
expectType<TaskGroup>(createTaskGroup({ parent: null }));
expectError(createTaskGroup({ parent: tg }));
expectError(createTaskGroup({ parent: true }));

// concurrency: a number; a typo in a literal is a compile error (and a TypeError at run time)
expectType<TaskGroup>(createTaskGroup({ concurrency: 2, limiter: createLimiter(4) }));
expectError(createTaskGroup({ concurrency: '2' }));
expectError(createTaskGroup({ timout: 5 }));
