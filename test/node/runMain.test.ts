import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { runMain } from '../../node/index.js';

// Real child processes (fixtures/program.mjs runs the built package) and real signals.

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the program; `onReady` runs when it prints "ready" (each time). */
function start(scenario: string, onReady?: (child: ReturnType<typeof spawn>, times: number) => void): Promise<Finished> {
  const child = spawn(process.execPath, [join(__dirname, 'fixtures', 'program.mjs'), scenario], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let readies = 0;
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk;
    const count = stdout.split('\n').filter((line) => line === 'ready').length;
    while (readies < count) onReady?.(child, ++readies);
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('runMain, in real processes', () => {
  it('exits 0 after a successful program', async () => {
    const { code, stdout, stderr } = await start('success');
    expect(stdout).toBe('sum 42\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exits 1 after a failure, printing the failure and its cause chain readably, then the teardown error the cancel met', async () => {
    const { code, stderr } = await start('failure');
    expect(code).toBe(1);
    const lines = stderr.split('\n');
    expect(lines[0]).toBe("main 'import' failed:");
    expect(lines[1]).toBe('Error: could not load');
    expect(stderr).toMatch(/\n\s+at .*program\.mjs/);
    expect(stderr).toMatch(/caused by Error: ECONNREFUSED 127\.0\.0\.1:5432/);
    // reported as rxjs reports an error nobody receives: thrown from a timer, after the failure
    expect(stderr.indexOf('TypeError: teardown broke')).toBeGreaterThan(stderr.indexOf('could not load'));
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s cancels the group: finally blocks and teardowns run, exit code %i, one line on stderr', async (signal, expected) => {
    const { code, stdout, stderr } = await start('cancel', (child) => child.kill(signal));
    expect(stdout).toContain('cleanup a');
    expect(stdout).toContain('cleanup b');
    const again = signal === 'SIGINT' ? ' (Ctrl-C again to exit at once)' : '';
    expect(stderr).toBe(`main: ${signal} received, cancelling${again}\nmain: cancelled by ${signal}\n`);
    expect(code).toBe(expected);
  });

  it('a task that ignores the cancellation is named after teardownTimeout, and the program exits anyway', async () => {
    const { code, stderr } = await start('stuck', (child) => child.kill('SIGINT'));
    expect(stderr).toContain("main: after SIGINT, 1 task(s) still running after 300 ms: 'stubborn'; exiting anyway");
    expect(code).toBe(130);
  });

  it('a second SIGINT exits at once, without waiting for the teardown', async () => {
    // signals are not queued: send the second only once the program has seen the first
    const child = start('stuck', (program) => {
      program.kill('SIGINT');
      program.stderr!.on('data', (chunk: Buffer) => {
        if (String(chunk).includes('SIGINT received')) program.kill('SIGINT');
      });
    });
    const { code, stderr } = await child;
    expect(stderr).toContain('main: a second SIGINT: exiting now');
    expect(stderr).not.toContain('still running');
    expect(code).toBe(130);
  });
});

describe('runMain, in this process (exit: false)', () => {
  it('resolves with the value and removes its signal handlers', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    await expect(runMain((tg) => [tg.startSoon(async () => 1), tg.startSoon(async () => 'two')], { exit: false })).resolves.toEqual([1, 'two']);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });

  it('rejects with the failure, and prints it', async () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(runMain(() => Promise.reject(new RangeError('nope')), { exit: false })).rejects.toThrow('nope');
      expect(write.mock.calls.map((call) => String(call[0])).join('')).toMatch(/^main failed:\nRangeError: nope\n/);
    } finally {
      write.mockRestore();
    }
  });

  it('refuses bad input at once', () => {
    expect(() => runMain(5 as never)).toThrow(new TypeError('runMain(body, options): body must be a function, got 5'));
    expect(() => runMain(() => 1, { teardownTimeout: -1 })).toThrow(RangeError);
    expect(() => runMain(() => 1, { exit: 'no' as never })).toThrow('options.exit must be a boolean, got "no"');
  });
});
