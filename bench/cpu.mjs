// The CPU-bound kernel of W6: a fixed amount of arithmetic (not a time limit), so every contender
// does the same work. About 20 ms per call on the machine the suite was written on.
export const ITERATIONS = 2_600_000;

export function kernel(iterations) {
  let x = 0;
  for (let i = 0; i < iterations; i++) x = Math.sqrt(x + i) * 0.999;
  return x;
}

/** W6b's tiny job: the per-call overhead is all there is to measure. */
export function tiny(x) {
  return x + 1;
}
