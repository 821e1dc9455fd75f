import { CancelledError, PendingValueError, TaskGroupClosedError, TaskGroupError } from '../src/index.js';

describe('error classes', () => {
  it.each([
    ['CancelledError', new CancelledError('why')],
    ['PendingValueError', new PendingValueError('not yet')],
    ['TaskGroupClosedError', new TaskGroupClosedError('closed')],
    ['TaskGroupError', new TaskGroupError([new Error('a')])],
  ])('%s is an Error with its own name', (name, error) => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(Object.prototype.toString.call(error)).toBe('[object Error]');
  });

  it('CancelledError carries its reason as reason and cause, and says it by default', () => {
    const reason = new Error('sibling failed');
    const error = new CancelledError(reason);
    expect(error.reason).toBe(reason);
    expect(error.cause).toBe(reason);
    expect(error.message).toBe('The task was cancelled (Error: sibling failed)');
  });

  it('TaskGroupError is an AggregateError listing every failure in its message', () => {
    const error = new TaskGroupError([new TypeError('bad'), 'plain string', 42], "task group 'x'");
    expect(error).toBeInstanceOf(AggregateError);
    expect(error.errors).toHaveLength(3);
    expect(error.message).toBe(`3 failures in task group 'x': TypeError: bad; "plain string"; 42`);
  });
});
