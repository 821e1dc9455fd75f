import { assertInInjectionContext, DestroyRef, inject, type Injector } from '@angular/core';
import { afterClose, type Closable, describeError } from '../../src/engine/index.js';
import { checkInjectOptions, checkInjector } from './checks.js';

/**
 * The `injector` option of a function that takes `InjectOptions`, read once: an options argument
 * that is not an object, or whose `injector` cannot be read (a revoked Proxy, a getter that
 * throws), is a TypeError naming it.
 * @param signature how messages name the call: `soonSignal(soon, options)`
 * @internal
 */
export function injectorOption(options: unknown, signature: string): Injector | undefined {
  return checkInjectOptions(options, signature).injector as Injector | undefined;
}

/**
 * The `DestroyRef` of `injector`, or of the current injection context. Outside one, and without
 * an injector, Angular's own NG0203 error (`assertInInjectionContext`), naming `caller`.
 * @internal
 */
export function destroyRefOf(caller: (...args: never[]) => unknown, injector: Injector | undefined): DestroyRef {
  if (injector === undefined) {
    try {
      assertInInjectionContext(caller);
    } catch (error) {
      // Angular's NG0203 says where; say what to do, here (a production build shows only the code)
      const advice = caller.name === 'soonSignal' ? ', or pass { manualCleanup: true }' : '';
      throw new Error(
        `${describeError(error)}\n${caller.name}() was called outside an injection context (in ngOnInit or a method, say): pass { injector } (a field \`injector = inject(Injector)\`)${advice}, or call it in a constructor or field initializer.`,
        { cause: error },
      );
    }
    return inject(DestroyRef);
  }
  checkInjector(injector, caller.name);
  try {
    return injector.get(DestroyRef);
  } catch (error) {
    throw alreadyDestroyed(`${caller.name}()`, error); // a destroyed injector refuses get (NG0205)
  }
}

/** The error for work asked of a lifetime that is over. */
const alreadyDestroyed = (caller: string, cause: unknown): Error =>
  new Error(`${caller}: its injector or component is already destroyed, so no work can start in it`, { cause });

/**
 * Registers `onDestroy` with `destroyRef`, and removes it again once `work` has closed, so nothing
 * stays registered after the work is over. When the lifetime is already over, calls `onDestroy` at
 * once (so no work starts) and throws a clear error.
 * @param caller names the function in the error
 * @internal
 */
export function bindToDestroy(caller: string, destroyRef: DestroyRef, work: Closable, onDestroy: () => void): void {
  let unregister: () => void;
  try {
    // Angular 21+ says so; older DestroyRefs throw from onDestroy instead (NG0911, NG0205)
    if ((destroyRef as { destroyed?: boolean }).destroyed === true) throw new Error('destroyed');
    unregister = destroyRef.onDestroy(onDestroy);
  } catch (error) {
    onDestroy();
    throw alreadyDestroyed(caller, error);
  }
  work[afterClose](() => unregister());
}

/**
 * The reason work is cancelled with when its lifetime ends: an `AbortError`, as `fetch` uses.
 * @internal
 */
export const destroyedReason = (what: string): DOMException => new DOMException(`${what} was destroyed`, 'AbortError');
