import { expectError, expectType } from 'tsd';
import type { Observable } from 'rxjs';
import { createScope, createTaskGroup, type SoonValue } from 'rxjs-asyncer';

declare function fetchUser(id: number, options?: { full: boolean }): Promise<{ name: string }>;
declare function stream(): Observable<number>;
declare function tagged(label: string, ...rest: number[]): string;

const tg = createTaskGroup();
expectType<SoonValue<{ name: string }>>(tg.startSoon(fetchUser, 1));
expectType<SoonValue<{ name: string }>>(tg.startSoon(fetchUser, 1, { full: true }));
expectType<SoonValue<number>>(tg.startSoon(stream));
expectType<SoonValue<string>>(tg.startSoon(tagged, 'a', 1, 2, 3));
expectType<SoonValue<number>>(tg.startSoon(() => 42));
// a missing, an extra or a wrong argument is an error
expectError(tg.startSoon(fetchUser));
expectError(tg.startSoon(fetchUser, 1, { full: true }, 'extra'));
expectError(tg.startSoon(fetchUser, '1'));
expectError(tg.startSoon(stream, 1));
expectError(tg.startSoon(tagged, 'a', 'b'));
// a scope takes the same calls
const scope = createScope();
expectType<SoonValue<{ name: string }>>(scope.startSoon(fetchUser, 1));
expectError(scope.startSoon(fetchUser, '1'));
