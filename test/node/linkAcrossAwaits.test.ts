import { createTaskGroup, runTaskGroup } from '../../src/index.js';
import { linkAcrossAwaits } from '../../node/index.js';
import { flushMicrotasks } from '../support/deferred.js';
import { untilAborted } from '../support/probes.js';

// Process-wide once on: this file has its own module registry, so the other tests are unaffected.

describe('linkAcrossAwaits', () => {
  beforeAll(() => linkAcrossAwaits());

  it('a group created after the task’s first await is the task group’s child', async () => {
    const outer = createTaskGroup();
    let inner: AbortSignal | undefined;
    outer.startSoon(async () => {
      await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
      await runTaskGroup((tg) => ((inner = tg.signal), tg.startSoon(untilAborted, tg.signal)));
    });
    while (!inner) await new Promise((resolve) => setImmediate(resolve));
    outer.cancel('reaches after awaits');
    expect(inner.reason).toBe('reaches after awaits');
    await outer.join();
  });

  it('code outside any task still makes top-level groups, and calling it twice changes nothing', async () => {
    linkAcrossAwaits();
    const top = createTaskGroup();
    const outer = createTaskGroup();
    outer.cancel();
    await outer.join();
    expect(top.signal.aborted).toBe(false);
    top.startSoon(async () => 1);
    await top.join();
    await flushMicrotasks();
  });
});
