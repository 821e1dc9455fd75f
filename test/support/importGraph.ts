import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** A file's relative imports (`import`, `import type`, `export ... from`, `import()`), as repo paths. */
export type ImportGraph = Map<string, string[]>;

const importPattern = /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Builds the graph from source texts keyed by repo path (`src/engine/index.ts`). */
export function graphOf(sources: ReadonlyMap<string, string>): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const [file, text] of sources) {
    const targets: string[] = [];
    for (const match of text.matchAll(importPattern)) {
      const spec = (match[1] ?? match[2])!;
      targets.push(normalize(join(dirname(file), spec.replace(/\.js$/, '.ts'))).replace(/\\/g, '/'));
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Reads every .ts file (not .d.ts) under the given top-level folders of `root`. */
export function readSources(root: string, folders: readonly string[]): Map<string, string> {
  const sources = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) sources.set(relative(root, path).replace(/\\/g, '/'), readFileSync(path, 'utf8'));
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return sources;
}

/** Every import cycle, each as the list of files around it (found by depth-first search). */
export function cyclesOf(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (state.get(target) === 'visiting') cycles.push([...stack.slice(stack.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

/**
 * The layering rules, as "from -> to: why" lines for every import that breaks one:
 * - an entry point outside src/ (operators/, and the ones to come) reaches src/ only through
 *   `src/index.ts` (the public API) or `src/engine/index.ts` (the engine's door);
 * - src/ never imports an entry point outside it;
 * - the engine imports only itself, the public types and the public error classes, never
 *   groups or limiters.
 */
export function layeringViolations(graph: ImportGraph): string[] {
  const doors = new Set(['src/index.ts', 'src/engine/index.ts']);
  const violations: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const fromSrc = from.startsWith('src/');
      const toSrc = to.startsWith('src/');
      if (!fromSrc && toSrc && !doors.has(to)) violations.push(`${from} -> ${to}: entry points use src/index.ts or src/engine/index.ts`);
      if (fromSrc && !toSrc) violations.push(`${from} -> ${to}: the core never imports an entry point`);
      const engineMayUse = to.startsWith('src/engine/') || to.startsWith('src/types/') || /^src\/\w+Error\.ts$/.test(to);
      if (from.startsWith('src/engine/') && !engineMayUse) {
        violations.push(`${from} -> ${to}: the engine imports only itself, the public types and the error classes`);
      }
    }
  }
  return violations;
}
