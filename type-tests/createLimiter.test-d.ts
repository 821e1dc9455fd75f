import { expectError, expectType } from 'tsd';
import { of } from 'rxjs';
import { createLimiter, createTaskGroup, type Limiter, type LimiterLike, type Permit } from 'rxjs-asyncer';
import { gather, mapConcurrent } from 'rxjs-asyncer/operators';

const limiter = createLimiter(4);
expectType<Limiter>(limiter);
expectType<number>(limiter.concurrency);
limiter.concurrency = 8;
expectType<number>(limiter.running);
expectType<number>(limiter.pending);
expectError((limiter.running = 1));

// run: the task value rule, and the signal
expectType<Promise<number>>(limiter.run(async () => 1));
expectType<Promise<string>>(limiter.run(() => of('a')));
expectType<Promise<boolean>>(limiter.run((signal) => signal.aborted));
expectType<Promise<number[]>>(limiter.run(() => [1], new AbortController().signal));
expectError(limiter.run(() => 1, 'signal'));
expectError(createLimiter('4'));

// it plugs into groups and soonify
createTaskGroup({ limiter });
createTaskGroup().soonify(async () => 1, { limiter });
expectError(createTaskGroup({ limiter: 4 }));

// options: rate and priority
createLimiter(4, { rate: { limit: 100, interval: 60_000 } });
createLimiter(4, { priority: true });
expectError(createLimiter(4, { rate: { limit: 100 } }));
expectError(createLimiter(4, { priority: 1 }));
expectType<Promise<number>>(limiter.run(() => 1, undefined, { priority: 2 }));
expectError(limiter.run(() => 1, undefined, { priority: 'high' }));

// acquire gives a permit
expectType<Promise<Permit>>(limiter.acquire());
expectType<Promise<Permit>>(limiter.acquire(new AbortController().signal, { priority: 1 }));

// the open protocol: any object with acquire(signal) is accepted where a limiter is
const foreign: LimiterLike = { acquire: async () => ({ release() {} }) };
createTaskGroup({ limiter: foreign });
createTaskGroup().soonify(async () => 1, { limiter: foreign });
gather([() => 1], { limiter: foreign });
mapConcurrent((n: number) => n, { limiter: foreign });
expectError(createTaskGroup({ limiter: { run: async () => 1 } }));
const asProtocol: LimiterLike = limiter;
void asProtocol;

// a permit may carry the signal that aborts if its slot is lost; a LimiterLike may give one or not
declare const permit: Permit;
expectType<AbortSignal | undefined>(permit.signal);
const lossy: LimiterLike = { acquire: async () => ({ release: () => undefined, signal: new AbortController().signal }) };
createTaskGroup({ limiter: lossy });
expectError<Permit>({ release: () => undefined, signal: 5 });
