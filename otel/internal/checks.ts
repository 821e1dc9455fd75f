import { assertOptionsObject, mustBe, optionKeys, readOptions } from '../../src/engine/index.js';
import type { Tracer } from '@opentelemetry/api';
import type { TracingOptions } from '../types/TracingOptions.js';

// The argument checks of rxjs-asyncer/otel, built from the engine's (one message format).

const TRACING_OPTIONS = optionKeys<TracingOptions>()(['tracer']);

/**
 * `enableTracing(options)`'s options, checked at the call.
 * @internal
 */
export function checkTracingOptions(options: unknown): Tracer | undefined {
  const caller = 'enableTracing(options)';
  assertOptionsObject(options, `${caller}: options`);
  const { tracer } = readOptions(options, TRACING_OPTIONS, `${caller}: options`);
  if (tracer !== undefined && (typeof tracer !== 'object' || tracer === null || typeof (tracer as Tracer).startSpan !== 'function')) {
    mustBe(`${caller}: options.tracer`, "an OpenTelemetry Tracer (trace.getTracer('name'))", tracer);
  }
  return tracer as Tracer | undefined;
}
