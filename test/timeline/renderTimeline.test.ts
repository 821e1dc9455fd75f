import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { from } from 'rxjs';
import { recordTimeline, renderTimeline, type Timeline } from '../../timeline/index.js';
import { fixedEvents } from './fixedEvents.js';

// Golden tests: the pictures were looked at (the SVG as a PNG) when these files were written.
// To change the drawing on purpose, run with UPDATE_GOLDEN=1 and look at the new files again.

const golden = (name: string, actual: string): void => {
  const path = join(__dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
};

const timeline: Timeline = recordTimeline({ events$: from(fixedEvents) } as never).stop();

describe('renderTimeline', () => {
  it('text, 80 columns', () => golden('fixed.80.txt', renderTimeline(timeline, { format: 'text' })));
  it('text, 50 columns', () => golden('fixed.50.txt', renderTimeline(timeline, { format: 'text', width: 50 })));
  it('svg', () => golden('fixed.svg', renderTimeline(timeline, { format: 'svg' })));

  it('every text line fits the width', () => {
    for (const width of [40, 60, 80, 120]) {
      for (const line of renderTimeline(timeline, { format: 'text', width }).split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    }
  });

  it('draws a zero-length timeline and an empty one', () => {
    const instant: Timeline = { start: 5, end: 5, tasks: [{ id: 1, name: 'now', added: 5, started: 5, ended: 5, outcome: 'fulfilled' }] };
    expect(renderTimeline(instant, { format: 'text', width: 40 })).toContain('now  │█');
    expect(renderTimeline({ start: 0, end: 0, tasks: [] }, { format: 'svg' })).toMatch(/^<svg[^]*<\/svg>\n$/);
  });

  it('escapes task names in SVG', () => {
    const named: Timeline = { start: 0, end: 10, tasks: [{ id: 1, name: '<b>&"x"', added: 0, started: 0, ended: 10, outcome: 'fulfilled' }] };
    const svg = renderTimeline(named, { format: 'svg' });
    expect(svg).toContain('&lt;b&gt;&amp;&quot;x&quot;');
    expect(svg).not.toContain('<b>');
  });

  it('refuses bad input', () => {
    expect(() => renderTimeline(timeline, { format: 'png' } as never)).toThrow(new TypeError("renderTimeline(timeline, options): options.format must be 'text' or 'svg', got \"png\""));
    expect(() => renderTimeline(timeline, { format: 'text', width: 20 })).toThrow(new RangeError('renderTimeline(timeline, options): options.width must be an integer >= 40 for text, got 20'));
    expect(() => renderTimeline({} as never, { format: 'text' })).toThrow(TypeError);
  });
});
