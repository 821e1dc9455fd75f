import { expectType } from 'tsd';
import { Observable } from 'rxjs';
import { runTaskGroup } from 'rxjs-asyncer';

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
