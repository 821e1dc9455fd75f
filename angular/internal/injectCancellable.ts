import { isClosable, readEntries } from '../../src/engine/index.js';
import type { InjectOptions } from '../types/InjectOptions.js';
import { bindToDestroy, destroyRefOf, destroyedReason, injectorOption } from './bindToDestroy.js';

/**
 * What `injectTaskGroup` and `injectScope` share: find the lifetime (NG0203 outside an injection
 * context), make the work with the other options, and cancel it when the lifetime ends.
 * @param caller the public function, for NG0203 and messages
 * @param what how the cancel reason names the work: 'task group', 'scope'
 * @internal
 */
export function injectCancellable<O extends InjectOptions, W extends { cancel(reason?: unknown): void }>(
  caller: (options?: O) => W,
  options: O | undefined,
  create: (options: Omit<O, 'injector'>) => W,
  what: string,
): W {
  const signature = `${caller.name}(options)`;
  const destroyRef = destroyRefOf(caller, injectorOption(options, signature));
  // the other options, read once (each read may throw: a TypeError naming the options then)
  const rest = Object.fromEntries(options === undefined ? [] : readEntries(options, `${signature}: options`).filter(([key]) => key !== 'injector'));
  const work = create(rest as Omit<O, 'injector'>);
  if (isClosable(work)) bindToDestroy(`${caller.name}()`, destroyRef, work, () => work.cancel(destroyedReason(`The injector of this ${what}`)));
  return work;
}
