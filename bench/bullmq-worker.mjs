// A worker process of W8 (bench/bullmq.mjs): serves the CPU kernel and a tiny task on one queue.
// Arguments: port queue [concurrency]
import { serveTasks } from 'rxjs-asyncer/bullmq';
import { ITERATIONS, kernel } from './cpu.mjs';

const [port, queue, concurrency = '1'] = process.argv.slice(2);
await serveTasks(queue, { cpu: () => kernel(ITERATIONS), add: (a, b) => a + b }, { connection: { host: '127.0.0.1', port: Number(port) }, concurrency: Number(concurrency) });
console.log('serving');
