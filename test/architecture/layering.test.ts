import { join } from 'node:path';
import { cyclesOf, graphOf, layeringViolations, readSources } from '../support/importGraph.js';

// The structure ARCHITECTURE.md describes, checked on every `npm test`.

const root = join(__dirname, '..', '..');
/** src/ and every entry point beside it: a new entry folder is added here when it lands */
const folders = ['src', 'operators', 'timeline', 'angular', 'workers', 'node', 'redis', 'bullmq', 'otel'];
const graph = graphOf(readSources(root, folders));

describe('the import graph', () => {
  it('has no cycle, type-only imports included', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('keeps the layers: entry points through the two doors, the engine below groups and limiters', () => {
    expect(layeringViolations(graph)).toEqual([]);
  });

  it('reads every source file and its imports (a parser that saw nothing would pass the two above)', () => {
    expect(graph.size).toBeGreaterThan(60);
    expect(graph.get('operators/internal/checks/checkGatherArgs.ts')).toEqual(expect.arrayContaining(['src/engine/index.ts']));
    expect(graph.get('src/group/TaskGroupObject.ts')).toEqual(expect.arrayContaining(['src/group/GroupTask.ts']));
  });
});

describe('packages', () => {
  // what each folder may import from outside the repository (type-only imports included)
  const packagesOf = (prefix: string): Set<string> => {
    const found = new Set<string>();
    for (const [file, text] of readSources(root, folders)) {
      if (!file.startsWith(prefix)) continue;
      for (const match of text.matchAll(/^(?:import|export)[^;]*?from '([^'.][^']*)'/gm)) found.add(match[1]!.startsWith('@') ? match[1]!.split('/').slice(0, 2).join('/') : match[1]!.split('/')[0]!);
    }
    return found;
  };

  it('the core and the operators import rxjs and nothing else: no node:, no OpenTelemetry (tracing is a hook otel/ fills)', () => {
    expect([...packagesOf('src/'), ...packagesOf('operators/')].filter((name) => name !== 'rxjs')).toEqual([]);
  });

  it('otel/ imports only @opentelemetry/api', () => {
    expect([...packagesOf('otel/')]).toEqual(['@opentelemetry/api']);
  });
});

describe('the checks themselves', () => {
  const fixture = (files: Record<string, string>) => graphOf(new Map(Object.entries(files)));

  it('find a cycle, through type-only imports and re-exports too', () => {
    const graph = fixture({
      'src/a.ts': "import type { B } from './b.js';",
      'src/b.ts': "export { c } from './c.js';",
      'src/c.ts': "import { a } from './a.js';",
    });
    expect(cyclesOf(graph)).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts']]);
  });

  it('find an entry point reaching past the doors, the core importing an entry point, the engine importing a group', () => {
    const graph = fixture({
      'operators/x.ts': "import { followTaskValue } from '../src/engine/followTaskValue.js';\nimport { y } from '../src/engine/index.js';",
      'src/engine/index.ts': "import { TaskGroupObject } from '../group/TaskGroupObject.js';",
      'src/group/TaskGroupObject.ts': "import { gather } from '../../operators/x.js';",
      'src/engine/failureOf.ts': "import { TaskGroupError } from '../TaskGroupError.js';",
      'src/TaskGroupError.ts': '',
    });
    expect(layeringViolations(graph)).toEqual([
      'operators/x.ts -> src/engine/followTaskValue.ts: entry points use src/index.ts or src/engine/index.ts',
      'src/engine/index.ts -> src/group/TaskGroupObject.ts: the engine imports only itself, the public types and the error classes',
      'src/group/TaskGroupObject.ts -> operators/x.ts: the core never imports an entry point',
    ]);
  });
});
