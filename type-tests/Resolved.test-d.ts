import { expectType } from 'tsd';
import type { Resolved, SoonValue } from 'rxjs-asyncer';

expectType<number>({} as Resolved<SoonValue<number>>);
expectType<number>({} as Resolved<Promise<SoonValue<number>>>);
expectType<[number, string]>({} as Resolved<readonly [SoonValue<number>, SoonValue<string>]>);
expectType<Date>({} as Resolved<Date>);
