// The types of burgers.worker.mjs, for createWorkerPool<typeof import('./burgers.worker.mjs')>.
export function cook(name: string, ms: number): string;
