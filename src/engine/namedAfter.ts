/**
 * Gives `fn` the name `name` and returns it: a call function made for a remote or worker
 * function (`remote.call.resize`, `pool.call.hash`) is named after it, so that a group running
 * it as a task (`tg.startSoon(remote.call.resize, img)`) names the task after it too, in
 * `events$`, timelines and timeout messages.
 * @internal
 */
export function namedAfter<F extends (...args: never[]) => unknown>(fn: F, name: string): F {
  Object.defineProperty(fn, 'name', { value: name, configurable: true });
  return fn;
}
