/**
 * Whether `promise` settles (either way) within `ms`: for a close that must not wait forever.
 * The timer is cleared as soon as it does.
 * @internal
 */
export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settled = promise.then(
    () => true,
    () => true,
  );
  return Promise.race([settled, new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)))]).finally(() => clearTimeout(timer));
}
