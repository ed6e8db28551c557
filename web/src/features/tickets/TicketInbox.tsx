import { A, useSearchParams } from '@solidjs/router';
import { createQuery, gql } from '@urql/solid';
import { type Component, createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import type { Connection } from '../../graphql/schemaTypes.ts';
import { formatShortDateTime, t, unitName } from '../../i18n/index.ts';
import { gridCellName } from '../org/names.ts';
import { QueryState } from '../shell/Status.tsx';
import { usePageTitle } from '../shell/title.ts';
import { useNow } from './clock.ts';
import { DeadlineClock } from './DeadlineClock.tsx';
import { isOverdueAt } from './deadlines.ts';
import { filtersFromSearch, filtersToSearch, hasFilters, type InboxFilters, type TicketFilterInput, ticketFilterInput } from './filters.ts';
import { ticketPath } from './paths.ts';
import { TicketFilters } from './TicketFilters.tsx';
import { TicketRowFields } from './ticketFragments.ts';
import { TicketStatusBadge } from './TicketStatusBadge.tsx';
import type { TicketSummary } from './ticketTypes.ts';
import { TicketLiveUpdates } from './TicketLiveUpdates.tsx';
import { isStaff, officerStreets, useTicketViewer } from './ticketViewer.ts';

interface TicketInboxData {
  tickets: Connection<TicketSummary> & { totalCount: number };
}

const TicketInboxQuery = gql<TicketInboxData, { filter: TicketFilterInput | null; after: string | null }>`
  query TicketInboxQuery($filter: TicketFilter, $after: String) {
    tickets(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...TicketRowFields
        }
      }
    }
  }
  ${TicketRowFields}
`;

/**
 * The tickets the viewer may see, newest first, 50 at a time: a street office's inbox, a resident's
 * own tickets. Filters live in the address; deadline clocks tick every 30 s on the page's own clock.
 */
export const TicketInbox: Component = () => {
  const viewer = useTicketViewer();
  const [search, setSearch] = useSearchParams();
  const filters = createMemo(() => filtersFromSearch(search), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const filterInput = createMemo(() => ticketFilterInput(filters()));
  // Graphcache's relayPagination merges the pages, so asking for the next page returns all so far;
  // a new filter starts again from the first page
  const [after, setAfter] = createSignal<string | null>(null);
  createEffect(on(filterInput, () => setAfter(null), { defer: true }));
  const [result, reexecute] = createQuery({ query: TicketInboxQuery, variables: () => ({ filter: filterInput(), after: after() }) });
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
          {/* a street office's inbox follows its street live */}
          <For each={officerStreets(viewer())}>{(street) => <TicketLiveUpdates streetCode={street.code} />}</For>
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
                <For each={tickets()}>
                  {(ticket) => {
                    const overdue = () => isOverdueAt(ticket, now());
                    return (
                      <tr
                        classList={{ 'row-overdue': overdue() }}
                        data-testid={`ticket-row-${ticket.number}`}
                        data-number={ticket.number}
                        data-overdue={overdue() ? 'true' : 'false'}
                      >
                        <td class="cell-number">
                          <A href={ticketPath(ticket.number)} class="ticket-link" data-testid="ticket-link">
                            {ticket.number}
                          </A>
                          <Show when={overdue()}>
                            <span class="overdue-mark" data-testid="overdue-mark">
                              {t('tickets.inbox.overdue')}
                            </span>
                          </Show>
                        </td>
                        <td class="cell-time">{formatShortDateTime(ticket.receivedAt)}</td>
                        <td class="cell-category" data-testid="ticket-category">{unitName(ticket.category)}</td>
                        <td class="col-description">
                          <span class="clamp" lang="zh-CN" title={ticket.description} data-testid="ticket-description">
                            {ticket.description}
                          </span>
                        </td>
                        <td class="cell-place">
                          <Show when={ticket.street} fallback={<span class="muted">{t('tickets.inbox.unplaced')}</span>}>
                            {(street) => <span class="place-street">{unitName(street())}</span>}
                          </Show>
                          <Show when={ticket.community || ticket.gridCell}>
                            <span class="place-detail">
                              <Show when={ticket.community}>{(community) => unitName(community())}</Show>
                              <Show when={ticket.gridCell}>{(cell) => <> · {gridCellName(cell()).replace(ticket.community?.name ?? '', '')}</>}</Show>
                            </span>
                          </Show>
                        </td>
                        <td>
                          <TicketStatusBadge status={ticket.status} testId="ticket-status" />
                        </td>
                        <td class="cell-clock">
                          <DeadlineClock ticket={ticket} now={now()} testId="ticket-clock" />
                        </td>
                        <td class="cell-parts">
                          <Show
                            when={ticket.parts.length === 2}
                            fallback={
                              <Show when={ticket.parts[0]} fallback={<span class="muted">{t('tickets.clock.none')}</span>}>
                                {(part) => <span class="part-kind">{t(`tickets.partKind.${part().kind}`)}</span>}
                              </Show>
                            }
                          >
                            <span class="badge badge-dual" data-testid="dual-badge">
                              {t('tickets.inbox.dual')}
                            </span>
                          </Show>
                        </td>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={result.data?.tickets.pageInfo?.hasNextPage}>
            <button
              type="button"
              class="button load-more"
              disabled={result.fetching}
              onClick={() => setAfter(result.data?.tickets.pageInfo?.endCursor ?? null)}
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
