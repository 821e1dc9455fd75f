// Removes the folders named on the command line: `rm -rf` that works on every OS.
import { rmSync } from 'node:fs';

for (const dir of process.argv.slice(2)) rmSync(dir, { recursive: true, force: true });
