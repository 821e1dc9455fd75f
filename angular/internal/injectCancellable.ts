import { isClosable } from '../../src/engine/index.js';
import type { Injector } from '@angular/core';
import type { InjectOptions } from '../types/InjectOptions.js';
import { bindToDestroy, destroyRefOf, destroyedReason } from './bindToDestroy.js';
import { checkInjectOptions } from './checks.js';

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
  keys: readonly string[],
): W {
  // the other options (`keys`: a group's or a scope's), read once and passed on to be checked
  const { injector, rest } = checkInjectOptions(options, `${caller.name}(options)`, keys);
  const destroyRef = destroyRefOf(caller, injector as Injector | undefined);
  const work = create(rest as Omit<O, 'injector'>);
  if (isClosable(work)) bindToDestroy(`${caller.name}()`, destroyRef, work, () => work.cancel(destroyedReason(`The injector of this ${what}`)));
  return work;
}
