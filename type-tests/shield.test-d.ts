import { expectError, expectType } from 'tsd';
import { of } from 'rxjs';
import { shield, type ShieldOptions } from 'rxjs-asyncer';

// the value by the task value rule
expectType<Promise<string>>(shield(async (signal): Promise<string> => (signal.aborted ? 'no' : 'yes')));
expectType<Promise<number>>(shield(() => of(1, 2)));
expectType<Promise<boolean>>(shield(() => true, { timeout: 5000 }));
const options: ShieldOptions = { timeout: 100 };
expectType<Promise<void>>(shield(async (): Promise<void> => undefined, options));
expectError(shield(async () => 1, { timout: 5 }));
expectError(shield('rollback'));
