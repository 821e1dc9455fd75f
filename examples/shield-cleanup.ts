// shield: cleanup that finishes although its task was cancelled. The group times out while the
// import runs; the rollback still runs to its end (its own signal is not aborted), and the
// group waits for it before it rejects with the TimeoutError.
// Run: npx tsx examples/shield-cleanup.ts

import { runTaskGroup, shield } from 'rxjs-asyncer';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)));
  });

try {
  await runTaskGroup(
    (tg) => {
      tg.startSoon(async function importRows() {
        console.log('begin transaction');
        try {
          await sleep(1000, tg.signal); // the import: cut short by the group's timeout
          console.log('commit');
        } catch (error) {
          await shield(async (signal) => {
            console.log(`rolling back (group signal aborted: ${tg.signal.aborted}, shield signal aborted: ${signal.aborted})`);
            await sleep(100, signal);
            console.log('rolled back');
          }, { timeout: 5000 });
          throw error;
        }
      });
    },
    { timeout: 200 },
  );
} catch (error) {
  console.log(`the group failed: ${(error as Error).name}`);
}
// begin transaction
// rolling back (group signal aborted: true, shield signal aborted: false)
// rolled back
// the group failed: TimeoutError
