import { from, NEVER } from 'rxjs';
import { createScope, createTaskGroup } from '../../src/index.js';
import { recordTimeline, renderTimeline } from '../../timeline/index.js';
import { sleep, useFakeTime } from '../support/probes.js';
import { fixedEvents } from './fixedEvents.js';

describe('recordTimeline', () => {
  it('folds the events into one row per task, in the order added, on an axis from the first event to the last', () => {
    const timeline = recordTimeline({ events$: from(fixedEvents) } as never).stop();
    expect(timeline).toEqual({
      start: 1000,
      end: 4000,
      tasks: [
        { id: 1, name: 'Yury', added: 1000, started: 1000, ended: 2000, outcome: 'fulfilled' },
        { id: 2, name: 'Nathaniel', added: 1000, started: 2000, ended: 2500, outcome: 'failed' },
        { id: 3, name: 'Alex', added: 1000, started: 2500, ended: 4000, outcome: 'fulfilled' },
        { id: 4, name: '', added: 1000, ended: 2600, outcome: 'cancelled' },
      ],
    });
  });

  describe('on real groups, with a fake clock', () => {
    beforeEach(useFakeTime);
    afterEach(() => jest.useRealTimers());

    it('the concurrent tutorial: three one-second tasks in one bar-second', async () => {
      const tg = createTaskGroup();
      const recording = recordTimeline(tg);
      for (const name of ['Yury', 'Nathaniel', 'Alex']) tg.soonify(() => sleep(1000), { name })();
      const joined = tg.join();
      await jest.advanceTimersByTimeAsync(1000);
      await joined;
      const timeline = recording.stop();
      expect(timeline.end - timeline.start).toBe(1000);
      expect(timeline.tasks.map((t) => [t.name, t.ended! - t.started!, t.outcome])).toEqual([
        ['Yury', 1000, 'fulfilled'],
        ['Nathaniel', 1000, 'fulfilled'],
        ['Alex', 1000, 'fulfilled'],
      ]);
    });

    it('the not-concurrent tutorial, awaited one by one in a scope: a staircase', async () => {
      const scope = createScope();
      const recording = recordTimeline(scope);
      const run = (async () => {
        for (const name of ['Yury', 'Nathaniel', 'Alex']) await scope.soonify(() => sleep(1000), { name })();
      })();
      await jest.advanceTimersByTimeAsync(3000);
      await run;
      const timeline = recording.stop();
      expect(timeline.tasks.map((t) => [t.started! - timeline.start, t.ended! - timeline.start])).toEqual([
        [0, 1000],
        [1000, 2000],
        [2000, 3000],
      ]);
      await scope.close();
    });

    it('stop() while a task runs marks it running and ends the axis at the stop; stopping twice gives the same timeline', async () => {
      const tg = createTaskGroup();
      const recording = recordTimeline(tg);
      tg.startSoon(() => NEVER);
      await jest.advanceTimersByTimeAsync(500);
      const timeline = recording.stop();
      expect(timeline.tasks[0]!.outcome).toBe('running');
      expect(timeline.end - timeline.start).toBe(500);
      expect(recording.stop()).toBe(timeline);
      expect(renderTimeline(timeline, { format: 'text', width: 60 })).toContain('… running');
      tg.cancel();
      await tg.join();
    });
  });

  it('refuses a source without events$', () => {
    expect(() => recordTimeline({} as never)).toThrow(new TypeError('recordTimeline(source): source must be a TaskGroup or a Scope (with events$), got [object Object]'));
    expect(() => recordTimeline(null as never)).toThrow('got null');
  });
});
