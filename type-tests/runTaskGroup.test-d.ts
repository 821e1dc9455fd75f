import { expectType } from 'tsd';
import { Observable } from 'rxjs';
import { runTaskGroup, taskGroup, type Resolved, type SoonValue, type TaskResult } from 'rxjs-asyncer';

declare function getUser(id: number): Promise<{ id: number }>;
declare function getPosts(id: number): Observable<string[]>;

// tuples (as const) become tuples of values
expectType<Promise<[{ id: number }, string[]]>>(
  runTaskGroup((tg) => [tg.soonify(getUser)(1), tg.soonify(getPosts)(1)] as const),
);
// non-SoonValue entries are kept
expectType<Promise<[{ id: number }, 'label']>>(runTaskGroup((tg) => [tg.soonify(getUser)(1), 'label'] as const));
// arrays map their elements
expectType<Promise<{ id: number }[]>>(runTaskGroup((tg) => [1, 2].map((id) => tg.soonify(getUser)(id))));
// records keep their keys
expectType<Promise<{ user: { id: number }; posts: string[]; n: number }>>(
  runTaskGroup((tg) => ({ user: tg.soonify(getUser)(1), posts: tg.soonify(getPosts)(1), n: 3 })),
);
// a single SoonValue, and async bodies
expectType<Promise<{ id: number }>>(runTaskGroup((tg) => tg.soonify(getUser)(1)));
expectType<Promise<{ a: { id: number } }>>(runTaskGroup(async (tg) => ({ a: tg.soonify(getUser)(1) })));
expectType<Promise<void>>(runTaskGroup(async () => {}));
expectType<Promise<number>>(runTaskGroup(() => 5));

// taskGroup: the same, as an Observable
expectType<Observable<[{ id: number }, string[]]>>(taskGroup((tg) => [tg.soonify(getUser)(1), tg.soonify(getPosts)(1)] as const));
expectType<Observable<{ user: { id: number } }>>(taskGroup((tg) => ({ user: tg.soonify(getUser)(1) })));

// the helper types themselves
expectType<number>({} as Resolved<SoonValue<number>>);
expectType<number>({} as Resolved<Promise<SoonValue<number>>>);
expectType<[number, string]>({} as Resolved<readonly [SoonValue<number>, SoonValue<string>]>);
expectType<Date>({} as Resolved<Date>);
expectType<number>({} as TaskResult<Promise<number>>);
expectType<number>({} as TaskResult<Observable<number>>);
expectType<number[]>({} as TaskResult<number[]>);
expectType<Set<number>>({} as TaskResult<Set<number>>);
expectType<Observable<number>>({} as TaskResult<Promise<Observable<number>>>);
