import { isSpanContextValid, type SpanContext, TraceFlags } from '@opentelemetry/api';

// The W3C Trace Context `traceparent` header (https://www.w3.org/TR/trace-context/):
// version 00, 32 hex digits of trace id, 16 of parent span id, 2 of flags.

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The `traceparent` of a span, or undefined for a span of no trace (a no-op tracer's).
 * @internal
 */
export function toTraceparent(span: SpanContext): string | undefined {
  if (!isSpanContextValid(span)) return undefined;
  return `00-${span.traceId}-${span.spanId}-${(span.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/**
 * The remote span context a `traceparent` names, or undefined for anything else (a missing or
 * malformed header starts a new trace rather than failing the task).
 * @internal
 */
export function fromTraceparent(traceparent: unknown): SpanContext | undefined {
  if (typeof traceparent !== 'string') return undefined;
  const match = TRACEPARENT.exec(traceparent);
  if (!match) return undefined;
  const context: SpanContext = { traceId: match[1]!, spanId: match[2]!, traceFlags: parseInt(match[3]!, 16) & TraceFlags.SAMPLED, isRemote: true };
  return isSpanContextValid(context) ? context : undefined;
}
