import * as core from '../src/index.js';
import * as operators from '../operators/index.js';
import * as timeline from '../timeline/index.js';
import * as workers from '../workers/index.js';
import * as redis from '../redis/index.js';
import * as bullmq from '../bullmq/index.js';
import * as node from '../node/index.js';
import * as otel from '../otel/index.js';

// The public surface is a contract: adding or removing an export must be a deliberate change here.
describe('exports', () => {
  it('rxjs-asyncer exports exactly these values', () => {
    expect(Object.keys(core).sort()).toEqual(
      [
        'CancelledError',
        'PendingValueError',
        'SoonValue',
        'TaskGroupClosedError',
        'TaskGroupError',
        'createLimiter',
        'createScope',
        'createTaskGroup',
        'runTaskGroup',
        'shield',
        'taskGroup',
      ].sort(),
    );
  });

  it('rxjs-asyncer/operators exports exactly these values', () => {
    expect(Object.keys(operators).sort()).toEqual(['firstWins', 'gather', 'mapConcurrent', 'mapConcurrentFrom', 'mapExhaust', 'mapLatest']);
  });

  it('rxjs-asyncer/timeline exports exactly these values', () => {
    expect(Object.keys(timeline).sort()).toEqual(['recordTimeline', 'renderTimeline']);
  });

  it('rxjs-asyncer/workers exports exactly these values', () => {
    expect(Object.keys(workers).sort()).toEqual(['createWorkerPool', 'exposeWorker']);
  });

  it('rxjs-asyncer/redis exports exactly these values', () => {
    expect(Object.keys(redis).sort()).toEqual(['RedisLimiterError', 'createRedisLimiter']);
  });

  it('rxjs-asyncer/bullmq exports exactly these values', () => {
    expect(Object.keys(bullmq).sort()).toEqual(['connectTasks', 'serveTasks']);
  });

  it('rxjs-asyncer/node exports exactly these values', () => {
    expect(Object.keys(node).sort()).toEqual(['linkAcrossAwaits', 'runMain']);
  });

  it('rxjs-asyncer/otel exports exactly these values', () => {
    expect(Object.keys(otel).sort()).toEqual(['enableTracing']);
  });
});
