// Runs in a real Chromium, bundled by esbuild from the package's built ESM (as a user's bundler
// sees it), rxjs bundled in. Each scenario is started by the test and reports plain data back.
import { from, lastValueFrom, toArray, firstValueFrom } from 'rxjs';
import { createTaskGroup } from 'rxjs-asyncer';
import { firstWins, gather, mapConcurrent } from 'rxjs-asyncer/operators';
import { createWorkerPool } from 'rxjs-asyncer/workers';

const text = (url, signal) => fetch(url, { signal }).then((response) => response.text());
let group;
let tasks;

window.scenarios = {
  /** A task group of three fetches, one slow: started here, cancelled by `groupCancel`. */
  groupStart() {
    group = createTaskGroup({ name: 'page' });
    tasks = ['a', 'b'].map((id) => group.startSoon(text, `/api/fast?id=${id}`, group.signal));
    tasks.push(group.startSoon(text, '/api/slow?id=c&ms=30000', group.signal));
    return Promise.all(tasks.slice(0, 2)).then((values) => values);
  },
  async groupCancel() {
    group.cancel(new DOMException('the page changed', 'AbortError'));
    await group.join();
    return tasks.map((task) => task.status);
  },
  gather: () => lastValueFrom(gather({ a: (signal) => text('/api/fast?id=ga', signal), b: (signal) => text('/api/fast?id=gb', signal) })),
  firstWins: () => firstValueFrom(firstWins([(signal) => text('/api/slow?id=loser&ms=30000', signal), (signal) => text('/api/fast?id=winner', signal)])),
  mapConcurrent: () =>
    lastValueFrom(
      from(Array.from({ length: 10 }, (_, i) => i)).pipe(
        mapConcurrent((i, _index, signal) => text(`/api/slow?id=m${i}&ms=${40 + ((i * 37) % 50)}`, signal), 3),
        toArray(),
      ),
    ),
  async worker() {
    const pool = createWorkerPool(new URL('/cpu.worker.js', location.href), { size: 2, name: 'page' });
    const fib = await pool.call.fib(24);
    const controller = new AbortController();
    const spinning = pool.run('spin', [], { signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('enough', 'AbortError')), 50);
    const cancelled = await spinning.then(() => 'finished?!', (error) => error.name);
    const after = await pool.call.fib(10); // a replacement worker answers
    await pool.close();
    return { fib, cancelled, after };
  },
};
document.title = 'ready';
