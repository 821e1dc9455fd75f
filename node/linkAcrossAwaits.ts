/// <reference types="node" />
import { AsyncLocalStorage } from 'node:async_hooks';
import { type CarriedTask, slotHolder, taskContext } from '../src/engine/index.js';

/**
 * Turns on nested-group linking across awaits, for the whole process: a task group created inside
 * a task *after* its first `await` becomes that task's group's child too, as one created before it
 * does anyway. Uses Node's `AsyncLocalStorage` (Deno and Bun provide it too).
 *
 * Why it is not on by default: promise-heavy code inside an `AsyncLocalStorage` context runs
 * slower (measured on Node 20: about 2.4x for chains of promises). Turn it on in programs that
 * call group-using services from tasks after an await, or pass `{ signal }` explicitly there
 * instead. Calling it again does nothing.
 *
 * ## Example
 * ```ts
 * import { runTaskGroup } from 'rxjs-asyncer';
 * import { linkAcrossAwaits } from 'rxjs-asyncer/node';
 *
 * linkAcrossAwaits();
 * await runTaskGroup((outer) => {
 *   outer.startSoon(async () => {
 *     const user = await loadUser();
 *     await runTaskGroup((inner) => inner.startSoon(loadOrders, user)); // a child of `outer`
 *   });
 * }, { timeout: 1000 }); // the timeout reaches loadOrders too
 * ```
 */
export function linkAcrossAwaits(): void {
  if (taskContext.run !== undefined) return;
  const store = new AsyncLocalStorage<CarriedTask>();
  taskContext.current = () => store.getStore();
  taskContext.run = (task, fn) => store.run(task, fn);
  slotHolder.across = () => store.getStore();
}
