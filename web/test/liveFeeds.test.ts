// The live ticket feeds without a browser: the app's own Graphcache exchange (graphql/cache.ts) behind
// a fake API, fed the union a feed sends (TicketEventNotice | FeedResync), and the feed positions the
// client resumes from (graphql/feeds.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client, fetchExchange, gql, type ExecutionResult, subscriptionExchange } from '@urql/core';
import { buildSchema, introspectionFromSchema, parse } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { createCacheExchange } from '../src/graphql/cache.ts';
import { createFeedCursors, isResumableFeed } from '../src/graphql/feeds.ts';

const schema = introspectionFromSchema(buildSchema(readFileSync(fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url)), 'utf8')));

const InboxQuery = gql`
  query TestInbox($filter: TicketFilter, $after: String) {
    tickets(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          status
        }
      }
    }
  }
`;

const FeedSubscription = gql`
  subscription TestFeed($streetCode: String!, $afterSeq: Int) {
    ticketEvents(streetCode: $streetCode, afterSeq: $afterSeq) {
      __typename
      ... on TicketEventNotice {
        type
        logSeq
        ticket {
          id
          number
          status
        }
      }
      ... on FeedResync {
        resyncSeq: logSeq
      }
    }
  }
`;

type TicketRow = { __typename: 'Ticket'; id: string; number: string; status: string };
const row = (id: string, status = 'RECEIVED'): TicketRow => ({ __typename: 'Ticket', id, number: `20261122-${id}`, status });
const notice = (type: string, logSeq: number, ticket: TicketRow | null) => ({ __typename: 'TicketEventNotice', type, logSeq, ticket });

/** The app's cache exchange in front of a fake API: the inbox it answers, and a feed the test pushes. */
function fakeApi(inbox: TicketRow[]) {
  const inboxRequests: Record<string, unknown>[] = [];
  const sinks: { next: (result: ExecutionResult) => void }[] = [];
  const answer = (tickets: TicketRow[]) => ({
    __typename: 'QueryTicketsConnection',
    totalCount: tickets.length,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: tickets.length ? `c-${tickets.at(-1)!.id}` : null },
    edges: tickets.map((node) => ({ __typename: 'QueryTicketsConnectionEdge', node })),
  });
  const client = new Client({
    url: 'http://api.test/graphql',
    // queries are sent as GET (urql's preferGetMethod), their variables in the address
    fetch: async (url) => {
      inboxRequests.push(JSON.parse(new URL(String(url)).searchParams.get('variables') ?? '{}') as Record<string, unknown>);
      return new Response(JSON.stringify({ data: { tickets: answer(inbox) } }), { headers: { 'content-type': 'application/json' } });
    },
    exchanges: [
      createCacheExchange({ schema }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: () => ({
          subscribe(sink) {
            sinks.push(sink);
            return { unsubscribe: () => sinks.splice(sinks.indexOf(sink), 1) };
          },
        }),
      }),
    ],
  });
  const shown: TicketRow[][] = [];
  const watching = client.query(InboxQuery, { filter: null, after: null }).subscribe((result) => {
    if (result.data) shown.push((result.data as { tickets: ReturnType<typeof answer> }).tickets.edges.map((edge) => edge.node));
  });
  const feed = client.subscription(FeedSubscription, { streetCode: '110101011' }).subscribe(() => {});
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return {
    inbox,
    inboxRequests,
    /** what the inbox shows now */
    shown: () => shown.at(-1)?.map((ticket) => `${ticket.id}:${ticket.status}`),
    async push(item: unknown) {
      for (const sink of sinks) sink.next({ data: { ticketEvents: item } });
      await settle();
    },
    settle,
    stop() {
      feed.unsubscribe();
      watching.unsubscribe();
    },
  };
}

describe('a live ticket feed in the cache', () => {
  let api: ReturnType<typeof fakeApi>;
  afterEach(() => api?.stop());

  it('adds a ticket filed meanwhile to the inbox: the lists are fetched again and the API places it', async () => {
    api = fakeApi([row('a'), row('b')]);
    await api.settle();
    expect(api.shown()).toEqual(['a:RECEIVED', 'b:RECEIVED']);
    expect(api.inboxRequests).toHaveLength(1);

    api.inbox.unshift(row('new'));
    await api.push(notice('RECEIVED', 41, row('new')));
    expect(api.inboxRequests).toHaveLength(2);
    expect(api.shown()).toEqual(['new:RECEIVED', 'a:RECEIVED', 'b:RECEIVED']);
  });

  it('changes a listed ticket in place, without asking the API', async () => {
    api = fakeApi([row('a'), row('b')]);
    await api.settle();
    await api.push(notice('DISPATCHED', 42, row('b', 'DISPATCHED')));
    await api.push(notice('OVERDUE', 42, row('a', 'RECEIVED')));
    expect(api.shown()).toEqual(['a:RECEIVED', 'b:DISPATCHED']);
    expect(api.inboxRequests).toHaveLength(1);
  });

  it('fetches the lists again for a ticket routed here, one that left sight, and after a FeedResync', async () => {
    api = fakeApi([row('a')]);
    await api.settle();
    // routed from the city-level pool into this street: not listed yet
    await api.push(notice('DISPATCHED', 43, row('routed', 'DISPATCHED')));
    expect(api.inboxRequests).toHaveLength(2);
    // re-routed away: the notice comes, the ticket is no longer visible
    await api.push(notice('DISPATCHED', 44, null));
    expect(api.inboxRequests).toHaveLength(3);
    // events were missed: nothing cached about the lists can be trusted
    await api.push({ __typename: 'FeedResync', resyncSeq: 90 });
    expect(api.inboxRequests).toHaveLength(4);
    expect(api.inboxRequests.every((variables) => variables.after === null)).toBe(true);
  });
});

describe('feed positions', () => {
  const request = (variables: Record<string, unknown>) => ({ query: 'subscription …', variables });

  it('knows a feed by its $afterSeq variable', () => {
    expect(isResumableFeed(FeedSubscription)).toBe(true);
    expect(isResumableFeed(parse('subscription Beat { heartbeat(count: 1) { at } }'))).toBe(false);
    expect(isResumableFeed(parse('query Q($afterSeq: Int) { viewer { id } }'))).toBe(false);
  });

  it('moves the payload on with each logSeq, so that a reconnect resumes after the last one', () => {
    const cursors = createFeedCursors();
    const feed = cursors.open(request({ streetCode: '110101011' }));
    expect(feed.payload.variables).toEqual({ streetCode: '110101011' });
    feed.received({ data: { ticketEvents: notice('RECEIVED', 7, row('a')) } });
    // OVERDUE is announced, not logged: it has no position
    feed.received({ data: { ticketEvents: { ...notice('OVERDUE', 7, row('a')), logSeq: null } } });
    expect(feed.payload.variables).toEqual({ streetCode: '110101011', afterSeq: 7 });
    feed.received({ data: { ticketEvents: { __typename: 'FeedResync', resyncSeq: 12 } } });
    expect(feed.payload.variables.afterSeq).toBe(12);
  });

  it('resumes the same feed where it stopped when a view subscribes again, and no other feed', () => {
    const cursors = createFeedCursors();
    cursors.open(request({ streetCode: '110101011' })).received({ data: { ticketEvents: notice('RECEIVED', 30, row('a')) } });
    expect(cursors.open(request({ streetCode: '110101011' })).payload.variables).toEqual({ streetCode: '110101011', afterSeq: 30 });
    expect(cursors.open(request({ streetCode: '110101012' })).payload.variables).toEqual({ streetCode: '110101012' });
    // a view that asks for a position itself gets the earlier of its own and the feed's last one: its
    // list may come from the cache, which holds what the feed delivered up to 30, not what came since
    expect(cursors.open(request({ streetCode: '110101011', afterSeq: 3 })).payload.variables.afterSeq).toBe(3);
    expect(cursors.open(request({ streetCode: '110101011', afterSeq: 40 })).payload.variables.afterSeq).toBe(30);
  });
});
