import { createMutation } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import { type FragmentOf, graphql, readFragment } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { TicketActionErrorFields, TicketActionResultFields, ticketOutcomeNames, useTicketActionFailure } from './ticketAction.ts';

/** What dispatching needs: whether the ticket has a community to send the second part to (双派单). */
export const TicketDispatchFormFields = graphql(`
  fragment TicketDispatchFormFields on Ticket {
    id
    version
    status
    community {
      id
    }
  }
`);

const TicketDispatchFormMutation = graphql(
  `
    mutation TicketDispatchFormMutation($input: DispatchTicketInput!) {
      dispatchTicket(input: $input) {
        __typename
        ... on DispatchTicketResult {
          result {
            ticket {
              ...TicketActionResultFields
            }
          }
        }
        ...TicketActionErrorFields
      }
    }
  `,
  [TicketActionResultFields, TicketActionErrorFields],
);

interface TicketDispatchFormProps {
  ticket: FragmentOf<typeof TicketDispatchFormFields>;
  /** reloads the ticket from the API (after a conflict) */
  onReload: () => void;
}

/**
 * Dispatches the ticket to its street office, or also to the community / property side (双派单),
 * each part on its own clock. Dispatching a dispatched ticket again re-routes it (改派).
 */
export const TicketDispatchForm: Component<TicketDispatchFormProps> = (props) => {
  const [state, dispatch] = createMutation(TicketDispatchFormMutation);
  const ticket = () => readFragment(TicketDispatchFormFields, props.ticket);
  const { failure, settle } = useTicketActionFailure(() => ticket().version);
  const [dual, setDual] = createSignal(false);
  const [assignee, setAssignee] = createSignal('');
  // the community part needs a community; a ticket placed only by street name has none
  const canDual = () => ticket().community !== null;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const withCommunity = dual() && canDual();
    const result = await dispatch({
      input: {
        id: ticket().id,
        expectedVersion: ticket().version,
        dual: withCommunity,
        ...(withCommunity && assignee().trim() ? { communityAssignee: assignee().trim() } : {}),
      },
    });
    if (settle(result, result.data?.dispatchTicket)) {
      setDual(false);
      setAssignee('');
    }
  };

  return (
    <form class="action-form" onSubmit={(event) => void submit(event)} data-testid="dispatch-form">
      <label class="check" classList={{ 'check-disabled': !canDual() }}>
        <input
          type="checkbox"
          checked={dual()}
          disabled={!canDual()}
          onChange={(event) => setDual(event.currentTarget.checked)}
          data-testid="dispatch-dual"
        />
        <span>
          {t('tickets.forms.dual')}
          <span class="field-hint">{canDual() ? t('tickets.forms.dualHint') : t('tickets.state.NO_COMMUNITY')}</span>
        </span>
      </label>
      <Show when={dual()}>
        <label class="field">
          <span class="field-sublabel">{t('tickets.forms.communityAssignee')}</span>
          <input
            value={assignee()}
            maxLength={100}
            placeholder={t('tickets.forms.communityAssigneePlaceholder')}
            onInput={(event) => setAssignee(event.currentTarget.value)}
            data-testid="dispatch-assignee"
          />
        </label>
      </Show>
      <button type="submit" class="button button-primary" disabled={state.fetching} data-testid="dispatch-submit">
        {state.fetching ? t('tickets.forms.working') : ticket().status === 'RECEIVED' ? t('tickets.forms.dispatch') : t('tickets.forms.redispatch')}
      </button>
      <ActionOutcome failure={failure()} names={ticketOutcomeNames} onReload={props.onReload} />
    </form>
  );
};
