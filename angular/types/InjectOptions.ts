import type { Injector } from '@angular/core';

/**
 * Where the `rxjs-asyncer/angular` functions find their lifetime, outside an injection context.
 *
 * ## Example
 * ```ts
 * import { inject, Injector } from '@angular/core';
 * import { injectScope } from 'rxjs-asyncer/angular';
 *
 * const injector = inject(Injector);            // in a constructor or field initializer
 * // ... later, in a method:
 * const scope = injectScope({ injector });
 * ```
 */
export interface InjectOptions {
  /**
   * The injector whose `DestroyRef` ends the work. Without it, the function must be called in an
   * injection context (a constructor, a field initializer, `runInInjectionContext`), or it throws
   * Angular's NG0203.
   * @default the current injection context's
   */
  readonly injector?: Injector;
}
