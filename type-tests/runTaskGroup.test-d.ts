import { expectType } from 'tsd';
import { Observable } from 'rxjs';
import { runTaskGroup, type SoonValue, type TaskGroup } from 'rxjs-asyncer';

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

// Array bodies keep every position: without destructuring, without `as const`, sync and async
declare function user(id: string): Promise<{ name: string }>;
declare function posts(id: string): Promise<number[]>;
const all = await runTaskGroup((tg) => [tg.soonify(user)('1'), tg.soonify(posts)('1')]);
expectType<[{ name: string }, number[]]>(all);
expectType<string>(all[0].name);
// @ts-expect-error position 1 is number[], not { name }
all[1].name;
const allAsync = await runTaskGroup(async (tg) => [tg.soonify(user)('1'), tg.soonify(posts)('1')]);
expectType<[{ name: string }, number[]]>(allAsync);
// @ts-expect-error position 0 is { name }, not number[]
allAsync[0].length;
const [destructured, second] = await runTaskGroup((tg) => [tg.soonify(user)('1'), tg.soonify(posts)('1')]);
expectType<{ name: string }>(destructured);
expectType<number[]>(second);
const asConst = await runTaskGroup((tg) => [tg.soonify(user)('1'), 'label'] as const);
expectType<[{ name: string }, 'label']>(asConst);
// @ts-expect-error a two-position tuple has no third
asConst[2];
// mixed entries, and an empty array
expectType<Promise<[{ name: string }, number]>>(runTaskGroup((tg) => [tg.soonify(user)('1'), 3]));
expectType<Promise<[]>>(runTaskGroup(() => []));

// records, a single SoonValue and plain values work as before
const record = await runTaskGroup((tg) => ({ u: tg.soonify(user)('1'), p: tg.soonify(posts)('1') }));
expectType<{ u: { name: string }; p: number[] }>(record);
// @ts-expect-error no such key
record.missing;
const single = await runTaskGroup((tg) => tg.soonify(user)('1'));
expectType<{ name: string }>(single);
// @ts-expect-error a single value is not a tuple
single[0];
expectType<Promise<number>>(runTaskGroup(() => 5));
expectType<Promise<string>>(runTaskGroup(async () => 'done'));

// an interface-typed record of SoonValues resolves as it does at run time
interface Dashboard {
  user: SoonValue<{ name: string }>;
  count: number;
}
declare function dashboard(tg: TaskGroup): Dashboard;
const board = await runTaskGroup(dashboard);
expectType<{ user: { name: string }; count: number }>(board);
// @ts-expect-error user is the value, not its SoonValue
board.user.status;
