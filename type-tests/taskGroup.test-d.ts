import { expectError, expectType } from 'tsd';
import { Observable } from 'rxjs';
import { taskGroup } from 'rxjs-asyncer';

declare function getUser(id: number): Promise<{ id: number }>;
declare function getPosts(id: number): Observable<string[]>;

// taskGroup: the same, as an Observable
expectType<Observable<[{ id: number }, string[]]>>(taskGroup((tg) => [tg.soonify(getUser)(1), tg.soonify(getPosts)(1)] as const));
expectType<Observable<{ user: { id: number } }>>(taskGroup((tg) => ({ user: tg.soonify(getUser)(1) })));
expectType<Observable<number>>(taskGroup(() => 5, { timeout: 100 }));
expectError(taskGroup(() => 5, { timeout: '100' }));
expectError(taskGroup(42));

// array bodies keep every position, sync and async, with no `as const`
declare function user(id: string): Promise<{ name: string }>;
const pair$ = taskGroup((tg) => [tg.soonify(user)('1'), tg.soonify(async () => 3)()]);
expectType<Observable<[{ name: string }, number]>>(pair$);
pair$.subscribe((pair) => {
  expectType<string>(pair[0].name);
  // @ts-expect-error position 1 is a number
  pair[1].name;
});
const async$ = taskGroup(async (tg) => [tg.soonify(user)('1'), 'x']);
expectType<Observable<[{ name: string }, string]>>(async$);
const record$ = taskGroup((tg) => ({ user: tg.soonify(user)('1') }));
record$.subscribe((r) => {
  expectType<{ name: string }>(r.user);
  // @ts-expect-error no such key
  r.posts;
});
