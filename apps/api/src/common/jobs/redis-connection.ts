import type { ConnectionOptions } from 'bullmq';

/** BullMQ connection options from a redis:// or rediss:// URL, for a consuming Worker. */
export function redisConnection(url: string): ConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // Workers block on Redis; BullMQ requires this to be null.
    maxRetriesPerRequest: null,
  };
}

/**
 * For the producing side (the outbox relay, the dead-letter view): while Redis is away a
 * command fails at once instead of waiting in ioredis's offline queue, so nothing that
 * serves a request can hang on Redis; the relay retries later.
 */
export function producerConnection(url: string): ConnectionOptions {
  return { ...redisConnection(url), enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 };
}
