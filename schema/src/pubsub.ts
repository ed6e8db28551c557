import { createPubSub } from 'graphql-yoga';

/** What is published after a ticket write commits: ids and the sequence number, never the record. */
export interface TicketEventNotice {
  ticketId: string;
  seq: number;
  type: string;
}

/**
 * Typed topics. Publish ids and sequence numbers, never whole records: subscribers load what they
 * may see through the schema, so authorization applies to every payload.
 */
export type Topics = {
  /** a ticket of the street changed: its id, the event number and type (subscribers load the rest) */
  'ticket:street': [streetId: string, payload: TicketEventNotice];
  /** a role assignment or session of the user changed (sign-out everywhere, role revoked) */
  'user:changed': [userId: string, payload: { userId: string }];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

/** The in-process pub/sub (one api instance). */
export const createInProcessPubSub = (): PubSub => createPubSub<Topics>();
