import { expectAssignable, expectType } from 'tsd';
import { of } from 'rxjs';
import type { TaskInput, TaskInputs, TaskInputValue } from 'rxjs-asyncer/operators';

declare function fetchCount(signal: AbortSignal): Promise<number>;

// TaskInput accepts every form
expectAssignable<TaskInput<number>>(of(1));
expectAssignable<TaskInput<number>>(Promise.resolve(1));
expectAssignable<TaskInput<number>>((signal: AbortSignal) => fetchCount(signal));
expectAssignable<TaskInput<number>>(() => 1);

// TaskInputs annotates a tuple of inputs
expectAssignable<TaskInputs<[number, string]>>([of(1), async () => 'x']);
expectType<number>({} as TaskInputValue<typeof fetchCount>);
