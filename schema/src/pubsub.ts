import { createPubSub } from 'graphql-yoga';

/**
 * Typed topics. Publish ids and sequence numbers, never whole records: subscribers load what they
 * may see through the schema, so authorization applies to every payload.
 */
export type Topics = {
  /** a role assignment or session of the user changed (sign-out everywhere, role revoked) */
  'user:changed': [userId: string, payload: { userId: string }];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

/** The in-process pub/sub (one api instance). */
export const createInProcessPubSub = (): PubSub => createPubSub<Topics>();
