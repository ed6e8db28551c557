import { createMutation, useClient } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import { type FragmentOf, graphql, readFragment } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { withClientMutationId } from '../../ui/actionForm.ts';
import { TicketActionErrorFields, TicketActionResultFields, useTicketActionFailure } from './ticketAction.ts';
import { ticketOutcomeNames } from './ticketOutcome.ts';

const TicketMergeFormTargetQuery = graphql(`
  query TicketMergeFormTargetQuery($number: String!) {
    ticket(number: $number) {
      id
      number
    }
  }
`);

/** The duplicate to merge, at the version shown, and its number (a ticket cannot be merged into itself). */
export const TicketMergeFormFields = graphql(`
  fragment TicketMergeFormFields on Ticket {
    id
    number
    version
  }
`);

const TicketMergeFormMutation = graphql(
  `
    mutation TicketMergeFormMutation($input: MergeTicketInput!) {
      mergeTicket(input: $input) {
        __typename
        ... on MergeTicketResult {
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

interface TicketMergeFormProps {
  ticket: FragmentOf<typeof TicketMergeFormFields>;
  /** reloads the ticket from the API (after a conflict) */
  onReload: () => void;
}

/** Merges this duplicate into the ticket with the number given; the surviving ticket carries the clock. */
export const TicketMergeForm: Component<TicketMergeFormProps> = (props) => {
  const client = useClient();
  const [state, send] = createMutation(TicketMergeFormMutation);
  const merge = withClientMutationId(send);
  const ticket = () => readFragment(TicketMergeFormFields, props.ticket);
  const { failure, settle } = useTicketActionFailure(() => ticket().version);
  const [target, setTarget] = createSignal('');
  const [problem, setProblem] = createSignal<(() => string) | null>(null);
  const [looking, setLooking] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching || looking()) return;
    setProblem(null);
    const number = target().trim();
    if (!number) return;
    if (number === ticket().number) {
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
    const result = await merge({ id: ticket().id, expectedVersion: ticket().version, intoId: into.id });
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
      <ActionOutcome failure={failure()} names={ticketOutcomeNames} onReload={props.onReload} />
    </form>
  );
};
