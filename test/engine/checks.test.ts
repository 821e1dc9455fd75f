import { checkSoonifyArgs } from '../../src/engine/checks/checkSoonifyArgs.js';
import { checkGatherArgs } from '../../operators/internal/checks/checkGatherArgs.js';
import { checkMapConcurrentFromArgs } from '../../operators/internal/checks/checkMapConcurrentFromArgs.js';
import { readOptions } from '../../src/engine/checks/assert.js';
import { createLimiter } from '../../src/index.js';

describe('argument checks', () => {
  it('readOptions reads each field once and names a field whose getter throws', () => {
    let reads = 0;
    const options = {
      get a() {
        reads++;
        return 1;
      },
      get b(): number {
        throw new Error('no');
      },
    };
    expect(() => readOptions(options, ['a', 'b'], 'f(options): options')).toThrow('f(options): options.b could not be read: Error: no');
    expect(readOptions({ a: 1 }, ['a', 'b'], 'f')).toEqual({ a: 1, b: undefined });
    expect(reads).toBe(1);
  });

  it('checkGatherArgs snapshots the inputs and reads a record once', () => {
    const inputs = [async () => 1];
    const args = checkGatherArgs(inputs, undefined);
    inputs.push(async () => 2);
    expect(args.entries).toHaveLength(1);
    expect(checkGatherArgs({ a: async () => 1 }, { concurrency: 2 })).toMatchObject({ keys: ['a'], concurrency: 2, settled: false });
  });

  it('checkSoonifyArgs takes the name from the option, else from the function', () => {
    function load(): void {}
    const limiter = createLimiter(1);
    expect(checkSoonifyArgs(load, undefined)).toEqual({ name: 'load', limiter: undefined });
    expect(checkSoonifyArgs(load, { name: 'x', limiter })).toEqual({ name: 'x', limiter });
  });

  it('a limiter is checked by shape: the message names the acquire method it lacks', () => {
    const runOnly = { concurrency: 1, running: 0, pending: 0, run: () => Promise.resolve() };
    expect(() => checkSoonifyArgs(() => 1, { limiter: runOnly })).toThrow(
      new TypeError('tg.soonify(fn, options): options.limiter must be a Limiter: an object with an acquire(signal) method, got [object Object] (acquire is missing)'),
    );
    expect(() => checkSoonifyArgs(() => 1, { limiter: { acquire: 5 } })).toThrow('(acquire is 5)');
    expect(() => checkSoonifyArgs(() => 1, { limiter: 'limiter' })).toThrow('got "limiter"');
    // a foreign limiter is wrapped; one made by createLimiter is used as it is (its fast path)
    const foreign = { acquire: () => Promise.resolve({ release() {} }) };
    expect(checkSoonifyArgs(() => 1, { limiter: foreign }).limiter).not.toBe(foreign);
  });

  it('checkMapConcurrentFromArgs tells async iterables apart', () => {
    async function* gen(): AsyncGenerator<number> {}
    expect(checkMapConcurrentFromArgs(gen(), () => 1, 2)).toMatchObject({ isAsync: true, concurrency: 2, ordered: true });
    expect(checkMapConcurrentFromArgs([1], () => 1, { ordered: false })).toMatchObject({ isAsync: false, concurrency: Infinity, ordered: false });
  });
});
