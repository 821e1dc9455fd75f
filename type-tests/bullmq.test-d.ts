import { expectError, expectNotAssignable, expectType } from 'tsd';
import { createTaskGroup } from 'rxjs-asyncer';
import { connectTasks, serveTasks, type RemoteCall, type TaskServer } from 'rxjs-asyncer/bullmq';
import * as tasks from './fixtures/remoteTasks.js';

type Tasks = typeof tasks;
const remote = connectTasks<Tasks>('images', { connection: { host: 'localhost', port: 6379 }, lease: 10_000 });

// call.x: the task's parameters without the context, a value whose awaited type is the result
expectType<RemoteCall<{ path: string; bytes: number }>>(remote.call.resize('a.png', 640));
expectType<RemoteCall<number>>(remote.call.add(1, 2));
expectType<number>(await remote.call.add(1, 2));
expectError(remote.call.resize('a.png', '640'));             // a wrong argument
expectError(remote.call.resize('a.png', 640, {} as never as import('rxjs-asyncer/bullmq').TaskContext)); // the context is the worker's
expectError(remote.call.crop('a.png'));                       // an unknown task
expectError(remote.call.version);                             // not a function: not a task
expectNotAssignable<string>(await remote.call.add(1, 2));     // a wrong result type

// a task like any other
const tg = createTaskGroup();
expectType<import('rxjs-asyncer').SoonValue<{ path: string; bytes: number }>>(tg.startSoon(remote.call.resize, 'a.png', 640));

// run: the name is checked, and the arguments follow it
expectType<Promise<number>>(remote.run('add', [1, 2], { signal: new AbortController().signal, onProgress: (p) => void p }));
expectError(remote.run('crop', ['a.png']));
expectError(remote.run('add', [1, '2']));

// serveTasks
expectType<Promise<TaskServer>>(serveTasks('images', tasks, { connection: { host: 'localhost' }, concurrency: 4, lockDuration: 10_000 }));
expectError(serveTasks('images', tasks, { concurrency: 4 }));
