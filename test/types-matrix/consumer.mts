// A consumer (checked as ES module .mts and, copied, as CommonJS .cts): what a user writes, checked strictly with skipLibCheck off.
import { from, of } from 'rxjs';
import { createTaskGroup, runTaskGroup, type SoonValue } from 'rxjs-asyncer';
import { gather, mapConcurrent } from 'rxjs-asyncer/operators';

declare function loadUser(id: number): Promise<{ name: string }>;
declare function loadPosts(id: number, limit?: number): Promise<string[]>;

const tg = createTaskGroup();
const user: SoonValue<{ name: string }> = tg.soonify(loadUser)(1);
// @ts-expect-error a string is not an id
tg.soonify(loadUser)('1');
export const both = runTaskGroup((g) => ({ user: g.soonify(loadUser)(1), posts: g.soonify(loadPosts)(1, 10) }));
export const tuple = gather([of(1), async () => 'x']);
export const record = gather({ user: (signal: AbortSignal) => loadUser(signal.aborted ? 0 : 1), n: of(2) });
export const names = from([1, 2]).pipe(mapConcurrent((id: number) => loadUser(id), 2));
export { user };
