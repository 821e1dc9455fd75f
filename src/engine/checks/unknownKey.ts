/**
 * The error for an option key nobody reads: a typo (`timout`), or an option of another function.
 * TypeScript catches these only in object literals; JavaScript callers and options built
 * elsewhere get this at the call, with the closest known key, as a compiler would say it.
 * @param what how the message names the object: `createTaskGroup(options): options`
 * @internal
 */
export function unknownKey(key: string, known: readonly string[], what: string): TypeError {
  const now = RENAMED[key];
  const guess = now !== undefined && known.includes(now) ? undefined : closestKey(key, known);
  const hint = guess !== undefined ? `: did you mean '${guess}'?` : now !== undefined && known.includes(now) ? `: it was renamed '${now}' (see CHANGELOG.md)` : '';
  return new TypeError(`${what} has no key '${key}'${hint} (known keys: ${known.join(', ')})`);
}

/** Option keys renamed before 1.0, by their old name: an old call is told the new one. */
const RENAMED: Readonly<Record<string, string>> = { leaseMs: 'lease', pollMs: 'pollInterval', timeoutMs: 'redisTimeout', closeTimeoutMs: 'closeTimeout' };

/**
 * The known key nearest to `key` by edit distance (case ignored), when it is near enough to be a
 * likely typo: at most a third of the key's length, and at least 1, apart. Otherwise undefined:
 * `did you mean` pointing at an unrelated key misleads more than it helps.
 * @internal
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance with adjacent swaps counted as one edit (`stager`, `orderd`, `nmae`). */
function editDistance(a: string, b: string): number {
  // rows of the dynamic programme: two before, previous, current
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
