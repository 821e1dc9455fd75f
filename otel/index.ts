/**
 * OpenTelemetry spans for groups, scopes, operators, tasks, worker calls and remote calls.
 *
 * @module rxjs-asyncer/otel
 */
// rxjs-asyncer/otel: tracing. Flat named re-exports; test/exports.test.ts pins them.

export { enableTracing } from './enableTracing.js';
export type { EnabledTracing } from './types/EnabledTracing.js';
export type { TracingOptions } from './types/TracingOptions.js';
