// Live feeds that resume. A feed subscription (ticketEvents, districtTicketEvents) declares
// `$afterSeq: Int`; every item it sends carries the `logSeq` of the hub's event log. The client keeps
// the last one per feed, so that
// - when the WebSocket drops and graphql-ws reconnects, the resubscription asks for what came after it
//   (graphql-ws sends the same payload object again on every retry of a subscription, serialised at
//   send time: https://github.com/enisdenjo/graphql-ws/blob/master/src/client.ts, `subscribe`), and
// - when a view subscribes to the same feed again (back to the inbox), the events missed meanwhile are
//   replayed first instead of being lost.
// Too many missed events and the API sends a FeedResync instead, which the views answer with a reload.
import type { DocumentNode } from 'graphql';

/** The request graphql-ws sends: what urql's subscriptionExchange hands to forwardSubscription. */
export interface FeedRequest {
  query: string;
  variables?: Record<string, unknown> | undefined;
  operationName?: string | undefined;
  extensions?: Record<string, unknown> | undefined;
}

/** Whether a subscription document is a resumable feed: it declares an `$afterSeq` variable. */
export const isResumableFeed = (document: DocumentNode) =>
  document.definitions.some(
    (definition) =>
      definition.kind === 'OperationDefinition' &&
      definition.operation === 'subscription' &&
      (definition.variableDefinitions ?? []).some((variable) => variable.variable.name.value === 'afterSeq'),
  );

/**
 * The names a feed item's position is selected under: a notice's `logSeq`, and a FeedResync's, which
 * a document must alias `resyncSeq` (non-null there, nullable on a notice: one selection cannot mix them).
 */
const POSITION_FIELDS = ['logSeq', 'resyncSeq'] as const;

/** The log position of the feed item a subscription result carries under its root field, if any. */
function logSeqOf(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  for (const item of Object.values(data) as (Record<string, unknown> | null)[]) {
    for (const field of POSITION_FIELDS) {
      const logSeq = item?.[field];
      if (typeof logSeq === 'number') return logSeq;
    }
  }
  return null;
}

/** The last `logSeq` seen per feed, across subscriptions: the feed's document and its other variables. */
export function createFeedCursors() {
  const cursors = new Map<string, number>();
  const keyOf = (request: FeedRequest) => {
    const { afterSeq: _afterSeq, ...rest } = request.variables ?? {};
    return JSON.stringify([request.query, rest]);
  };
  return {
    /**
     * The payload to subscribe with: the request, resuming after the feed's last `logSeq` when the view
     * asked for no position or a later one. `received` must see every result; it moves the payload's
     * `afterSeq` on, so a retry after a reconnect resumes there.
     */
    open(request: FeedRequest) {
      const key = keyOf(request);
      const variables: Record<string, unknown> = { ...request.variables };
      const known = cursors.get(key);
      // the earlier of the view's position (read before a list it fetched) and the last one this feed
      // delivered (what a list served from the cache reflects): replaying an applied event is harmless,
      // skipping one is not
      if (known !== undefined && (typeof variables.afterSeq !== 'number' || known < variables.afterSeq)) variables.afterSeq = known;
      const payload = { ...request, variables };
      return {
        payload,
        received(result: { data?: unknown }) {
          const logSeq = logSeqOf(result.data);
          if (logSeq === null) return;
          variables.afterSeq = logSeq;
          cursors.set(key, logSeq);
        },
      };
    },
  };
}
