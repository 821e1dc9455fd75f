import { DestroyRef, type EnvironmentInjector } from '@angular/core';

/** Lets promise jobs run: task groups start their tasks in one. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/**
 * Watches an injector's DestroyRef: how many destroy listeners are registered right now. Each
 * `onDestroy` adds one; calling the returned function removes it.
 */
export function watchDestroyListeners(injector: EnvironmentInjector): { readonly registered: number } {
  const destroyRef = injector.get(DestroyRef);
  const original = destroyRef.onDestroy.bind(destroyRef);
  let registered = 0;
  destroyRef.onDestroy = (callback: () => void) => {
    registered++;
    const unregister = original(callback);
    let removed = false;
    return () => {
      if (!removed) registered--;
      removed = true;
      unregister();
    };
  };
  return {
    get registered() {
      return registered;
    },
  };
}

/** A promise task that waits for its signal and rejects with the reason, as fetch does. */
export const untilAborted = (signal: AbortSignal): Promise<never> =>
  new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
