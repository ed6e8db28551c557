import { createMutation, gql } from '@urql/solid';
import { type Component, createSignal } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from './ActionOutcome.tsx';
import { type ActionFormProps, useActionFailure } from './actionForm.ts';
import type { TicketActionPayload } from './outcome.ts';
import { TicketActionErrorFields, TicketChangeableFields } from './ticketFragments.ts';

const TicketReopenFormMutation = gql<{ reopenTicket: TicketActionPayload }, { input: { id: string; expectedVersion: number; reason: string } }>`
  mutation TicketReopenFormMutation($input: ReopenTicketInput!) {
    reopenTicket(input: $input) {
      __typename
      ... on ReopenTicketResult {
        result {
          ticket {
            ...TicketChangeableFields
          }
        }
      }
      ...TicketActionErrorFields
    }
  }
  ${TicketChangeableFields}
  ${TicketActionErrorFields}
`;

/** Reopens a resolved or closed ticket with a reason: a repeat call, or a revisit (回头看) that finds the problem back. */
export const TicketReopenForm: Component<ActionFormProps> = (props) => {
  const [state, reopen] = createMutation(TicketReopenFormMutation);
  const { failure, setFailure, settle } = useActionFailure(() => props.ticket.version);
  const [reason, setReason] = createSignal('');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    if (!reason().trim()) {
      setFailure({ kind: 'invalid', fields: ['reason'] });
      return;
    }
    const result = await reopen({ input: { id: props.ticket.id, expectedVersion: props.ticket.version, reason: reason().trim() } });
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
      <ActionOutcome failure={failure()} onReload={props.onReload} />
    </form>
  );
};
