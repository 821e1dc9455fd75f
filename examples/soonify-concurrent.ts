// Asyncer's "Soonify" tutorial, step 2: concurrent. The three calls run during the same second,
// and leaving the `await using` block waits for all of them. Then the timeline shows it: three
// bars in the same second. `npm start` runs this file.
// Run: npx tsx examples/soonify-concurrent.ts

import { createTaskGroup } from 'rxjs-asyncer';
import { recordTimeline, renderTimeline, type TimelineRecording } from 'rxjs-asyncer/timeline';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function doWork(name: string): Promise<void> {
  await sleep(1000);
  console.log(`Hello, ${name}`);
}

const started = performance.now();
let recording: TimelineRecording;
{
  await using tg = createTaskGroup();
  recording = recordTimeline(tg);
  tg.soonify(doWork, { name: 'Yury' })('Yury');
  tg.soonify(doWork, { name: 'Nathaniel' })('Nathaniel');
  tg.soonify(doWork, { name: 'Alex' })('Alex');
} // the group joins here: every task is done
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s (concurrently)\n`);
process.stdout.write(renderTimeline(recording.stop(), { format: 'text', width: 60 }));
