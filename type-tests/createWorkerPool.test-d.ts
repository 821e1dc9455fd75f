import { expectAssignable, expectError, expectType } from 'tsd';
import type { Observable } from 'rxjs';
import { createTaskGroup, type SoonValue } from 'rxjs-asyncer';
import { createWorkerPool, type WorkerCall, type WorkerPool } from 'rxjs-asyncer/workers';

/** A worker module's type, as `typeof import('./image.worker.js')` gives it. */
interface ImageWorker {
  hash(data: Uint8Array, rounds: number): string;
  resize(image: ImageData, width: number): Promise<ImageData>;
  VERSION: number;
}

const pool = createWorkerPool<ImageWorker>(new URL('file:///image.worker.js'), { size: 2, name: 'images', idleTimeout: 500 });
expectType<WorkerPool<ImageWorker>>(pool);
expectAssignable<AsyncDisposable>(pool);

// call: exactly the worker function's parameters, and its awaited result
expectType<WorkerCall<string>>(pool.call.hash(new Uint8Array(), 3));
expectType<string>(await pool.call.hash(new Uint8Array(), 3));
expectAssignable<Observable<string>>(pool.call.hash(new Uint8Array(), 3));
expectType<WorkerCall<ImageData>>(pool.call.resize({} as ImageData, 640));
expectError(pool.call.hash(new Uint8Array()));
expectError(pool.call.hash(new Uint8Array(), '3'));
expectError(pool.call.hash(new Uint8Array(), 3, 'extra'));
expectError(pool.call.VERSION);
expectError(pool.call.missing);

// a task like any other: startSoon checks the arguments, the value is the result
const tg = createTaskGroup();
expectType<SoonValue<ImageData>>(tg.startSoon(pool.call.resize, {} as ImageData, 640));
expectError(tg.startSoon(pool.call.resize, {} as ImageData));

// run: the name is one of the functions, the args their parameters
expectType<Promise<string>>(pool.run('hash', [new Uint8Array(), 3], { signal: new AbortController().signal, transfer: [] }));
expectError(pool.run('hash', [new Uint8Array()]));
expectError(pool.run('VERSION', []));
expectError(pool.run('nope', []));
expectError(createWorkerPool<ImageWorker>(42));
