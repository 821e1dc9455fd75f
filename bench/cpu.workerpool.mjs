// W6's worker module for workerpool used directly (the peer rxjs-asyncer/workers builds on).
import workerpool from 'workerpool';
import { kernel, tiny } from './cpu.mjs';

workerpool.worker({ kernel, tiny });
