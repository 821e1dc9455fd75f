// A worker process of W8 (bench/bullmq.mjs): serves the CPU kernel on one queue.
// Arguments: port queue
import { serveTasks } from 'rxjs-asyncer/bullmq';
import { ITERATIONS, kernel } from './cpu.mjs';

const [port, queue] = process.argv.slice(2);
await serveTasks(queue, { cpu: () => kernel(ITERATIONS) }, { connection: { host: '127.0.0.1', port: Number(port) }, concurrency: 1 });
console.log('serving');
