// Asyncer's "Soonify" tutorial, step 3: return values. Each soonified call returns a SoonValue
// at once; once the group has joined, `.value` holds the result. A SoonValue is also awaitable
// and an Observable, and runTaskGroup returns the values directly.
// Run: npx tsx examples/soonify-return-values.ts

import { createTaskGroup, runTaskGroup } from 'rxjs-asyncer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function doWork(name: string): Promise<string> {
  await sleep(1000);
  return `Hello, ${name}`;
}

{
  await using tg = createTaskGroup();
  const yury = tg.soonify(doWork)('Yury');
  const nathaniel = tg.soonify(doWork)('Nathaniel');
  console.log('ready before the join?', yury.ready); // false: the tasks are still running
  nathaniel.subscribe((message) => console.log('as an Observable:', message));
  await tg.join();
  console.log('after the join:', yury.value, '/', nathaniel.value);
}

// The same with runTaskGroup: the body's SoonValues come back as values, typed [string, string].
const [a, b] = await runTaskGroup((tg) => [tg.soonify(doWork)('Alex'), tg.soonify(doWork)('Ada')]);
console.log('runTaskGroup:', a, '/', b);
