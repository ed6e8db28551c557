import { createQuery, createSubscription } from '@urql/solid';
import { type Accessor, type Component, createEffect, createMemo, For, on, Show } from 'solid-js';
import { graphql, readFragment } from '../../graphql/graphql.ts';
import { isLiveConnected } from '../../graphql/liveConnection.ts';
import { t } from '../../i18n/index.ts';
import { WhistleCardFields, WhistleCardSummonsFields } from './whistleCard.ts';
import { whistleFeeds } from './whistleFeeds.ts';
import type { WhistleViewer } from './whistleViewer.ts';

/**
 * One item of a live whistle feed: a notice carries the whistle (and the summons) as it is now, which
 * Graphcache writes by id, so the board's card changes in place; `logSeq` / `resyncSeq` are the feed's
 * position (graphql/feeds.ts resumes from it after a reconnect).
 */
export const WhistleLiveUpdatesFields = graphql(
  `
    fragment WhistleLiveUpdatesFields on WhistleFeedItem {
      __typename
      ... on WhistleEventNotice {
        type
        seq
        logSeq
        summons {
          ...WhistleCardSummonsFields
        }
        whistle {
          ...WhistleCardFields
        }
      }
      ... on FeedResync {
        resyncSeq: logSeq
        missed
      }
    }
  `,
  [WhistleCardFields, WhistleCardSummonsFields],
);

const WhistleLiveUpdatesStreetSubscription = graphql(
  `
    subscription WhistleLiveUpdatesStreetSubscription($streetCode: String!, $afterSeq: Int) {
      streetWhistleEvents(streetCode: $streetCode, afterSeq: $afterSeq) {
        ...WhistleLiveUpdatesFields
      }
    }
  `,
  [WhistleLiveUpdatesFields],
);

const WhistleLiveUpdatesDepartmentSubscription = graphql(
  `
    subscription WhistleLiveUpdatesDepartmentSubscription($departmentCode: String!, $afterSeq: Int) {
      departmentWhistleEvents(departmentCode: $departmentCode, afterSeq: $afterSeq) {
        ...WhistleLiveUpdatesFields
      }
    }
  `,
  [WhistleLiveUpdatesFields],
);

const WhistleLiveUpdatesDistrictSubscription = graphql(
  `
    subscription WhistleLiveUpdatesDistrictSubscription($districtCode: String!, $afterSeq: Int) {
      districtWhistleEvents(districtCode: $districtCode, afterSeq: $afterSeq) {
        ...WhistleLiveUpdatesFields
      }
    }
  `,
  [WhistleLiveUpdatesFields],
);

/** A live whistle feed: a street office's board, a department's summonses, a district platform's. */
export interface WhistleFeed {
  kind: 'street' | 'department' | 'district';
  code: string;
}

/** What a page learns of one notice of a feed: which whistle, what happened. */
export interface WhistleNotice {
  type: string;
  whistleId: string | null;
}

interface WhistleLiveUpdatesProps {
  feed: WhistleFeed;
  /** the log position read before the list: replay from it (null: live from now); undefined waits for it */
  after: number | null | undefined;
  /** called for every event notice, after the cache applied it (a page that shows more than the card refetches) */
  onNotice?: (notice: WhistleNotice) => void;
}

/**
 * Keeps the board live: every whistle event of the feed (blown, acknowledged, checked in, escalated,
 * closed …) arrives over graphql-ws; the cache applies it (`applyWhistleFeedItem` in graphql/cache.ts).
 */
export const WhistleLiveUpdates: Component<WhistleLiveUpdatesProps> = (props) => {
  const waiting = () => props.after === undefined;
  const [street] = createSubscription({
    query: WhistleLiveUpdatesStreetSubscription,
    variables: () => ({ streetCode: props.feed.code, afterSeq: props.after ?? null }),
    pause: () => props.feed.kind !== 'street' || waiting(),
  });
  const [department] = createSubscription({
    query: WhistleLiveUpdatesDepartmentSubscription,
    variables: () => ({ departmentCode: props.feed.code, afterSeq: props.after ?? null }),
    pause: () => props.feed.kind !== 'department' || waiting(),
  });
  const [district] = createSubscription({
    query: WhistleLiveUpdatesDistrictSubscription,
    variables: () => ({ districtCode: props.feed.code, afterSeq: props.after ?? null }),
    pause: () => props.feed.kind !== 'district' || waiting(),
  });
  const live = () => (props.feed.kind === 'street' ? street : props.feed.kind === 'department' ? department : district);
  createEffect(
    on(
      () => live().data,
      (data) => {
        const masked = data ? Object.values(data)[0] : undefined;
        const item = masked ? readFragment(WhistleLiveUpdatesFields, masked) : undefined;
        if (item?.__typename === 'WhistleEventNotice') props.onNotice?.({ type: item.type, whistleId: item.whistle?.id ?? null });
      },
      { defer: true },
    ),
  );
  return (
    <Show when={live().fetching && !live().error && isLiveConnected()}>
      <span class="live-mark" role="status" data-testid="whistle-live" data-feed={`${props.feed.kind}:${props.feed.code}`}>
        <span class="live-dot" aria-hidden="true" />
        {t('whistles.live')}
      </span>
    </Show>
  );
};

const WhistleLiveUpdatesLogSeqQuery = graphql(`
  query WhistleLiveUpdatesLogSeqQuery {
    logSeq
  }
`);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A live whistle page's position: the viewer's feeds, and the log position read first (in its own
 * request), so that the page loads its data once `ready()` and the feeds replay from `after()`:
 * nothing written in between is missed.
 */
export function useWhistleLive(viewer: Accessor<WhistleViewer>) {
  const feeds = createMemo(() => whistleFeeds(viewer()), undefined, { equals: sameJson });
  const [position] = createQuery({ query: WhistleLiveUpdatesLogSeqQuery, requestPolicy: 'network-only' });
  const ready = () => position.data !== undefined || position.error !== undefined;
  const after = () => (ready() ? (position.data?.logSeq ?? null) : undefined);
  return { feeds, ready, after };
}

interface WhistleLiveFeedsProps {
  live: ReturnType<typeof useWhistleLive>;
  onNotice?: (notice: WhistleNotice) => void;
}

/** Every feed of the viewer, kept open while the page shows (with the live mark of each). */
export const WhistleLiveFeeds: Component<WhistleLiveFeedsProps> = (props) => (
  <For each={props.live.feeds()}>{(feed) => <WhistleLiveUpdates feed={feed} after={props.live.after()} onNotice={props.onNotice} />}</For>
);
