import { createSubscription } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { TicketInboxRowFields } from './TicketInboxRow.tsx';

// the ticket as the inbox row shows it: Graphcache writes it by id, so the row changes in place
const TicketLiveUpdatesSubscription = graphql(
  `
    subscription TicketLiveUpdatesSubscription($streetCode: String!) {
      ticketEvents(streetCode: $streetCode) {
        __typename
        ... on TicketEventNotice {
          type
          seq
          ticket {
            ...TicketInboxRowFields
          }
        }
      }
    }
  `,
  [TicketInboxRowFields],
);

interface TicketLiveUpdatesProps {
  streetCode: string;
}

/**
 * Keeps the inbox live for a street office: every ticket event of the street (new, dispatched,
 * accepted, overdue, resolved, called back …) arrives over graphql-ws with the ticket as it is now.
 * The cache does the rest (see `updates.Subscription` in graphql/cache.ts). Shows that it is on.
 */
export const TicketLiveUpdates: Component<TicketLiveUpdatesProps> = (props) => {
  const [live] = createSubscription({ query: TicketLiveUpdatesSubscription, variables: () => ({ streetCode: props.streetCode }) });
  return (
    <Show when={live.fetching && !live.error}>
      <span class="live-mark" role="status" data-testid="ticket-live">
        <span class="live-dot" aria-hidden="true" />
        {t('tickets.inbox.live')}
      </span>
    </Show>
  );
};
