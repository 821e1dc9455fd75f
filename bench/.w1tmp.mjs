import { lastValueFrom } from 'rxjs';
import { runTaskGroup } from 'rxjs-asyncer';
import { gather } from 'rxjs-asyncer/operators';
const N = 100000;
const which = process.argv[2];
for (let rep = 0; rep < 8; rep++) {
  const tasks = Array.from({ length: N }, (_, i) => async () => i);
  globalThis.gc?.();
  const t0 = performance.now();
  if (which === 'gather') await lastValueFrom(gather(tasks));
  else if (which === 'group') await runTaskGroup((tg) => tasks.map((t) => tg.soonify(t)()));
  else await Promise.all(tasks.map((t) => t()));
  if (rep >= 3) console.log(which, (performance.now() - t0).toFixed(1));
}
