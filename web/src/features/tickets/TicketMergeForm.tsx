import { createMutation, gql, useClient } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from './ActionOutcome.tsx';
import { type ActionFormProps, useActionFailure } from './actionForm.ts';
import type { TicketActionPayload } from './outcome.ts';
import { TicketActionErrorFields, TicketChangeableFields } from './ticketFragments.ts';

const TicketMergeFormTargetQuery = gql<{ ticket: { id: string; number: string } | null }, { number: string }>`
  query TicketMergeFormTargetQuery($number: String!) {
    ticket(number: $number) {
      id
      number
    }
  }
`;

const TicketMergeFormMutation = gql<{ mergeTicket: TicketActionPayload }, { input: { id: string; expectedVersion: number; intoId: string } }>`
  mutation TicketMergeFormMutation($input: MergeTicketInput!) {
    mergeTicket(input: $input) {
      __typename
      ... on MergeTicketResult {
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

/** Merges this duplicate into the ticket with the number given; the surviving ticket carries the clock. */
export const TicketMergeForm: Component<ActionFormProps> = (props) => {
  const client = useClient();
  const [state, merge] = createMutation(TicketMergeFormMutation);
  const { failure, settle } = useActionFailure(() => props.ticket.version);
  const [target, setTarget] = createSignal('');
  const [problem, setProblem] = createSignal<(() => string) | null>(null);
  const [looking, setLooking] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching || looking()) return;
    setProblem(null);
    const number = target().trim();
    if (!number) return;
    if (number === props.ticket.number) {
      setProblem(() => () => t('tickets.forms.mergeSelf'));
      return;
    }
    // the mutation takes the surviving ticket's id; staff know it by its number
    setLooking(true);
    const found = await client.query(TicketMergeFormTargetQuery, { number }, { requestPolicy: 'network-only' }).toPromise();
    setLooking(false);
    const into = found.data?.ticket;
    if (!into) {
      setProblem(() => () => t('tickets.forms.mergeTargetNotFound', { number }));
      return;
    }
    const result = await merge({ input: { id: props.ticket.id, expectedVersion: props.ticket.version, intoId: into.id } });
    if (settle(result, result.data?.mergeTicket)) setTarget('');
  };

  return (
    <form class="action-form" onSubmit={(event) => void submit(event)} data-testid="merge-form">
      <label class="field">
        <span class="field-sublabel">{t('tickets.forms.mergeTarget')}</span>
        <input
          class="input-code"
          value={target()}
          maxLength={30}
          placeholder={t('tickets.forms.mergeTargetPlaceholder')}
          onInput={(event) => setTarget(event.currentTarget.value)}
          data-testid="merge-target"
        />
      </label>
      <Show when={problem()}>
        {(message) => (
          <p class="field-error" role="alert" data-testid="merge-problem">
            {message()()}
          </p>
        )}
      </Show>
      <button type="submit" class="button" disabled={state.fetching || looking() || !target().trim()} data-testid="merge-submit">
        {state.fetching || looking() ? t('tickets.forms.working') : t('tickets.forms.merge')}
      </button>
      <ActionOutcome failure={failure()} onReload={props.onReload} />
    </form>
  );
};
