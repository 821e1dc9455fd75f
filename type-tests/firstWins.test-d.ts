import { expectError, expectType } from 'tsd';
import { type Observable, of } from 'rxjs';
import { firstWins } from 'rxjs-asyncer/operators';

declare function fetchCount(signal: AbortSignal): Promise<number>;

// firstWins: the union of its inputs
expectType<Observable<number | string>>(firstWins([of(1), async () => 'x']));
expectType<Observable<number>>(firstWins([fetchCount, fetchCount], { stagger: 100 }));
expectError(firstWins([of(1)], { stagger: 'soon' }));
