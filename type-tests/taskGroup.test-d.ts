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
