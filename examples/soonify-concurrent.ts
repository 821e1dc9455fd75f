// Asyncer's "Soonify" tutorial, step 2: concurrent. The three calls run during the same second,
// and leaving the `await using` block waits for all of them. `npm start` runs this file.
// Run: npx tsx examples/soonify-concurrent.ts

import { createTaskGroup } from 'rxjs-asyncer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function doWork(name: string): Promise<void> {
  await sleep(1000);
  console.log(`Hello, ${name}`);
}

const started = performance.now();
{
  await using tg = createTaskGroup();
  tg.soonify(doWork)('Yury');
  tg.soonify(doWork)('Nathaniel');
  tg.soonify(doWork)('Alex');
} // the group joins here: every task is done
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s (concurrently)`);
