import { checkGatherArgs, checkMapConcurrentFromArgs, checkSoonifyArgs } from '../../src/engine/index.js';
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

  it('only limiters made by createLimiter are accepted: a look-alike object is refused', () => {
    const lookAlike = { concurrency: 1, running: 0, pending: 0, run: () => Promise.resolve() };
    expect(() => checkSoonifyArgs(() => 1, { limiter: lookAlike })).toThrow('must be a Limiter made by createLimiter(), got [object Object]');
  });

  it('checkMapConcurrentFromArgs tells async iterables apart', () => {
    async function* gen(): AsyncGenerator<number> {}
    expect(checkMapConcurrentFromArgs(gen(), () => 1, 2)).toMatchObject({ isAsync: true, concurrency: 2, ordered: true });
    expect(checkMapConcurrentFromArgs([1], () => 1, { ordered: false })).toMatchObject({ isAsync: false, concurrency: Infinity, ordered: false });
  });
});
