import { type Component, createSignal } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { useWhistleStep, WhistleActionErrorFields, whistleOutcomeNames } from './whistleAction.ts';
import { WhistleDetailFields } from './whistleDetail.ts';
import { WhistleNoteField } from './WhistleNoteField.tsx';

const WhistleSuperviseFormMutation = graphql(
  `
    mutation WhistleSuperviseFormMutation($input: SuperviseFollowUpInput!) {
      superviseFollowUp(input: $input) {
        __typename
        ... on SuperviseFollowUpResult {
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

interface WhistleSuperviseFormProps {
  whistleId: string;
  version: number;
  onReload: () => void;
}

/** 监督哨: after the close, the follow-up records whether the problem stayed solved. */
export const WhistleSuperviseForm: Component<WhistleSuperviseFormProps> = (props) => {
  const { state, failure, setFailure, send } = useWhistleStep(WhistleSuperviseFormMutation, () => props.version, (data) => data.superviseFollowUp);
  const [note, setNote] = createSignal('');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    if (note().trim().length < 2) return setFailure({ kind: 'invalid', fields: ['note'] });
    if ((await send({ whistleId: props.whistleId, expectedVersion: props.version, note: note().trim() })).ok) setNote('');
  };

  return (
    <form class="action-form" onSubmit={(event) => void submit(event)} data-testid="supervise-form">
      <h3 class="action-heading">{t('whistles.supervise.heading')}</h3>
      <WhistleNoteField label={t('whistles.supervise.note')} value={note()} onInput={setNote} required testId="supervise-note" />
      <button type="submit" class="button button-primary" disabled={state.fetching} data-testid="supervise-submit">
        {state.fetching ? t('whistles.actions.working') : t('whistles.supervise.submit')}
      </button>
      <ActionOutcome failure={failure()} names={whistleOutcomeNames} onReload={props.onReload} />
    </form>
  );
};
