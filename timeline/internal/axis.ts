/**
 * How the axis speaks of a time span: milliseconds below two seconds, seconds above.
 * @internal
 */
export function formatDuration(ms: number): string {
  if (ms < 2000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 20_000 ? 2 : 1)} s`;
}

/**
 * Round tick values (in ms from the start) for an axis of `span` ms: 1, 2 or 5 times a power of
 * ten, at most about `most` of them.
 * @internal
 */
export function ticks(span: number, most: number): number[] {
  if (span <= 0) return [0];
  const raw = span / most;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let t = 0; t <= span + step * 1e-9; t += step) out.push(t);
  return out;
}

/**
 * A task's duration: from its start (or, if it never started, its addition) to its end.
 * @internal
 */
export const durationOf = (task: { added: number; started?: number; ended?: number }, end: number): number =>
  (task.ended ?? end) - (task.started ?? task.added);

/**
 * How a row is labelled: its name, or `#id` for an anonymous task.
 * @internal
 */
export const labelOf = (task: { id: number; name: string }): string => task.name || `#${task.id}`;
