import { createPubSub, type PubSubEventTarget } from 'graphql-yoga';
import type { FeedNudge } from './spine/feeds.ts';
import type { PresenceBeat } from './spine/presence.ts';

/**
 * Typed topics. Publish ids and positions, never whole records: subscribers read the event log and
 * load what they may see through the schema, so authorization applies to every payload, and a lost
 * message only delays delivery (spine/feeds.ts).
 */
export type Topics = {
  /** events up to `position` were written to the feed `key` (e.g. ticket:street:<id>), or a transient announcement */
  feed: [key: string, payload: FeedNudge];
  /** a session, token or role of the user changed (sign-out, revoked token, role granted or revoked, account disabled) */
  'user:changed': [userId: string, payload: { userId: string }];
  /** a viewer's heartbeat on (or departure from) something several people look at, e.g. case:<id> (spine/presence.ts) */
  presence: [payload: PresenceBeat];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

/** The in-process pub/sub (one api instance). */
export const createInProcessPubSub = (): PubSub => createPubSub<Topics>();

/** A pub/sub over another event target, e.g. Redis so that several api processes share events (api/src/pubsub.ts). */
export const createPubSubOver = (eventTarget: PubSubEventTarget<Topics>): PubSub => createPubSub<Topics>({ eventTarget });
