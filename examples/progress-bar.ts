// 200 simulated downloads, 8 at a time, with a live progress bar (cli-progress) fed by the
// `progress` option of mapConcurrentFrom, and the whole run's timeline written as SVG.
// Run: npm run example:progress   (writes progress-timeline.svg)

import { writeFileSync } from 'node:fs';
import { lastValueFrom, reduce } from 'rxjs';
import { SingleBar, Presets } from 'cli-progress';
import { runTaskGroup } from 'rxjs-asyncer';
import { mapConcurrentFrom } from 'rxjs-asyncer/operators';
import { recordTimeline, renderTimeline, type TimelineRecording } from 'rxjs-asyncer/timeline';

/** Waits `ms`, or rejects with the abort reason; leaves no listener behind either way. */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** A pretend download: 20 to 120 ms, a few kilobytes. */
async function download(url: string, signal: AbortSignal): Promise<number> {
  await sleep(20 + Math.random() * 100, signal);
  return url.length * 1024;
}

function* urls(): Generator<string> {
  for (let i = 1; i <= 200; i++) yield `https://files.example/${i}.bin`;
}

const bar = new SingleBar({ format: 'downloads |{bar}| {value}/{total} done, {running} running, {failed} failed' }, Presets.shades_classic);
bar.start(200, 0, { running: 0, failed: 0 });

let recording: TimelineRecording | undefined;
const bytes = await runTaskGroup((tg) => {
  recording = recordTimeline(tg);
  // each download is a task of the group (so the timeline sees it and the group can cancel it),
  // pulled from the generator and run 8 at a time; the bar follows the operator's progress
  const sizes$ = mapConcurrentFrom(urls(), (url) => tg.soonify(download, { name: url.slice(22) })(url, tg.signal), {
    concurrency: 8,
    progress: (p) => bar.update(p.fulfilled, { running: p.running, failed: p.failed }),
  });
  return lastValueFrom(sizes$.pipe(reduce((sum, size) => sum + size, 0)));
});
bar.stop();

const timeline = recording!.stop();
writeFileSync('progress-timeline.svg', renderTimeline(timeline, { format: 'svg', width: 900 }));
console.log(`${timeline.tasks.length} downloads in ${Math.round(timeline.end - timeline.start)} ms; ${bytes} bytes; timeline: progress-timeline.svg`);
