import { expectError, expectType } from 'tsd';
import { of } from 'rxjs';
import { createLimiter, createTaskGroup, type Limiter } from 'rxjs-asyncer';

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
