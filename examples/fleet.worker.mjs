// One cook of examples/fleet.ts: a process serving the kitchen's tasks on a BullMQ queue.
import { serveTasks } from 'rxjs-asyncer/bullmq';
import * as tasks from './fleet.tasks.mjs';

const server = await serveTasks('kitchen', tasks, { connection: JSON.parse(process.argv[2]), concurrency: 1 });
console.log('ready');
process.once('SIGTERM', async () => {
  await server.close();
  process.exit(0);
});
