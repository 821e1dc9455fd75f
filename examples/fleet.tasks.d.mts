import type { TaskContext } from 'rxjs-asyncer/bullmq';

export function cook(name: string, ms: number, ctx: TaskContext): Promise<string>;
