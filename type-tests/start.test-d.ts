import { expectError, expectType } from 'tsd';
import { createScope, createTaskGroup } from 'rxjs-asyncer';

const tg = createTaskGroup();
// the ready value's type comes from ready's parameter
expectType<Promise<number>>(tg.start((ready: (port: number) => void) => ready(8080)));
expectType<Promise<{ url: string }>>(tg.start(async (ready: (server: { url: string }) => void, host: string) => ready({ url: host }), 'localhost'));
// without an annotation, ready takes nothing
expectType<Promise<void>>(tg.start(async (ready) => ready()));
// the arguments after ready are checked against fn's parameters
expectError(tg.start(async (ready: (port: number) => void, host: string) => ready(host.length), 42));
expectError(tg.start((ready: (port: number) => void) => ready('8080')));
// on a scope too
expectType<Promise<string>>(createScope().start((ready: (id: string) => void) => ready('a')));
