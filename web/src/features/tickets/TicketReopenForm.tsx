import { createMutation } from '@urql/solid';
import { type Component, createSignal } from 'solid-js';
import { type FragmentOf, graphql, readFragment } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { withClientMutationId } from '../../ui/actionForm.ts';
import { TicketActionErrorFields, TicketActionResultFields, useTicketActionFailure } from './ticketAction.ts';
import { ticketOutcomeNames } from './ticketOutcome.ts';

/** The ticket a reopen is sent for, at the version shown. */
export const TicketReopenFormFields = graphql(`
  fragment TicketReopenFormFields on Ticket {
    id
    version
  }
`);

const TicketReopenFormMutation = graphql(
  `
    mutation TicketReopenFormMutation($input: ReopenTicketInput!) {
      reopenTicket(input: $input) {
        __typename
        ... on ReopenTicketResult {
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

interface TicketReopenFormProps {
  ticket: FragmentOf<typeof TicketReopenFormFields>;
  /** reloads the ticket from the API (after a conflict) */
  onReload: () => void;
}

/** Reopens a resolved or closed ticket with a reason: a repeat call, or a revisit (回头看) that finds the problem back. */
export const TicketReopenForm: Component<TicketReopenFormProps> = (props) => {
  const [state, send] = createMutation(TicketReopenFormMutation);
  const reopen = withClientMutationId(send);
  const ticket = () => readFragment(TicketReopenFormFields, props.ticket);
  const { failure, setFailure, settle } = useTicketActionFailure(() => ticket().version);
  const [reason, setReason] = createSignal('');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    if (!reason().trim()) {
      setFailure({ kind: 'invalid', fields: ['reason'] });
      return;
    }
    const result = await reopen({ id: ticket().id, expectedVersion: ticket().version, reason: reason().trim() });
    if (settle(result, result.data?.reopenTicket)) setReason('');
  };

  return (
    <form class="action-form" onSubmit={(event) => void submit(event)} data-testid="reopen-form">
      <label class="field">
        <span class="field-sublabel">{t('tickets.forms.reason')}</span>
        <textarea
          rows={2}
          maxLength={2000}
          lang="zh-CN"
          value={reason()}
          placeholder={t('tickets.forms.reasonPlaceholder')}
          onInput={(event) => setReason(event.currentTarget.value)}
          data-testid="reopen-reason"
        />
      </label>
      <button type="submit" class="button" disabled={state.fetching} data-testid="reopen-submit">
        {state.fetching ? t('tickets.forms.working') : t('tickets.forms.reopen')}
      </button>
      <ActionOutcome failure={failure()} names={ticketOutcomeNames} onReload={props.onReload} />
    </form>
  );
};
