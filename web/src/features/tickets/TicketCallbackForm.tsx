import { createMutation } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { SATISFACTION_LEVELS, type Satisfaction } from '../../graphql/enums.ts';
import { type FragmentOf, graphql, readFragment } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { withClientMutationId } from '../../ui/actionForm.ts';
import { TicketActionErrorFields, TicketActionResultFields, useTicketActionFailure } from './ticketAction.ts';
import { ticketOutcomeNames } from './ticketOutcome.ts';

/** The ticket a call-back is recorded for, at the version shown. */
export const TicketCallbackFormFields = graphql(`
  fragment TicketCallbackFormFields on Ticket {
    id
    version
  }
`);

const TicketCallbackFormMutation = graphql(
  `
    mutation TicketCallbackFormMutation($input: RecordTicketCallbackInput!) {
      recordTicketCallback(input: $input) {
        __typename
        ... on RecordTicketCallbackResult {
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

interface TicketCallbackFormProps {
  ticket: FragmentOf<typeof TicketCallbackFormFields>;
  /** reloads the ticket from the API (after a conflict) */
  onReload: () => void;
}

/**
 * The call-back survey (回访): is the problem solved, how satisfied is the resident, in their words.
 * Satisfied or basically satisfied closes the ticket; unsatisfied sends it back to its assignees.
 */
export const TicketCallbackForm: Component<TicketCallbackFormProps> = (props) => {
  const [state, send] = createMutation(TicketCallbackFormMutation);
  const record = withClientMutationId(send);
  const ticket = () => readFragment(TicketCallbackFormFields, props.ticket);
  const { failure, settle } = useTicketActionFailure(() => ticket().version);
  const [resolved, setResolved] = createSignal<boolean | null>(null);
  const [satisfaction, setSatisfaction] = createSignal<Satisfaction | null>(null);
  const [comment, setComment] = createSignal('');
  const complete = () => resolved() !== null && satisfaction() !== null;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching || !complete()) return;
    const result = await record({
      id: ticket().id,
      expectedVersion: ticket().version,
      resolved: resolved()!,
      satisfaction: satisfaction()!,
      ...(comment().trim() ? { comment: comment().trim() } : {}),
    });
    if (settle(result, result.data?.recordTicketCallback)) {
      setResolved(null);
      setSatisfaction(null);
      setComment('');
    }
  };

  return (
    <form class="action-form" onSubmit={(event) => void submit(event)} data-testid="callback-form">
      <h3 class="action-heading">{t('tickets.forms.callbackHeading')}</h3>
      <fieldset class="radio-group">
        <legend class="field-sublabel">{t('tickets.forms.callbackResolved')}</legend>
        <For each={[true, false]}>
          {(value) => (
            <label class="segment" classList={{ 'segment-on': resolved() === value }}>
              <input
                type="radio"
                name="callback-resolved"
                checked={resolved() === value}
                onChange={() => setResolved(value)}
                data-testid={`callback-resolved-${value ? 'yes' : 'no'}`}
              />
              {value ? t('tickets.forms.yes') : t('tickets.forms.no')}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset class="radio-group">
        <legend class="field-sublabel">{t('tickets.forms.satisfaction')}</legend>
        <For each={SATISFACTION_LEVELS}>
          {(value) => (
            <label class="segment" classList={{ 'segment-on': satisfaction() === value, 'segment-warn': value === 'UNSATISFIED' && satisfaction() === value }}>
              <input
                type="radio"
                name="callback-satisfaction"
                checked={satisfaction() === value}
                onChange={() => setSatisfaction(value)}
                data-testid={`callback-satisfaction-${value}`}
              />
              {t(`tickets.satisfaction.${value}`)}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={satisfaction() === 'UNSATISFIED'}>
        <p class="field-hint">{t('tickets.forms.unsatisfiedHint')}</p>
      </Show>
      <label class="field">
        <span class="field-sublabel">{t('tickets.forms.comment')}</span>
        <textarea rows={2} maxLength={2000} lang="zh-CN" value={comment()} onInput={(event) => setComment(event.currentTarget.value)} data-testid="callback-comment" />
      </label>
      <button type="submit" class="button button-primary" disabled={state.fetching || !complete()} data-testid="callback-submit">
        {state.fetching ? t('tickets.forms.working') : t('tickets.forms.saveCallback')}
      </button>
      <ActionOutcome failure={failure()} names={ticketOutcomeNames} onReload={props.onReload} />
    </form>
  );
};
