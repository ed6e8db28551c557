import { A, useSearchParams } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { type Component, createMemo, createSignal, For, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { useNow } from '../../ui/clock.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePageTitle } from '../shell/title.ts';
import { filtersFromSearch, filtersToSearch, hasFilters, type InboxFilters, ticketFilterInput } from './filters.ts';
import { TicketFilters } from './TicketFilters.tsx';
import { TicketInboxRow, TicketInboxRowFields } from './TicketInboxRow.tsx';
import { TicketLiveUpdates } from './TicketLiveUpdates.tsx';
import { isStaff, liveFeeds, useTicketViewer } from './ticketViewer.ts';

const TicketInboxQuery = graphql(
  `
    query TicketInboxQuery($filter: TicketFilter, $after: String) {
      tickets(first: 50, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...TicketInboxRowFields
          }
        }
      }
    }
  `,
  [TicketInboxRowFields],
);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The tickets the viewer may see, newest first, 50 at a time: a street office's inbox, a resident's
 * own tickets. Filters live in the address; deadline clocks tick every 30 s on the page's own clock.
 */
const TicketInboxLogSeqQuery = graphql(`
  query TicketInboxLogSeqQuery {
    logSeq
  }
`);

export const TicketInbox: Component = () => {
  const viewer = useTicketViewer();
  const [search, setSearch] = useSearchParams();
  const filters = createMemo(() => filtersFromSearch(search), undefined, { equals: sameJson });
  // the same feeds stay subscribed while the viewer is reloaded
  const feeds = createMemo(() => liveFeeds(viewer()), undefined, { equals: sameJson });
  const filterInput = createMemo(() => ticketFilterInput(filters()));
  // The inbox is always the first page; "load more" fetches the next one into the cache, where
  // Graphcache's relayPagination merges the pages under it. When the lists are dropped (a new ticket
  // arrived live, a FeedResync, one was filed here) the query fetches the first page again and the
  // list starts over, with no gap: refetching a later page by its old cursor would show it alone, or
  // miss a ticket that moved across the page boundary.
  // The log position is read first and the list after it, and the live feeds replay from that
  // position: a ticket written between loading the list and the subscription reaching the server is
  // replayed, not missed (an event applied twice changes nothing).
  const [position] = createQuery({ query: TicketInboxLogSeqQuery, requestPolicy: 'network-only' });
  const positionRead = () => position.data !== undefined || position.error !== undefined;
  const [result, reexecute] = createQuery({ query: TicketInboxQuery, variables: () => ({ filter: filterInput(), after: null }), pause: () => !positionRead() });
  const client = useClient();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const loadMore = async () => {
    const after = result.data?.tickets.pageInfo.endCursor;
    if (!after || loadingMore()) return;
    setLoadingMore(true);
    try {
      await client.query(TicketInboxQuery, { filter: filterInput(), after }).toPromise();
      // the first page's operation does not watch the new page: read the merged pages again
      reexecute({ requestPolicy: 'cache-first' });
    } finally {
      setLoadingMore(false);
    }
  };
  const now = useNow();

  const title = () => (isStaff(viewer()) ? t('tickets.inbox.title') : t('tickets.inbox.titleMine'));
  usePageTitle(title);
  const tickets = () => result.data?.tickets.edges.map((edge) => edge.node) ?? [];
  const applyFilters = (next: InboxFilters) => setSearch(filtersToSearch(next));

  return (
    <>
      <div class="page-heading">
        <h1 data-testid="page-title">{title()}</h1>
        <div class="page-heading-meta">
          <Show when={result.data}>
            {(data) => (
              <span class="count" data-testid="ticket-count">
                {t('tickets.inbox.count', { count: data().tickets.totalCount })}
              </span>
            )}
          </Show>
          {/* a street office's inbox follows its street live, a dispatcher's the district and the pool */}
          <For each={feeds()}>{(feed) => <TicketLiveUpdates feed={feed} after={positionRead() ? (position.data?.logSeq ?? null) : undefined} />}</For>
        </div>
        <A href="/tickets/new" class="button button-primary heading-action" data-testid="new-ticket">
          {t('tickets.inbox.newTicket')}
        </A>
      </div>
      <TicketFilters filters={filters()} onChange={applyFilters} />
      <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        <Show
          when={tickets().length > 0}
          fallback={
            <p class="empty" data-testid="ticket-empty">
              {hasFilters(filters()) ? t('tickets.inbox.emptyFiltered') : t('tickets.inbox.empty')}
            </p>
          }
        >
          <div class="table-scroll" classList={{ 'table-stale': result.fetching }}>
            <table class="table ticket-table" data-testid="ticket-table" aria-label={t('tickets.inbox.table')}>
              <thead>
                <tr>
                  <th scope="col">{t('tickets.inbox.columns.number')}</th>
                  <th scope="col">{t('tickets.inbox.columns.received')}</th>
                  <th scope="col">{t('tickets.inbox.columns.category')}</th>
                  <th scope="col" class="col-description">
                    {t('tickets.inbox.columns.description')}
                  </th>
                  <th scope="col">{t('tickets.inbox.columns.place')}</th>
                  <th scope="col">{t('tickets.inbox.columns.status')}</th>
                  <th scope="col">{t('tickets.inbox.columns.deadline')}</th>
                  <th scope="col">{t('tickets.inbox.columns.parts')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={tickets()}>{(ticket) => <TicketInboxRow ticket={ticket} now={now()} />}</For>
              </tbody>
            </table>
          </div>
          <Show when={result.data?.tickets.pageInfo?.hasNextPage}>
            <button
              type="button"
              class="button load-more"
              disabled={result.fetching || loadingMore()}
              onClick={() => void loadMore()}
              data-testid="load-more"
            >
              {t('common.loadMore')}
            </button>
          </Show>
        </Show>
      </QueryState>
    </>
  );
};
