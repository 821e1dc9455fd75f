import { join } from 'node:path';
import { readSources } from '../support/importGraph.js';
import { handWrittenThrows, isChecksModule, untypedKeyLists, unusedEngineExports } from '../support/checkRules.js';

// One way to check arguments (ARCHITECTURE.md, "Argument checks"), checked on every `npm test`.

const root = join(__dirname, '..', '..');
const entryFolders = ['operators', 'timeline', 'angular', 'workers', 'node', 'redis', 'bullmq', 'otel'];
const sources = readSources(root, ['src', ...entryFolders]);

describe('argument checks', () => {
  it('are thrown only by the checks modules: no hand-written TypeError or RangeError elsewhere', () => {
    expect(handWrittenThrows(sources)).toEqual([]);
  });

  it('read options through key lists typed against their interface (optionKeys)', () => {
    expect(untypedKeyLists(sources)).toEqual([]);
  });

  it('have one checks module per entry point, built from the engine', () => {
    const modules = [...sources.keys()].filter(isChecksModule);
    for (const folder of ['src/engine', ...entryFolders]) expect(modules.some((file) => file.startsWith(`${folder}/`))).toBe(true);
    for (const file of modules.filter((file) => !file.startsWith('src/'))) expect(sources.get(file)).toMatch(/src\/engine\/index\.js'/);
  });

  it('the engine exports only what an entry point imports', () => {
    expect(unusedEngineExports(sources, entryFolders)).toEqual([]);
  });
});

describe('the rules themselves', () => {
  const fixture = (files: Record<string, string>) => new Map(Object.entries(files));

  it('find a hand-written throw outside a checks module, and allow it inside one', () => {
    const files = fixture({
      'workers/createWorkerPool.ts': "if (x) throw new TypeError('bad');\nthrow new RangeError(`bad`);",
      'workers/internal/checks.ts': "throw new TypeError('fine here');",
      'operators/internal/checks/checkGatherArgs.ts': "throw new RangeError('fine here');",
      'src/engine/reportCleanupError.ts': 'throw error;',
    });
    expect(handWrittenThrows(files)).toEqual([
      "workers/createWorkerPool.ts:1: if (x) throw new TypeError('bad');",
      'workers/createWorkerPool.ts:2: throw new RangeError(`bad`);',
    ]);
  });

  it('find an inline or hand-typed key list', () => {
    const files = fixture({
      'node/internal/checks.ts': "readOptions(options, ['name', 'exit'], what);\nconst K = ['a'] as const satisfies readonly (keyof X)[];\nreadOptions(options, KEYS, what);",
    });
    expect(untypedKeyLists(files)).toHaveLength(2);
  });

  it('find an engine export no entry point imports', () => {
    const files = fixture({
      'src/engine/index.ts': "export { used, type Used } from './a.js';\nexport { unused } from './b.js';",
      'operators/x.ts': "import { used, type Used } from '../src/engine/index.js';",
      'src/group/y.ts': "import { unused } from '../engine/index.js';",
    });
    expect(unusedEngineExports(files, ['operators'])).toEqual(['unused']);
  });
});
