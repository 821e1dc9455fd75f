// Exhaust: a "Save" button clicked five times in a row saves once; a click after the save has
// finished saves again.
// Run: npx tsx examples/save-button.ts

import { Subject } from 'rxjs';
import { mapExhaust } from 'rxjs-asyncer/operators';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)));
  });

const clicks = new Subject<string>();
const subscription = clicks
  .pipe(
    mapExhaust(async (draft, index, signal) => {
      console.log(`saving #${index}: "${draft}"`);
      await sleep(100, signal); // PUT /api/draft
      return draft;
    }),
  )
  .subscribe((draft) => console.log(`saved "${draft}"`));

for (const draft of ['v1', 'v1', 'v1', 'v1', 'v1']) clicks.next(draft); // five quick clicks: one save
setTimeout(() => clicks.next('v2'), 200); // after the first save: saves again
setTimeout(() => subscription.unsubscribe(), 400);
// saving #0: "v1"
// saved "v1"
// saving #1: "v2"
// saved "v2"
