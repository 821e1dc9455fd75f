import { expectAssignable, expectError, expectType } from 'tsd';
import { Observable, of } from 'rxjs';
import { createTaskGroup, type SoonValue, type TaskGroup } from 'rxjs-asyncer';

declare const tg: TaskGroup;
declare function fetchUser(id: number, options?: { full: boolean }): Promise<{ name: string }>;
declare function sum(...values: number[]): number;
declare function tagged(label: string, ...rest: [number, boolean]): string;
declare function list(): string[];
declare function stream(): Observable<number>;

// parameter types are forwarded
expectType<SoonValue<{ name: string }>>(tg.soonify(fetchUser)(1));
expectType<SoonValue<{ name: string }>>(tg.soonify(fetchUser)(1, { full: true }));
expectError(tg.soonify(fetchUser)('1'));
expectError(tg.soonify(fetchUser)());
expectError(tg.soonify(fetchUser)(1, { full: true }, 'extra'));
expectError(tg.soonify(fetchUser)(1, { full: 'yes' }));

// rest parameters, plain and tuple-typed
expectType<SoonValue<number>>(tg.soonify(sum)());
expectType<SoonValue<number>>(tg.soonify(sum)(1, 2, 3));
expectError(tg.soonify(sum)(1, '2'));
expectType<SoonValue<string>>(tg.soonify(tagged)('a', 1, true));
expectError(tg.soonify(tagged)('a', 1));

// the task value rule in types: promise, Observable, plain value, array
expectType<SoonValue<number>>(tg.soonify(stream)());
expectType<SoonValue<string>>(tg.soonify(() => of('a', 'b'))());
expectType<SoonValue<number>>(tg.soonify(() => 42)());
expectType<SoonValue<string[]>>(tg.soonify(list)());
expectType<SoonValue<number[]>>(tg.soonify(async () => [1, 2])());
expectType<SoonValue<void>>(tg.soonify(() => undefined as void)());
expectType<SoonValue<number | string>>(tg.soonify((flag: boolean) => (flag ? Promise.resolve(1) : of('x')))(true));

// options
tg.soonify(fetchUser, { name: 'user' });
expectError(tg.soonify(fetchUser, { name: 1 }));
expectError(tg.soonify(42));

// a SoonValue is awaitable, an Observable, and has its state
declare const soon: SoonValue<number>;
expectAssignable<Observable<number>>(soon);
expectAssignable<PromiseLike<number>>(soon);
expectType<number>(await soon);
expectType<number>(soon.value);
expectType<boolean>(soon.ready);
expectType<'pending' | 'fulfilled' | 'failed' | 'cancelled'>(soon.status);

// the group's members
expectType<AbortSignal>(tg.signal);
expectType<boolean>(tg.closed);
expectType<Promise<void>>(tg.join());
expectType<void>(tg.cancel());
expectType<void>(tg.cancel(new Error('why')));

// await using
async function scoped(): Promise<number> {
  await using group = createTaskGroup({ timeout: 1000, name: 'scoped' });
  const value = group.soonify(async () => 1)();
  return value;
}
expectType<Promise<number>>(scoped());
expectError(createTaskGroup({ timeout: '1' }));
expectError(createTaskGroup({ signal: new AbortController() }));

// SoonValues come from task groups only: the constructor is protected
import { SoonValue as SoonValueClass } from 'rxjs-asyncer';
// @ts-expect-error: tsd's expectError does not know this error code; an unused directive fails
new SoonValueClass(() => undefined);
// @ts-expect-error: likewise
new SoonValueClass('name');

// a generic function keeps its type parameter through soonify
declare function identity<T>(value: T): Promise<T>;
expectType<SoonValue<number>>(tg.soonify(identity)(5));
// @ts-expect-error the value is a number
tg.soonify(identity)(5).value.toUpperCase();
