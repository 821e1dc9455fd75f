/** The commands this entry point sends besides BullMQ's own (ioredis's API). @internal */
export interface RawClient {
  set(key: string, value: string, px: 'PX', ms: number): Promise<unknown>;
  set(key: string, value: string, px: 'PX', ms: number, xx: 'XX'): Promise<'OK' | null>;
  del(...keys: string[]): Promise<unknown>;
  exists(...keys: string[]): Promise<number>;
  mget(...keys: string[]): Promise<(string | null)[]>;
  publish(channel: string, message: string): Promise<unknown>;
  time(): Promise<[string, string]>;
  multi(): { set(key: string, value: string, px: 'PX', ms: number): unknown; publish(channel: string, message: string): unknown; exec(): Promise<unknown> };
  pipeline(): RawPipeline;
  duplicate(): RawSubscriber & RawReader & Pick<RawClient, 'set' | 'pipeline'>;
}

/** A connection that blocks on a list: the caller's results reader. @internal */
export interface RawReader {
  pipeline(): RawPipeline;
}

/** Commands sent together, answered in order. @internal */
export interface RawPipeline {
  set(key: string, value: string, px: 'PX', ms: number, xx?: 'XX'): RawPipeline;
  rpush(key: string, ...values: string[]): RawPipeline;
  pexpire(key: string, ms: number): RawPipeline;
  blpop(key: string, seconds: number): RawPipeline;
  exists(key: string): RawPipeline;
  lpop(key: string, count: number): RawPipeline;
  exec(): Promise<[Error | null, unknown][] | null>;
}

/** A pub/sub connection. @internal */
export interface RawSubscriber {
  subscribe(channel: string): Promise<unknown>;
  on(event: string, listener: (...args: never[]) => void): unknown;
  disconnect(): void;
}

/**
 * The Redis client under a BullMQ Queue or Worker: BullMQ 6 keeps it on its Redis backend
 * (`backend.client`), BullMQ 5 on the object itself (`client`).
 * @internal
 */
export const rawClient = (base: object): Promise<RawClient> => {
  const holder = base as { backend?: { client?: Promise<RawClient> }; client?: Promise<RawClient> };
  const client = holder.backend?.client ?? holder.client;
  if (!client) return Promise.reject(new Error('this BullMQ version does not expose its Redis client'));
  return client;
};

/** Names a BullMQ connection in messages: host:port, a socket path, or a cluster. @internal */
export const describeConnection = (connection: unknown): string => {
  const options = ((connection as { options?: unknown })?.options ?? connection) as { host?: string; port?: number; path?: string; url?: string } | undefined;
  if (options?.path) return `Redis at ${options.path}`;
  return `Redis at ${options?.host ?? 'localhost'}:${options?.port ?? 6379}`;
};
