// The reader's own functions and values that the README's and the guides' examples use without
// declaring them: declared once here (globally), so that each example stays as short as a reader
// wants it. Everything the library itself provides is imported in the example.

interface User { readonly id: number; readonly name: string }
interface Post { readonly title: string }
interface Prefs { readonly theme: string }
interface Order { readonly id: number; readonly total: number }
interface Profile { readonly name: string }

/** the tutorial's one-second call */
declare function doWork(name: string): Promise<void>;
declare function fetchUser(id: number, signal?: AbortSignal): Promise<User>;
declare function fetchPosts(id: number): import('rxjs').Observable<Post[]>;
declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
declare function fetchA(): Promise<string>;
declare function mayThrow(): void;
declare function render(user: User, prefs: Prefs): void;
declare function show(value: unknown): void;
declare function loadRow(id: number, signal: AbortSignal): Promise<string>;
declare function fetchPage(page: number, signal: AbortSignal): Promise<string[]>;
declare function store(entries: string[]): void;
declare function toast(error: unknown): void;
declare function query(sql: string, options?: { signal?: AbortSignal }): Promise<unknown>;
declare function download(url: string): Promise<Uint8Array>;
declare function charge(order: Order): Promise<void>;
declare function importFile(path: string, signal: AbortSignal): Promise<void>;
declare function shrink(path: string, width: number, options: { signal: AbortSignal }): Promise<number>;
declare function digest(data: Uint8Array, rounds: number): string;

declare const ids: number[];
declare const ids$: import('rxjs').Observable<number>;
declare const urls: string[];
declare const paths: string[];
declare const orders: Order[];
declare const orders$: import('rxjs').Observable<Order>;
declare const bytes: Uint8Array;
declare const primaryUrl: string;
declare const replicaUrl: string;
declare const sql: string;
/** an Angular HttpClient, as a component or service injects it */
declare const http: import('@angular/common/http').HttpClient;
/** an AbortSignal that aborts when a component is destroyed */
declare const destroyed: AbortSignal;
/** an incoming request, with its own signal */
declare const request: { readonly signal: AbortSignal };
/** a web framework's app (Express, Fastify) */
declare const app: { get(path: string, handler: (req: { id: string }, res: { json(value: unknown): void }) => unknown): void };
declare const requestContext: import('node:async_hooks').AsyncLocalStorage<{ id: string }>;
declare const log: { info(message: string): void };
/** BullMQ's connection: ioredis options */
declare const connection: { host: string; port: number };
