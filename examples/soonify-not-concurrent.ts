// Asyncer's "Soonify" tutorial, step 1: not concurrent. Each call waits for the previous one,
// so three one-second calls take about three seconds. The calls go through a scope only so that
// the timeline can record them: awaiting each one is exactly `await doWork('Yury')` and so on.
// Run: npx tsx examples/soonify-not-concurrent.ts

import { createScope } from 'rxjs-asyncer';
import { recordTimeline, renderTimeline } from 'rxjs-asyncer/timeline';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function doWork(name: string): Promise<void> {
  await sleep(1000);
  console.log(`Hello, ${name}`);
}

const started = performance.now();
await using scope = createScope();
const recording = recordTimeline(scope);
for (const name of ['Yury', 'Nathaniel', 'Alex']) {
  await scope.soonify(doWork, { name })(name); // one after another
}
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s (one after another)\n`);
process.stdout.write(renderTimeline(recording.stop(), { format: 'text', width: 60 }));
