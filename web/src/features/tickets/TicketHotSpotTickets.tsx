import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import type { TicketFilterInput } from './filters.ts';
import { ticketPath } from './paths.ts';
import { TicketStatusBadge } from './TicketStatusBadge.tsx';

const TicketHotSpotTicketsQuery = graphql(`
  query TicketHotSpotTicketsQuery($filter: TicketFilter!) {
    tickets(first: 100, filter: $filter) {
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
          receivedAt
          description
        }
      }
    }
  }
`);

interface TicketHotSpotTicketsProps {
  /** the keyword and period of the hot spots, narrowed to one grid cell */
  filter: TicketFilterInput & { gridCellCode: string };
  cellName: string;
  /** the selected tickets: id → number */
  selected: Record<string, string>;
  onSelect: (tickets: readonly { id: string; number: string }[], on: boolean) => void;
}

/** The matching tickets of one hot-spot grid cell, to tick the ones a revisit (回头看) should cover. */
export const TicketHotSpotTickets: Component<TicketHotSpotTicketsProps> = (props) => {
  const [result, reexecute] = createQuery({ query: TicketHotSpotTicketsQuery, variables: () => ({ filter: props.filter }) });
  const tickets = () => result.data?.tickets.edges.map((edge) => edge.node) ?? [];
  return (
    <section class="panel" aria-labelledby="hotspot-tickets-heading" data-testid="hotspot-tickets">
      <div class="section-heading">
        <h2 id="hotspot-tickets-heading">{t('tickets.hotspots.ticketsIn', { cell: props.cellName })}</h2>
        <Show when={result.data}>{(data) => <span class="count">{t('tickets.hotspots.count', { count: data().tickets.totalCount })}</span>}</Show>
      </div>
      <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        <div class="button-row">
          <button type="button" class="button button-quiet" onClick={() => props.onSelect(tickets(), true)} data-testid="hotspot-select-all">
            {t('tickets.hotspots.selectAll')}
          </button>
          <button type="button" class="button button-quiet" onClick={() => props.onSelect(tickets(), false)} data-testid="hotspot-select-none">
            {t('tickets.hotspots.selectNone')}
          </button>
        </div>
        <ul class="pick-list">
          <For each={tickets()}>
            {(ticket) => (
              <li data-testid={`hotspot-ticket-${ticket.number}`}>
                <label class="pick">
                  <input
                    type="checkbox"
                    checked={ticket.id in props.selected}
                    onChange={(event) => props.onSelect([ticket], event.currentTarget.checked)}
                    aria-label={t('tickets.hotspots.selectTicket', { number: ticket.number })}
                    data-testid="hotspot-pick"
                  />
                  <span class="pick-body">
                    <span class="pick-head">
                      <A href={ticketPath(ticket.number)} class="ticket-link">
                        {ticket.number}
                      </A>
                      <span class="muted">{formatDate(ticket.receivedAt)}</span>
                      <TicketStatusBadge status={ticket.status} />
                    </span>
                    <span class="clamp" lang="zh-CN">
                      {ticket.description}
                    </span>
                  </span>
                </label>
              </li>
            )}
          </For>
        </ul>
      </QueryState>
    </section>
  );
};
