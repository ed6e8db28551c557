import { type Component, createSignal } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { useWhistleStep, WhistleActionErrorFields, whistleOutcomeNames } from './whistleAction.ts';
import { WhistleDetailFields } from './whistleDetail.ts';
import { WhistleNoteField } from './WhistleNoteField.tsx';

const WhistleReturnFormMutation = graphql(
  `
    mutation WhistleReturnFormMutation($input: ReturnSummonsInput!) {
      returnSummons(input: $input) {
        __typename
        ... on ReturnSummonsResult {
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

interface WhistleReturnFormProps {
  summonsId: string;
  departmentCode: string;
  version: number;
  onReload: () => void;
}

/** 退单: an assisting department says the case is not its duty, with a reason; the district platform decides. */
export const WhistleReturnForm: Component<WhistleReturnFormProps> = (props) => {
  const { state, failure, setFailure, send } = useWhistleStep(WhistleReturnFormMutation, () => props.version, (data) => data.returnSummons);
  const [reason, setReason] = createSignal('');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    if (reason().trim().length < 4) return setFailure({ kind: 'invalid', fields: ['reason'] });
    if ((await send({ summonsId: props.summonsId, expectedVersion: props.version, reason: reason().trim() })).ok) setReason('');
  };

  return (
    <details class="action-more" data-testid={`return-section-${props.departmentCode}`}>
      <summary>{t('whistles.return.heading')}</summary>
      <form class="action-form" onSubmit={(event) => void submit(event)} data-testid={`return-form-${props.departmentCode}`}>
        <p class="hint">{t('whistles.return.hint')}</p>
        <WhistleNoteField label={t('whistles.return.reason')} value={reason()} onInput={setReason} required testId={`return-reason-${props.departmentCode}`} />
        <button type="submit" class="button" disabled={state.fetching} data-testid={`return-submit-${props.departmentCode}`}>
          {state.fetching ? t('whistles.actions.working') : t('whistles.return.submit')}
        </button>
        <ActionOutcome failure={failure()} names={whistleOutcomeNames} onReload={props.onReload} />
      </form>
    </details>
  );
};
