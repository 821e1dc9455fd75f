import type { Tracer } from '@opentelemetry/api';

/** Options of {@link enableTracing}. */
export interface TracingOptions {
  /**
   * The tracer spans are made with. Default: `trace.getTracer('rxjs-asyncer')` from
   * `@opentelemetry/api`, which follows the global tracer provider (the one your SDK registers,
   * before or after this call).
   */
  readonly tracer?: Tracer;
}
