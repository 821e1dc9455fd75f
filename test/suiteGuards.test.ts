import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// Every test in this suite is also a test that no promise rejection goes unhandled: jest-circus
// fails the test during which one does (jest.config.js, waitForUnhandledRejections). This proves
// that guard is live, by running jest on a fixture that leaks a rejection.
test('a test that leaves a promise rejection unhandled fails the suite', () => {
  const root = join(__dirname, '..');
  const run = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--rootDir', root, '--roots', '<rootDir>/test/fixtures', '--testPathIgnorePatterns', '/node_modules/', '--ci'],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('left unhandled on purpose');
  expect(run.stderr).toMatch(/Tests:\s+1 failed, 1 total/);
});
