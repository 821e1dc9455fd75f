/**
 * `promise`, unless it takes longer than `ms`: then it rejects with `timedOut()`. A rejection of
 * `promise` becomes `failed(error)`, so a caller can name what it was doing. The timer is cleared
 * as soon as `promise` settles.
 * @internal
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, timedOut: () => unknown, failed: (error: unknown) => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(timedOut()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(failed(error));
      },
    );
  });
}
