import type { Timeline } from '../types/Timeline.js';
import { durationOf, formatDuration, labelOf, ticks } from './axis.js';

const COLORS = { fulfilled: '#2f855a', failed: '#c53030', cancelled: '#718096', running: '#3182ce', queued: '#cbd5e0' } as const;
const ROW = 22;
const BAR = 14;
const TOP = 28;
const PAD = 12;
const LABEL = 140;
const DURATION = 128;

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fixed = (n: number): string => (Math.round(n * 10) / 10).toString();

/**
 * The SVG timeline: the same picture as the text one, as a self-contained document (no external
 * fonts, styles or scripts): a time axis with round ticks in ms or s, one bar per task (light
 * while it waited, coloured by outcome while it ran), its duration, and a tooltip per bar.
 * @internal
 */
export function renderSvg(timeline: Timeline, width: number): string {
  const { start, end, tasks } = timeline;
  const span = end - start;
  const barWidth = width - 2 * PAD - LABEL - DURATION;
  const x = (time: number): number => PAD + LABEL + (span <= 0 ? 0 : ((time - start) / span) * barWidth);
  const height = TOP + tasks.length * ROW + PAD;
  const unit = span < 2000 ? 'ms' : 's';
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  for (const tick of ticks(span, 6)) {
    const at = fixed(x(start + tick));
    const label = unit === 'ms' ? `${Math.round(tick)} ms` : `${(tick / 1000).toFixed(tick % 1000 === 0 ? 0 : 1)} s`;
    out.push(`<line x1="${at}" y1="${TOP - 6}" x2="${at}" y2="${height - PAD}" stroke="#e2e8f0"/>`);
    out.push(`<text x="${at}" y="${TOP - 10}" text-anchor="middle" fill="#4a5568">${label}</text>`);
  }
  tasks.forEach((task, row) => {
    const y = TOP + row * ROW;
    const mid = fixed(y + ROW / 2 + 4);
    const label = labelOf(task);
    out.push(`<text x="${PAD}" y="${mid}" fill="#1a202c">${escape(label.length > 20 ? `${label.slice(0, 19)}…` : label)}</text>`);
    const barY = fixed(y + (ROW - BAR) / 2);
    const waitEnd = task.started ?? task.ended ?? end;
    if (waitEnd > task.added) {
      out.push(`<rect x="${fixed(x(task.added))}" y="${barY}" width="${fixed(Math.max(1, x(waitEnd) - x(task.added)))}" height="${BAR}" fill="${COLORS.queued}"/>`);
    }
    if (task.started !== undefined) {
      const title = `${label}: ${task.outcome}, ${formatDuration(durationOf(task, end))}`;
      out.push(
        `<rect x="${fixed(x(task.started))}" y="${barY}" width="${fixed(Math.max(2, x(task.ended ?? end) - x(task.started)))}" height="${BAR}" rx="2" fill="${COLORS[task.outcome]}"><title>${escape(title)}</title></rect>`,
      );
    }
    const mark = task.outcome === 'fulfilled' ? '' : ` ${task.outcome}`;
    out.push(`<text x="${width - PAD - DURATION + 8}" y="${mid}" fill="${task.outcome === 'fulfilled' ? '#4a5568' : COLORS[task.outcome]}">${formatDuration(durationOf(task, end))}${mark}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
