// W6's worker module for rxjs-asyncer/workers.
import { exposeWorker } from 'rxjs-asyncer/workers';
import { kernel, tiny } from './cpu.mjs';

exposeWorker({ kernel, tiny });
