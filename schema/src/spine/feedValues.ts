// What every domain's subscription resolver does with a feed's items: events and announcements
// become notices, a resync passes through, and the `end` item (the viewer lost access) becomes the
// stream's final error. Shared so that each domain's feed file only says how its notice looks.
import type { FeedResyncValue } from './feedTypes.ts';
import { type FeedItem, mapFeed } from './feeds.ts';

/** A stream value before resolution: a domain notice, a resync, or the end of a stream the viewer may no longer see. */
export type FeedStreamValue<N> = N | FeedResyncValue | { kind: 'end'; error: Error };

/** Maps a feed's items to stream values: `event` and `announce` through the domain's functions. */
export function feedValues<E, A, N>(items: AsyncIterable<FeedItem<E, A>>, notice: { event: (e: E) => N; announce?: (a: A) => N }) {
  return mapFeed(items, (item): FeedStreamValue<N> => {
    switch (item.kind) {
      case 'event':
        return notice.event(item.event);
      case 'announce':
        if (!notice.announce) throw new Error('this feed has no announcements');
        return notice.announce(item.announcement);
      default:
        return item;
    }
  });
}

/** The subscription field's `resolve`: the last item of a stream whose viewer lost access throws its error (a final error payload, then complete). */
export function resolveFeedValue<N>(value: FeedStreamValue<N>): Exclude<FeedStreamValue<N>, { kind: 'end' }> {
  if (value && typeof value === 'object' && 'kind' in value && value.kind === 'end') throw (value as { error: Error }).error;
  return value as Exclude<FeedStreamValue<N>, { kind: 'end' }>;
}
