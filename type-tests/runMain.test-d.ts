import { expectError, expectType } from 'tsd';
import type { TaskGroup } from 'rxjs-asyncer';
import { runMain } from 'rxjs-asyncer/node';

declare function load(id: number): Promise<{ id: number }>;

const both = await runMain((tg, signal) => {
  expectType<TaskGroup>(tg);
  expectType<AbortSignal>(signal);
  return [tg.startSoon(load, 1), tg.startSoon(async () => 'two')];
}, { exit: false });
expectType<{ id: number }>(both[0]);
expectType<string>(both[1]);
// @ts-expect-error position 1 is a string
both[1].id;
expectType<Promise<void>>(runMain(async () => {}, { name: 'import', teardownTimeout: 1000 }));
expectError(runMain(() => 1, { teardownTimeout: '5s' }));
expectError(runMain(() => 1, { exit: 'no' }));
expectError(runMain(42));

// linkAcrossAwaits takes nothing and gives nothing back
import { linkAcrossAwaits } from 'rxjs-asyncer/node';
expectType<void>(linkAcrossAwaits());
expectError(linkAcrossAwaits(true));
