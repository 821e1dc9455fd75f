// The kitchen's tasks, shared by the callers and the cooks of examples/fleet.ts. A task takes its
// arguments, then the context its worker supplies (signal, jobId, attempt, progress).

/** Cooks one burger: `ms` of CPU work, stopping early if the order is cancelled. */
export async function cook(name, ms, ctx) {
  const end = performance.now() + ms;
  let x = 0;
  let half = false;
  while (performance.now() < end) {
    for (let i = 0; i < 10_000; i++) x = Math.sqrt(x + 1.5) * 1.000001;
    if (!half && performance.now() > end - ms / 2) {
      half = true;
      await ctx.progress(0.5);
    }
    if (ctx.signal.aborted) throw ctx.signal.reason;
  }
  return `${name}'s burger, cooked by process ${process.pid}`;
}
