/**
 * Whether `promise` settles (either way) within `ms` (Infinity: waits as long as it takes): for a
 * close that must not wait forever.
 * The timer is cleared as soon as it does.
 * @internal
 */
export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settled = promise.then(
    () => true,
    () => true,
  );
  if (ms === Infinity) return settled; // setTimeout would fire at once: Infinity overflows
  return Promise.race([settled, new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)))]).finally(() => clearTimeout(timer));
}
