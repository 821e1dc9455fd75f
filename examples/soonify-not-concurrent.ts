// Asyncer's "Soonify" tutorial, step 1: not concurrent. Each call waits for the previous one,
// so three one-second calls take about three seconds.
// Run: npx tsx examples/soonify-not-concurrent.ts

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function doWork(name: string): Promise<void> {
  await sleep(1000);
  console.log(`Hello, ${name}`);
}

const started = performance.now();
await doWork('Yury');
await doWork('Nathaniel');
await doWork('Alex');
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s (one after another)`);
