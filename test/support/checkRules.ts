/**
 * The rules of argument checks, as functions over source texts (keyed by repo path), so that a
 * test can run them on the real sources and on fixtures that break them.
 */

/** Whether a file is a checks module: under a `checks/` folder, or named `checks.ts`. */
export const isChecksModule = (file: string): boolean => /(^|\/)checks\/[^/]+\.ts$|(^|\/)checks\.ts$/.test(file);

/** `throw new TypeError(` or `throw new RangeError(` written by hand outside a checks module. */
export function handWrittenThrows(sources: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of sources) {
    if (isChecksModule(file)) continue;
    text.split('\n').forEach((line, i) => {
      if (/\bthrow\s+new\s+(TypeError|RangeError)\b/.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

/** An option-key list given to `readOptions` inline, or typed by hand, instead of `optionKeys<T>()`. */
export function untypedKeyLists(sources: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of sources) {
    text.split('\n').forEach((line, i) => {
      if (/\breadOptions\([^,]+,\s*\[/.test(line) || /\bas const satisfies readonly \(keyof/.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

/**
 * Names `src/engine/index.ts` exports that no entry point file imports from it: the engine's door
 * is for entry points (the core imports the engine's files directly), so such an export is dead.
 */
export function unusedEngineExports(sources: ReadonlyMap<string, string>, entryFolders: readonly string[]): string[] {
  const index = sources.get('src/engine/index.ts') ?? '';
  const exported = [...index.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)].flatMap((m) => namesIn(m[1]!));
  const imported = new Set<string>();
  for (const [file, text] of sources) {
    if (!entryFolders.some((folder) => file.startsWith(`${folder}/`))) continue;
    for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'[^']*src\/engine\/index\.js'/g)) namesIn(m[1]!).forEach((name) => imported.add(name));
  }
  return exported.filter((name) => !imported.has(name));
}

const namesIn = (list: string): string[] =>
  list
    .split(',')
    .map((part) => part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()!)
    .filter((name) => name !== '');
