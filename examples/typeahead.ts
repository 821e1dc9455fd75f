// Latest wins: a typeahead whose every keystroke supersedes the search before it. The superseded
// searches are aborted (their signal fires), not just ignored: see "aborted" below.
// Run: npx tsx examples/typeahead.ts

import { concatMap, delay, from, of } from 'rxjs';
import { mapLatest } from 'rxjs-asyncer/operators';

const WORDS = ['angular', 'anyio', 'asyncer', 'rxjs', 'structured concurrency'];

/** A search that answers after 120 ms, unless its signal aborts first (as fetch does). */
function search(query: string, signal: AbortSignal): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(WORDS.filter((word) => word.startsWith(query))), 120);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      console.log(`  aborted the search for "${query}"`);
      reject(signal.reason);
    });
  });
}

// someone types "an", pauses, then types "any": a keystroke every 50 ms, a pause of 200 ms
const keystrokes = [
  ['a', 0],
  ['an', 50],
  ['any', 250],
] as const;

from(keystrokes)
  .pipe(
    concatMap(([text, at], i) => of(text).pipe(delay(i === 0 ? at : at - keystrokes[i - 1][1]))),
    mapLatest((query, _index, signal) => {
      console.log(`searching "${query}"`);
      return search(query, signal);
    }),
  )
  .subscribe((results) => console.log('results:', results));
// searching "a"
//   aborted the search for "a"
// searching "an"
// results: [ 'angular', 'anyio' ]
// searching "any"
// results: [ 'anyio' ]
