import { createSubscription } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { isLiveConnected } from '../../graphql/liveConnection.ts';
import { t } from '../../i18n/index.ts';
import { TicketInboxRowFields } from './TicketInboxRow.tsx';
import type { LiveFeed } from './ticketViewer.ts';

/**
 * One item of a live ticket feed. A notice carries the ticket as the inbox row shows it, which
 * Graphcache writes by id, so the row changes in place. `logSeq` and `resyncSeq` are the feed's
 * position, from which the client resumes after a reconnect (graphql/feeds.ts); a FeedResync's is
 * aliased because it is non-null there and nullable on a notice, and one selection cannot mix them.
 */
export const TicketLiveUpdatesFields = graphql(
  `
    fragment TicketLiveUpdatesFields on TicketFeedItem {
      __typename
      ... on TicketEventNotice {
        type
        seq
        logSeq
        ticket {
          ...TicketInboxRowFields
        }
      }
      ... on FeedResync {
        resyncSeq: logSeq
        missed
      }
    }
  `,
  [TicketInboxRowFields],
);

const TicketLiveUpdatesStreetSubscription = graphql(
  `
    subscription TicketLiveUpdatesStreetSubscription($streetCode: String!, $afterSeq: Int) {
      ticketEvents(streetCode: $streetCode, afterSeq: $afterSeq) {
        ...TicketLiveUpdatesFields
      }
    }
  `,
  [TicketLiveUpdatesFields],
);

const TicketLiveUpdatesDistrictSubscription = graphql(
  `
    subscription TicketLiveUpdatesDistrictSubscription($districtCode: String!, $afterSeq: Int) {
      districtTicketEvents(districtCode: $districtCode, afterSeq: $afterSeq) {
        ...TicketLiveUpdatesFields
      }
    }
  `,
  [TicketLiveUpdatesFields],
);

interface TicketLiveUpdatesProps {
  feed: LiveFeed;
  /** the log position read before the list: replay from it (null: live from now); undefined waits for it */
  after: number | null | undefined;
}

/**
 * Keeps the inbox live: every ticket event of a street office, or of a district with the city-level
 * pool (new, dispatched, routed, accepted, overdue, resolved, called back …), arrives over graphql-ws
 * with the ticket as it is now. The cache does the rest (`applyTicketFeedItem` in graphql/cache.ts):
 * rows change in place, a new ticket or a FeedResync has the lists fetched again. Shows when it is on.
 */
export const TicketLiveUpdates: Component<TicketLiveUpdatesProps> = (props) => {
  // after a reconnect, or back on the inbox, the client resumes after the feed's last logSeq (graphql/feeds.ts)
  const [street] = createSubscription({
    query: TicketLiveUpdatesStreetSubscription,
    variables: () => ({ streetCode: props.feed.code, afterSeq: props.after ?? null }),
    pause: () => props.feed.kind !== 'street' || props.after === undefined,
  });
  const [district] = createSubscription({
    query: TicketLiveUpdatesDistrictSubscription,
    variables: () => ({ districtCode: props.feed.code, afterSeq: props.after ?? null }),
    pause: () => props.feed.kind !== 'district' || props.after === undefined,
  });
  const live = () => (props.feed.kind === 'street' ? street : district);
  // on while the feed runs over a connected socket; off while graphql-ws reconnects
  return (
    <Show when={live().fetching && !live().error && isLiveConnected()}>
      <span class="live-mark" role="status" data-testid="ticket-live" data-feed={`${props.feed.kind}:${props.feed.code}`}>
        <span class="live-dot" aria-hidden="true" />
        {t('tickets.inbox.live')}
      </span>
    </Show>
  );
};
