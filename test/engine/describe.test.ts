import { describe as describeValue, describeError } from '../../src/engine/index.js';
import { circularError, errorWithThrowingMessage, revokedProxy } from '../support/hostile.js';

describe('describe', () => {
  it.each([
    ['text', '"text"'],
    ['x'.repeat(70), `"${'x'.repeat(57)}..."`],
    [-0, '-0'],
    [NaN, 'NaN'],
    [10n, '10n'],
    [null, 'null'],
    [undefined, 'undefined'],
    [Symbol('s'), 'Symbol(s)'],
    [[1, 2], '[Array(2)]'],
    [new Map(), '[object Map]'],
    [{}, '[object Object]'],
    [Object.create(null), '[object Object]'],
    [function named() {}, '[Function named]'],
  ])('renders %p as %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('never throws: a revoked Proxy is unreadable', () => {
    expect(describeValue(revokedProxy())).toBe('[object (unreadable)]');
  });

  it('never throws: a function whose name getter throws is unreadable', () => {
    const fn = Object.defineProperty(() => undefined, 'name', {
      get() {
        throw new Error('no name');
      },
    });
    expect(describeValue(fn)).toBe('[function (unreadable)]');
  });
});

describe('describeError', () => {
  it.each([
    [new TypeError('bad'), 'TypeError: bad'],
    [{ name: 'Custom', message: 'm' }, 'Custom: m'],
    [{ message: Symbol('m') }, 'Error: Symbol(m)'],
    [{ message: 42 }, 'Error: 42'],
    ['plain', '"plain"'],
    [Symbol('why'), 'Symbol(why)'],
    [Object.create(null), '[object Object]'],
    [circularError(), 'Error: circular'],
  ])('names %p as %s', (error, expected) => {
    expect(describeError(error)).toBe(expected);
  });

  it('never throws: a message getter that throws, a revoked Proxy', () => {
    expect(describeError(errorWithThrowingMessage())).toBe('[object Error]');
    expect(describeError(revokedProxy())).toBe('[object (unreadable)]');
  });
});
