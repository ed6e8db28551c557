import { createQuery, createSubscription } from '@urql/solid';
import { type Component, createEffect, on, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { isLiveConnected } from '../../graphql/liveConnection.ts';
import { t } from '../../i18n/index.ts';
import { MeetingModeFields } from './meetingMode.ts';

/**
 * One item of a meeting feed. A notice carries the meeting as meeting mode shows it (motions with their
 * live tally, the viewer's own ballot, attendance), which Graphcache writes by id: every screen on the
 * meeting changes in place. `logSeq` / `resyncSeq` are the feed's position, from which the client
 * resumes after a reconnect (graphql/feeds.ts).
 */
export const CouncilLiveFields = graphql(
  `
    fragment CouncilLiveFields on MeetingFeedItem @_unmask {
      __typename
      ... on MeetingEventNotice {
        type
        seq
        logSeq
        meeting {
          ...MeetingModeFields
        }
      }
      ... on FeedResync {
        resyncSeq: logSeq
        missed
      }
    }
  `,
  [MeetingModeFields],
);

const CouncilLiveMeetingSubscription = graphql(
  `
    subscription CouncilLiveMeetingSubscription($meetingId: ID!, $afterSeq: Int) {
      meetingEvents(meetingId: $meetingId, afterSeq: $afterSeq) {
        ...CouncilLiveFields
      }
    }
  `,
  [CouncilLiveFields],
);

const CouncilLiveCommunitySubscription = graphql(
  `
    subscription CouncilLiveCommunitySubscription($communityCode: String!, $afterSeq: Int) {
      communityCouncilEvents(communityCode: $communityCode, afterSeq: $afterSeq) {
        ...CouncilLiveFields
      }
    }
  `,
  [CouncilLiveFields],
);

const CouncilLiveLogSeqQuery = graphql(`
  query CouncilLiveLogSeqQuery {
    logSeq
  }
`);

/**
 * A live council page's position: the log position read first, in its own request, so that the page
 * loads its data once `ready()` and the feed replays from `after()`: nothing written in between is missed.
 */
export function useCouncilPosition() {
  const [position] = createQuery({ query: CouncilLiveLogSeqQuery, requestPolicy: 'network-only' });
  const ready = () => position.data !== undefined || position.error !== undefined;
  const after = () => (ready() ? (position.data?.logSeq ?? null) : undefined);
  return { ready, after };
}

/** What a page hears of a feed: a notice (its event type), or that events were missed. */
export type CouncilNotice = { kind: 'event'; type: string } | { kind: 'resync' };

interface CouncilLiveProps {
  /** one meeting's feed, or every meeting of a community's councils */
  feed: { meetingId: string } | { communityCode: string };
  /** the log position read before the page's data (null: live from now); undefined waits for it */
  after: number | null | undefined;
  onNotice?: (notice: CouncilNotice) => void;
}

/** Keeps a council page live over graphql-ws, and shows the live mark while the feed runs over a connected socket. */
export const CouncilLive: Component<CouncilLiveProps> = (props) => {
  const meetingId = () => ('meetingId' in props.feed ? props.feed.meetingId : null);
  const communityCode = () => ('communityCode' in props.feed ? props.feed.communityCode : null);
  const [meeting] = createSubscription({
    query: CouncilLiveMeetingSubscription,
    variables: () => ({ meetingId: meetingId() ?? '', afterSeq: props.after ?? null }),
    pause: () => meetingId() === null || props.after === undefined,
  });
  const [community] = createSubscription({
    query: CouncilLiveCommunitySubscription,
    variables: () => ({ communityCode: communityCode() ?? '', afterSeq: props.after ?? null }),
    pause: () => communityCode() === null || props.after === undefined,
  });
  const live = () => (meetingId() !== null ? meeting : community);
  createEffect(
    on(
      () => live().data,
      (data) => {
        const item = data ? Object.values(data)[0] : undefined;
        if (item?.__typename === 'MeetingEventNotice') props.onNotice?.({ kind: 'event', type: item.type });
        if (item?.__typename === 'FeedResync') props.onNotice?.({ kind: 'resync' });
      },
      { defer: true },
    ),
  );
  return (
    <Show when={live().fetching && !live().error && isLiveConnected()}>
      <span class="live-mark" role="status" data-testid="council-live">
        <span class="live-dot" aria-hidden="true" />
        {t('councils.live')}
      </span>
    </Show>
  );
};
