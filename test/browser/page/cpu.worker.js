// A module Web Worker: CPU-bound functions, exposed to the page's pool.
import { exposeWorker } from 'rxjs-asyncer/workers';

const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));

/** Never returns: only terminating the worker stops it. */
function spin() {
  for (;;);
}

exposeWorker({ fib, spin });
