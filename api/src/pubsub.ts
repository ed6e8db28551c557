// Pub/sub across api processes: yoga's Redis event target (@graphql-yoga/redis-event-target, the
// maintained adapter for yoga's createPubSub) over two ioredis connections, one to publish and one in
// subscriber mode. Redis carries only nudges ("the feed advanced to position N") and `user:changed`:
// the event log in the database is the truth, and every feed also polls it (spine/feeds.ts), so a
// message Redis drops, or a Redis that is down, delays delivery by at most one poll and loses nothing.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { redactUrl } from '@whistlehub/prisma';
import { createPubSubOver, type PubSub, type Topics } from '@whistlehub/schema';
import type { PubSubEventTarget } from 'graphql-yoga';
import { Redis } from 'ioredis';

export interface RedisPubSub {
  pubsub: PubSub;
  /** resolves once both connections are ready (rejects if Redis cannot be reached in time) */
  ready: Promise<void>;
  /** called after Redis comes back from an outage, so feeds can catch up at once instead of at the next poll */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

export interface RedisPubSubOptions {
  /** what to do with a Redis error (logged by main.ts); it never throws into a request */
  onError?: (error: unknown) => void;
  /** ms to wait for the first connection before `ready` rejects */
  connectTimeoutMs?: number;
}

/** A pub/sub over Redis at `url` (redis://host:port/db). */
export function createRedisPubSub(url: string, options: RedisPubSubOptions = {}): RedisPubSub {
  const onError = options.onError ?? (() => {});
  // reconnect forever with a capped back-off; a publish while Redis is down fails fast (no offline
  // queue), the subscriber re-subscribes its channels on reconnect (ioredis' autoResubscribe)
  const common = { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(times * 200, 2_000) };
  const publisher = new Redis(url, { ...common, enableOfflineQueue: false, connectionName: 'whistlehub-pub' });
  const subscriber = new Redis(url, { ...common, connectionName: 'whistlehub-sub' });
  publisher.on('error', onError);
  subscriber.on('error', onError);

  const reconnectListeners: (() => void)[] = [];
  let connectedOnce = false;
  subscriber.on('ready', () => {
    if (connectedOnce) for (const listener of reconnectListeners) listener();
    connectedOnce = true;
  });

  // The adapter fires publish/subscribe without awaiting them; a rejected command (Redis down) must
  // be reported, not become an unhandled rejection that ends the process.
  const guarded = <T>(promise: Promise<T>) => void promise.catch(onError);
  const publishClient = { publish: (channel: string, message: string) => guarded(publisher.publish(channel, message)) };
  const subscribeClient = {
    on: (event: 'message', listener: (channel: string, message: string) => void) => subscriber.on(event, listener),
    subscribe: (channel: string) => guarded(subscriber.subscribe(channel)),
    unsubscribe: (channel: string) => guarded(subscriber.unsubscribe(channel)),
  };
  const eventTarget = createRedisEventTarget({
    publishClient: publishClient as unknown as Redis,
    subscribeClient: subscribeClient as unknown as Redis,
  }) as unknown as PubSubEventTarget<Topics>;

  const timeout = options.connectTimeoutMs ?? 5_000;
  const connect = (client: Redis) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Redis at ${redactUrl(url)} did not answer within ${timeout} ms`)), timeout);
      client.connect().then(() => {
        clearTimeout(timer);
        resolve();
      }, (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  const ready = Promise.all([connect(publisher), connect(subscriber)]).then(() => {});
  ready.catch(() => {});

  return {
    pubsub: createPubSubOver(eventTarget),
    ready,
    onReconnect: (listener) => void reconnectListeners.push(listener),
    close: async () => {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
