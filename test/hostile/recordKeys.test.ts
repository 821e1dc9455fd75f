import { firstValueFrom } from 'rxjs';
import { runTaskGroup } from '../../src/index.js';
import { gather } from '../../operators/index.js';

// Result records are own data properties for every key: `__proto__` never becomes a prototype.

const hostileKeys = <V>(value: (key: string) => V): Record<string, V> => {
  const record: Record<string, V> = {};
  for (const key of ['__proto__', 'constructor', 'then', 'hasOwnProperty', 'toString']) {
    Object.defineProperty(record, key, { value: value(key), enumerable: true, writable: true, configurable: true });
  }
  return record;
};

const expectOwnKeys = (out: Record<string, unknown>, expected: (key: string) => unknown): void => {
  expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  expect(Object.keys(out)).toEqual(['__proto__', 'constructor', 'then', 'hasOwnProperty', 'toString']);
  for (const key of Object.keys(out)) expect(Object.getOwnPropertyDescriptor(out, key)?.value).toEqual(expected(key));
  expect((out as { isAdmin?: unknown }).isAdmin).toBeUndefined();
};

describe('record keys', () => {
  it('gather keeps __proto__, constructor, then ... as own keys', async () => {
    const out = await firstValueFrom(gather(hostileKeys((key) => async () => (key === '__proto__' ? { isAdmin: true } : key))));
    expectOwnKeys(out as Record<string, unknown>, (key) => (key === '__proto__' ? { isAdmin: true } : key));
  });

  it('gather settled keeps them too', async () => {
    const out = await firstValueFrom(gather(hostileKeys((key) => async () => key), { settled: true }));
    expectOwnKeys(out as unknown as Record<string, unknown>, (key) => ({ status: 'fulfilled', value: key }));
  });

  it("runTaskGroup's record result keeps them, settled and pending entries alike", async () => {
    const out = await runTaskGroup((tg) =>
      hostileKeys((key) => (key === 'then' ? 'plain' : tg.soonify(async () => (key === '__proto__' ? { isAdmin: true } : key))())),
    );
    expectOwnKeys(out as Record<string, unknown>, (key) => (key === '__proto__' ? { isAdmin: true } : key === 'then' ? 'plain' : key));
  });

  it('a record with a `then` key is a record, not a promise (gather)', async () => {
    await expect(firstValueFrom(gather({ then: async () => 1, subscribe: async () => 2 }))).resolves.toEqual({ then: 1, subscribe: 2 });
  });

  it('objects that are not plain records are refused with a TypeError naming them', () => {
    class Inputs {
      a = async () => 1;
    }
    const caller = 'gather(inputs, options): inputs must be an array or a record of task inputs, got';
    expect(() => gather(new Inputs() as never)).toThrow(`${caller} [object Inputs]`);
    expect(() => gather(Promise.resolve(1) as never)).toThrow(`${caller} [object Promise]`);
    expect(() => gather(new Map() as never)).toThrow(`${caller} [object Map]`);
  });

  it('a record with no prototype is a record', async () => {
    const inputs = Object.assign(Object.create(null) as Record<string, unknown>, { a: async () => 1 });
    await expect(firstValueFrom(gather(inputs as never))).resolves.toEqual({ a: 1 });
  });

  it('a record entry whose getter throws is a TypeError at the call, naming the key', () => {
    const inputs = Object.defineProperty({}, 'user', {
      enumerable: true,
      get() {
        throw new Error('getter threw');
      },
    });
    expect(() => gather(inputs)).toThrow(TypeError);
    expect(() => gather(inputs)).toThrow('gather(inputs, options): inputs.user could not be read: Error: getter threw');
  });
});
