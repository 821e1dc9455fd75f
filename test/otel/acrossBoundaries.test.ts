import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { runTaskGroup } from '../../src/index.js';
import { createWorkerPool } from '../../workers/index.js';
import { connectTasks } from '../../bullmq/index.js';
import { enableTracing, type EnabledTracing } from '../../otel/index.js';
import { startRedisServer, type RedisServer } from '../redis/redisServer.js';
import { launchNode, type NodeProcess, until } from '../support/nodeProcess.js';

// One trace across a worker thread and across processes on BullMQ: this process traces with the
// real SDK (in memory); the worker thread and the BullMQ worker process trace too, each writing
// its spans to a file (fixtures/fileExporter.mjs) that the test reads. The other side's task span
// must be a child of this side's call span, in the same trace.

const FIXTURES = join(__dirname, 'fixtures');
const ROOT = join(__dirname, '..', '..');
const exporter = new InMemorySpanExporter();
const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer('caller');
const manager = new AsyncLocalStorageContextManager();
let enabled: EnabledTracing;
let folder: string;
let traceFile: string;

interface WrittenSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
  pid: number;
}
const written = (): WrittenSpan[] =>
  existsSync(traceFile)
    ? readFileSync(traceFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as WrittenSpan)
    : [];
const callSpan = (name: string): ReadableSpan => exporter.getFinishedSpans().find((span) => span.name === name)!;

beforeAll(() => context.setGlobalContextManager(manager.enable()));
afterAll(() => {
  manager.disable();
  context.disable();
});
beforeEach(() => {
  exporter.reset();
  enabled = enableTracing({ tracer });
  folder = mkdtempSync(join(tmpdir(), 'rxa-otel-'));
  traceFile = join(folder, 'spans.jsonl');
});
afterEach(() => {
  enabled.disable();
  rmSync(folder, { recursive: true, force: true });
});

describe('a trace across boundaries', () => {
  it('a worker call carries its trace context: the worker thread\'s task span is the call span\'s child', async () => {
    // a worker thread writes where fixtures/fileExporter.mjs says: its process is this one
    traceFile = join(tmpdir(), `rxa-otel-${process.pid}.jsonl`);
    rmSync(traceFile, { force: true });
    const pool = createWorkerPool<typeof import('./fixtures/traced.worker.mjs')>(pathToFileURL(join(FIXTURES, 'traced.worker.mjs')), { size: 1 });
    try {
      const value = await runTaskGroup((tg) => tg.soonify(() => pool.call.square(7), { name: 'compute' })(), { name: 'page' });
      expect(value).toBe(49);
      await until(() => written().some((span) => span.name === 'square'), 'the worker wrote its span');
    } finally {
      await pool.close();
    }
    const spans = written();
    rmSync(traceFile, { force: true });
    const call = callSpan('worker call square');
    const [square] = spans.filter((span) => span.name === 'square');
    expect([square!.traceId, square!.parentSpanId, square!.attributes['rxjs_asyncer.outcome'], square!.attributes['rxjs_asyncer.kind']]).toEqual([
      call.spanContext().traceId,
      call.spanContext().spanId,
      'fulfilled',
      'worker task',
    ]);
    // and the call span is the calling task's child
    expect(call.parentSpanContext?.spanId).toBe(callSpan('compute').spanContext().spanId);
  });

  describe('on BullMQ, with a worker process', () => {
    let server: RedisServer;
    const children: ChildProcess[] = [];
    let worker: NodeProcess | undefined;
    beforeAll(async () => {
      server = await startRedisServer();
    });
    afterEach(async () => {
      await worker?.stop();
      worker = undefined;
    });
    afterAll(async () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await server.stop();
    });

    it('a remote call carries its trace context: the worker process\'s task span is the call span\'s child', async () => {
      worker = launchNode(join(FIXTURES, 'tracedServer.mjs'), [server.port, 'traced'], { cwd: ROOT, env: { ...process.env, TRACE_FILE: traceFile }, started: children });
      await worker.said('serving');
      const remote = connectTasks<{ square(x: number): Promise<number> }>('traced', { connection: { host: '127.0.0.1', port: server.port } });
      try {
        await expect(runTaskGroup((tg) => tg.soonify(() => remote.call.square(9), { name: 'ask fleet' })())).resolves.toBe(81);
        await until(() => written().some((span) => span.name === 'square'), 'the worker process wrote its span');
      } finally {
        await remote.close();
      }
      const call = callSpan('remote call square');
      const [square] = written().filter((span) => span.name === 'square');
      expect([square!.traceId, square!.parentSpanId, square!.attributes['rxjs_asyncer.kind'], square!.pid === process.pid]).toEqual([
        call.spanContext().traceId,
        call.spanContext().spanId,
        'remote task',
        false,
      ]);
      expect(call.parentSpanContext?.spanId).toBe(callSpan('ask fleet').spanContext().spanId);
    }, 30_000);
  });
});
