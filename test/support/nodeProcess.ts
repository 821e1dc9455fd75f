import { type ChildProcess, spawn } from 'node:child_process';

/** A Node child process of a test, with what it prints. */
export interface NodeProcess {
  readonly child: ChildProcess;
  /** resolves once the process has printed `line` (stdout or stderr) */
  said(line: string): Promise<void>;
  /** its exit code and everything it printed, once it exits */
  readonly exited: Promise<{ code: number | null; output: string }>;
  /** SIGTERM (if it still runs), then its exit */
  stop(): Promise<void>;
}

/**
 * Starts `node <file> ...args` in `cwd`, collecting what it prints. Every process is also pushed
 * to `started`, for the suite to kill what is left in `afterAll`.
 */
export function launchNode(file: string, args: readonly (string | number)[], options: { cwd: string; env?: NodeJS.ProcessEnv; started: ChildProcess[] }): NodeProcess {
  const child = spawn(process.execPath, [file, ...args.map(String)], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  options.started.push(child);
  let output = '';
  const waiting: [string, () => void][] = [];
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const [line, resolve] of waiting) if (output.includes(line)) resolve();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
  return {
    child,
    said: (line) => new Promise<void>((resolve) => (output.includes(line) ? resolve() : waiting.push([line, resolve]))),
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Waits until `check` holds, asking again every 10 ms; returns how long it took. For state another
 * process or connection changes, where there is no event to wait for: the bound only turns a hang
 * into a failure naming `what`.
 */
export async function until(check: () => Promise<boolean> | boolean, what: string, limitMs = 15_000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    if (await check()) return Date.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}
