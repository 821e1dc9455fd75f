import { expectError, expectType } from 'tsd';
import { trace } from '@opentelemetry/api';
import { enableTracing, type EnabledTracing } from 'rxjs-asyncer/otel';

expectType<EnabledTracing>(enableTracing());
expectType<EnabledTracing>(enableTracing({ tracer: trace.getTracer('app') }));
expectType<void>(enableTracing().disable());
expectError(enableTracing({ tracr: trace.getTracer('app') }));
expectError(enableTracing({ tracer: 'app' }));
