import { type Component, createSignal, For, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { closeConditionText, useWhistleStep, WhistleActionErrorFields, whistleOutcomeNames } from './whistleAction.ts';
import { WhistleDetailFields } from './whistleDetail.ts';
import { WhistleNoteField } from './WhistleNoteField.tsx';

const WhistleCloseFormMutation = graphql(
  `
    mutation WhistleCloseFormMutation($input: CloseWhistleInput!) {
      closeWhistle(input: $input) {
        __typename
        ... on CloseWhistleResult {
          result {
            whistle {
              ...WhistleDetailFields
            }
          }
        }
        ...WhistleActionErrorFields
      }
    }
  `,
  [WhistleDetailFields, WhistleActionErrorFields],
);

interface WhistleCloseFormProps {
  whistleId: string;
  version: number;
  onReload: () => void;
}

/**
 * 终场哨: the street confirms the problem is handled and closes the whistle; the API needs the lead
 * department's report as well, and answers what is still missing (CloseConditionsError), listed here.
 * Closing opens the 7-day window in which the street rates the departments.
 */
export const WhistleCloseForm: Component<WhistleCloseFormProps> = (props) => {
  const { state, failure, send } = useWhistleStep(WhistleCloseFormMutation, () => props.version, (data) => data.closeWhistle);
  const [confirm, setConfirm] = createSignal(false);
  const [note, setNote] = createSignal('');
  const [missing, setMissing] = createSignal<readonly string[]>([]);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const { payload } = await send({ whistleId: props.whistleId, expectedVersion: props.version, confirm: confirm(), ...(note().trim() ? { note: note().trim() } : {}) });
    setMissing(payload?.__typename === 'CloseConditionsError' ? payload.missing : []);
  };

  return (
    <form class="action-form" onSubmit={(event) => void submit(event)} data-testid="close-form">
      <h3 class="action-heading">{t('whistles.close.heading')}</h3>
      <label class="check">
        <input type="checkbox" checked={confirm()} onChange={(event) => setConfirm(event.currentTarget.checked)} data-testid="close-confirm" />
        <span>{t('whistles.close.confirm')}</span>
      </label>
      <WhistleNoteField label={t('whistles.close.note')} value={note()} onInput={setNote} rows={2} testId="close-note" />
      <button type="submit" class="button button-primary" disabled={state.fetching} data-testid="close-submit">
        {state.fetching ? t('whistles.actions.working') : t('whistles.close.submit')}
      </button>
      <ActionOutcome failure={failure()} names={whistleOutcomeNames} onReload={props.onReload} />
      <Show when={failure() && missing().length > 0}>
        <ul class="close-missing" data-testid="close-missing">
          <For each={missing()}>{(condition) => <li data-condition={condition}>{closeConditionText(condition)}</li>}</For>
        </ul>
      </Show>
    </form>
  );
};
