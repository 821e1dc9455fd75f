import { createScope, type Scope, type ScopeOptions } from '../src/index.js';
import { SCOPE_OPTIONS } from '../src/engine/index.js';
import { injectCancellable } from './internal/injectCancellable.js';
import type { InjectOptions } from './types/InjectOptions.js';

/**
 * A long-lived {@link Scope} for the life of the component or service that injects it: Kotlin's
 * `viewModelScope`. Tasks fail alone (a failed request does not cancel the others); when the
 * component or service is destroyed, every task is cancelled: open HTTP requests are cancelled,
 * promise tasks see the signal abort, queued tasks never start, and the scope closes.
 *
 * ## Example
 * ```ts
 * import { Injectable, inject } from '@angular/core';
 * import { HttpClient } from '@angular/common/http';
 * import { injectScope } from 'rxjs-asyncer/angular';
 *
 * @Injectable()
 * export class CartService {
 *   private http = inject(HttpClient);
 *   private scope = injectScope({ name: 'cart', onError: (e) => console.error(e) });
 *
 *   add(item: string) {
 *     return this.scope.startSoon(() => this.http.post('/api/cart', { item }));
 *   }
 * }
 * ```
 *
 * @param options the scope's options, and `injector` outside an injection context.
 * @returns an open scope.
 * @throws {Error} NG0203 outside an injection context without `injector`; a clear error when
 * the injector is already destroyed (and no work starts).
 * @throws {TypeError} when an option is invalid.
 */
export function injectScope(options?: ScopeOptions & InjectOptions): Scope {
  return injectCancellable(injectScope, options, createScope, 'scope', SCOPE_OPTIONS);
}
