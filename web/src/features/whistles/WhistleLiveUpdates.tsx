import { createSubscription } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { isLiveConnected } from '../../graphql/liveConnection.ts';
import { t } from '../../i18n/index.ts';
import { WhistleCardFields, WhistleCardSummonsFields } from './whistleCard.ts';

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

interface WhistleLiveUpdatesProps {
  feed: WhistleFeed;
  /** the log position read before the list: replay from it (null: live from now); undefined waits for it */
  after: number | null | undefined;
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
  return (
    <Show when={live().fetching && !live().error && isLiveConnected()}>
      <span class="live-mark" role="status" data-testid="whistle-live" data-feed={`${props.feed.kind}:${props.feed.code}`}>
        <span class="live-dot" aria-hidden="true" />
        {t('whistles.live')}
      </span>
    </Show>
  );
};
