// Live feeds: the event log is the truth, pub/sub is only a nudge.
//
// A feed is a filter over one event table ordered by log position (a street's ticket events, a
// case's events …). Each api process keeps one tailer per feed that has subscribers: a nudge (from
// this process or, through Redis, from another) or a slow poll makes it read `position > last read`
// from the database, and it hands what it read to every local subscriber. A subscriber that passes
// `afterSeq` first gets what it missed from the log, then the tailer's events, with duplicates
// dropped by position; past `bound` missed events it gets a resync signal instead.
//
// Why no event is lost or delivered twice: positions are handed out in commit order (spine/log.ts),
// so reading `position > p` after seeing p never skips a committed event; a subscriber registers with
// the tailer before it replays, so everything after the replay's last position reaches it; and it
// drops every event at or below the last position it delivered. A lost nudge (Redis down) only
// delays delivery until the next nudge or poll.
import { Repeater } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.ts';
import type { PubSub } from '../pubsub.ts';
import { readLogHead } from './log.ts';

/** Anything a feed carries has a log position. */
export interface Positioned {
  position: number;
}

/** How to read one feed from the database. */
export interface FeedSource<E extends Positioned> {
  /** the pub/sub keys that nudge this feed (topic `feed`) */
  keys: readonly string[];
  /** events after `position`, by position, at most `limit` */
  load(after: number, limit: number): Promise<E[]>;
  /** the feed's newest position, 0 when it is empty */
  head(): Promise<number>;
  /** how many of the feed's events lie after `after`, up to `upTo` (what a resync reports as missed) */
  count(after: number, upTo: number): Promise<number>;
}

/** What a subscriber receives: a logged event, a resync signal, or a transient announcement. */
export type FeedItem<E, A = never> =
  | { kind: 'event'; event: E }
  | { kind: 'resync'; head: number; missed: number | null }
  | { kind: 'announce'; announcement: A }
  /** the last item of a stream the viewer may no longer see (signed out, roles changed): resolve it by throwing `error` */
  | { kind: 'end'; error: GraphQLError };

/** A nudge: the position written (and, for a transient announcement such as OVERDUE, its payload). */
export interface FeedNudge {
  position: number;
  announcement?: Record<string, unknown>;
}

/** Default number of missed events a subscriber is replayed before it is told to resync instead. */
export const DEFAULT_REPLAY_BOUND = 500;
const PAGE = 500;
// a subscriber that falls this far behind (a stalled socket) is told to resync rather than buffered
const MAX_QUEUE = 10_000;

interface Listener<E> {
  events(batch: E[]): void;
  announce(announcement: Record<string, unknown>): void;
}

class Tailer<E extends Positioned> {
  position = 0;
  readonly listeners = new Set<Listener<E>>();
  readonly ready: Promise<void>;
  private reading = false;
  private again = false;
  private readonly stops: (() => void)[] = [];

  constructor(private readonly source: FeedSource<E>, pubsub: PubSub, pollMs: number, private readonly onError: (error: unknown) => void) {
    for (const key of source.keys) {
      const nudges = pubsub.subscribe('feed', key);
      this.stops.push(() => void nudges.return?.());
      void (async () => {
        for await (const nudge of nudges) {
          if (nudge.announcement) for (const l of this.listeners) l.announce(nudge.announcement);
          void this.pull();
        }
      })().catch(onError);
    }
    const timer = setInterval(() => void this.pull(), pollMs);
    timer.unref();
    this.stops.push(() => clearInterval(timer));
    this.ready = source.head().then((head) => {
      this.position = head;
    });
  }

  /** Reads everything after the last position read and hands it to the listeners; concurrent calls coalesce. */
  async pull(): Promise<void> {
    await this.ready;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.again = false;
        for (;;) {
          const batch = await this.source.load(this.position, PAGE);
          if (batch.length === 0) break;
          this.position = batch.at(-1)!.position;
          for (const l of this.listeners) l.events(batch);
          if (batch.length < PAGE) break;
        }
      } while (this.again);
    } catch (error) {
      // the next nudge or poll tries again from the same position: nothing is skipped
      this.onError(error);
    } finally {
      this.reading = false;
    }
  }

  close() {
    for (const stop of this.stops) stop();
  }
}

/** The feeds of one api process: one tailer per feed with subscribers. */
export class FeedHub {
  private readonly tailers = new Map<string, { tailer: Tailer<Positioned>; users: number }>();

  constructor(
    private readonly pubsub: PubSub,
    private readonly options: {
      pollMs?: number;
      /** how many missed events a subscriber is replayed before it is told to resync (DEFAULT_REPLAY_BOUND) */
      replayLimit?: number;
      onError?: (error: unknown) => void;
    } = {},
  ) {}

  /** Announces, after a commit, that events up to `position` were written to the feeds `keys`. */
  nudge(keys: readonly string[], nudge: FeedNudge): void {
    for (const key of new Set(keys)) this.pubsub.publish('feed', key, nudge);
  }

  /**
   * The live stream of one feed for one subscriber: first the events after `afterSeq` (or nothing,
   * when absent: live from now), then live events, in position order, with no gap and no duplicate;
   * a resync signal when more than `bound` (by default the hub's `replayLimit`) were missed. `ctx`
   * ends the stream when the viewer's session or roles change (see `watchViewer`).
   */
  subscribe<E extends Positioned, A = never>(
    ctx: Context,
    id: string,
    source: FeedSource<E>,
    options: { afterSeq?: number | null; bound?: number } = {},
  ): AsyncIterable<FeedItem<E, A>> {
    const bound = options.bound ?? this.options.replayLimit ?? DEFAULT_REPLAY_BOUND;
    return new Repeater<FeedItem<E, A>>(async (push, stop) => {
      const tailer = this.acquire(id, source as FeedSource<Positioned>) as Tailer<E>;
      let cursor: number | null = null;
      let queue: FeedItem<E, A>[] = [];
      let wake: (() => void) | null = null;
      const enqueue = (item: FeedItem<E, A>) => {
        queue.push(item);
        wake?.();
      };
      const listener: Listener<E> = {
        events: (batch) => {
          for (const event of batch) enqueue({ kind: 'event', event });
        },
        announce: (announcement) => enqueue({ kind: 'announce', announcement: announcement as A }),
      };
      tailer.listeners.add(listener);
      // the viewer's session ended or their roles changed: deliver the error as the stream's last
      // item (a GraphQL error in the final payload, then complete), not as a broken stream
      const unwatch = watchViewer(ctx, (error) => {
        queue = [{ kind: 'end', error }];
        wake?.();
      });
      let stopped = false;
      void stop.then(() => {
        stopped = true;
        wake?.();
      });
      try {
        await tailer.ready;
        if (options.afterSeq == null) {
          cursor = tailer.position;
        } else {
          const head = await source.head();
          // a cursor past the feed's newest event is usually current (other feeds wrote since); only
          // one past the log's own head is from the future (a re-seeded database)
          const future = options.afterSeq > head && options.afterSeq > (await readLogHead(ctx.prisma));
          const missed = future ? null : await source.load(options.afterSeq, bound + 1);
          if (missed === null || missed.length > bound) {
            // from the future or too far behind: start again from the head
            await push({ kind: 'resync', head, missed: missed === null ? null : await source.count(options.afterSeq, head) });
            cursor = head;
          } else {
            for (const event of missed) await push({ kind: 'event', event });
            cursor = missed.at(-1)?.position ?? options.afterSeq;
          }
        }
        while (!stopped) {
          if (queue.length === 0) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            continue;
          }
          if (queue.length > MAX_QUEUE) {
            queue = [];
            await push({ kind: 'resync', head: tailer.position, missed: null });
            cursor = tailer.position;
            continue;
          }
          const item = queue.shift()!;
          if (item.kind === 'end') {
            await push(item);
            stop();
            break;
          }
          if (item.kind === 'event') {
            if (item.event.position <= cursor) continue;
            cursor = item.event.position;
          }
          await push(item);
        }
      } finally {
        unwatch();
        tailer.listeners.delete(listener);
        this.release(id);
      }
    });
  }

  /** Feeds with a tailer, for tests and metrics. */
  get size() {
    return this.tailers.size;
  }

  /** Reads every feed now instead of at its next poll (after a pub/sub outage, when nudges may have been lost). */
  catchUp(): Promise<void> {
    return Promise.all([...this.tailers.values()].map(({ tailer }) => tailer.pull())).then(() => {});
  }

  /** Stops every tailer (shutdown). */
  close() {
    for (const { tailer } of this.tailers.values()) tailer.close();
    this.tailers.clear();
  }

  private acquire(id: string, source: FeedSource<Positioned>) {
    let entry = this.tailers.get(id);
    if (!entry) {
      entry = { tailer: new Tailer(source, this.pubsub, this.options.pollMs ?? 5_000, this.options.onError ?? (() => {})), users: 0 };
      this.tailers.set(id, entry);
    }
    entry.users += 1;
    return entry.tailer;
  }

  private release(id: string) {
    const entry = this.tailers.get(id);
    if (!entry) return;
    entry.users -= 1;
    if (entry.users <= 0) {
      entry.tailer.close();
      this.tailers.delete(id);
    }
  }
}

const sameGrants = (a: Context['viewer'], b: Context['viewer']) => JSON.stringify(a?.grants ?? null) === JSON.stringify(b?.grants ?? null);

/**
 * Ends a live stream when the viewer's session or roles change: on `user:changed` for the viewer it
 * re-resolves their credential; signed out, revoked or disabled ends the stream UNAUTHENTICATED, a
 * change of roles ends it FORBIDDEN (the client re-subscribes and is authorized afresh). Returns the
 * function that stops watching.
 */
export function watchViewer(ctx: Context, end: (error: GraphQLError) => void): () => void {
  const viewer = ctx.viewer;
  if (!viewer || !ctx.revalidateViewer) return () => {};
  const changes = ctx.pubsub.subscribe('user:changed', viewer.userId);
  void (async () => {
    for await (const _ of changes) {
      const fresh = await ctx.revalidateViewer!();
      if (!fresh) return end(new GraphQLError('The session ended', { extensions: { code: 'UNAUTHENTICATED' } }));
      if (!sameGrants(fresh, viewer)) return end(new GraphQLError('Your roles changed; subscribe again', { extensions: { code: 'FORBIDDEN' } }));
    }
  })().catch(() => {});
  return () => void changes.return?.();
}

const hubs = new WeakMap<PubSub, FeedHub>();

/** The feed hub of a pub/sub: one per api process, created on first use (HTTP, SSE and WebSocket share it). */
export function feedHubFor(pubsub: PubSub, options?: ConstructorParameters<typeof FeedHub>[1]): FeedHub {
  let hub = hubs.get(pubsub);
  if (!hub) {
    hub = new FeedHub(pubsub, options);
    hubs.set(pubsub, hub);
  }
  return hub;
}

/**
 * Maps a feed's items for a subscription resolver. Not an async generator: `return()` on a generator
 * waits until its pending `for await` gets the next item, so a client that leaves a quiet feed would
 * keep its tailer (and its poll) until the feed's next event; this forwards `return()` at once.
 */
export function mapFeed<T, U>(items: AsyncIterable<T>, map: (item: T) => U): AsyncIterableIterator<U> {
  const source = items[Symbol.asyncIterator]();
  const done = { done: true, value: undefined } as IteratorReturnResult<undefined>;
  return {
    next: async () => {
      const r = await source.next();
      return r.done ? done : { done: false, value: map(r.value) };
    },
    return: async () => {
      await source.return?.();
      return done;
    },
    throw: async (error?: unknown) => {
      if (source.throw) await source.throw(error);
      else await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
