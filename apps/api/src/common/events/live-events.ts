import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';

export type LiveListener = (event: string) => void;

/**
 * Tells open browser streams that something changed. With Redis the news goes through
 * pub/sub, so a signature taken by one API process reaches streams held by another; without
 * Redis (the embedded single-process start) an in-memory emitter does the same job.
 */
export abstract class LiveEvents {
  abstract publish(topic: string, event: string): Promise<void>;
  /** Resolves once the subscription is active; the returned function ends it. */
  abstract subscribe(topic: string, listener: LiveListener): Promise<() => void>;
  abstract close(): Promise<void>;
}

export class InProcessLiveEvents extends LiveEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(topic: string, event: string) {
    this.emitter.emit(topic, event);
  }

  async subscribe(topic: string, listener: LiveListener) {
    this.emitter.on(topic, listener);
    return () => void this.emitter.off(topic, listener);
  }

  async close() {
    this.emitter.removeAllListeners();
  }
}

const CHANNEL_PREFIX = 'tadamon:live:';

/** One publishing and one subscribing connection per process, whatever the number of streams. */
export class RedisLiveEvents extends LiveEvents {
  private readonly local = new InProcessLiveEvents();
  private readonly counts = new Map<string, number>();
  private publisher?: Redis;
  private subscriber?: Redis;

  constructor(private readonly url: string) {
    super();
  }

  private connect(): { publisher: Redis; subscriber: Redis } {
    if (!this.publisher || !this.subscriber) {
      // While Redis is away a publish fails after one reconnection try (and is dropped below)
      // instead of holding the request that made the change; pages catch up on their next refetch.
      this.publisher = new Redis(this.url, { maxRetriesPerRequest: 1 });
      this.publisher.on('error', () => undefined);
      this.subscriber = new Redis(this.url, { maxRetriesPerRequest: 3 });
      this.subscriber.on('error', () => undefined);
      this.subscriber.on('message', (channel: string, message: string) => {
        void this.local.publish(channel.slice(CHANNEL_PREFIX.length), message);
      });
    }
    return { publisher: this.publisher, subscriber: this.subscriber };
  }

  async publish(topic: string, event: string) {
    try {
      await this.connect().publisher.publish(CHANNEL_PREFIX + topic, event);
    } catch {
      // Best effort by design: the change is committed; live pages also poll.
    }
  }

  async subscribe(topic: string, listener: LiveListener) {
    const { subscriber } = this.connect();
    const unsubscribeLocal = await this.local.subscribe(topic, listener);
    const count = (this.counts.get(topic) ?? 0) + 1;
    this.counts.set(topic, count);
    if (count === 1) await subscriber.subscribe(CHANNEL_PREFIX + topic);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      unsubscribeLocal();
      const left = (this.counts.get(topic) ?? 1) - 1;
      if (left > 0) return void this.counts.set(topic, left);
      this.counts.delete(topic);
      void subscriber.unsubscribe(CHANNEL_PREFIX + topic).catch(() => undefined);
    };
  }

  async close() {
    await this.local.close();
    await Promise.allSettled([this.publisher?.quit(), this.subscriber?.quit()]);
  }
}
