import { type Component, createSignal } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { useWhistleStep, WhistleActionErrorFields, whistleOutcomeNames } from './whistleAction.ts';
import { WhistleDetailFields } from './whistleDetail.ts';
import { WhistleNoteField } from './WhistleNoteField.tsx';

const WhistleReturnDecisionMutation = graphql(
  `
    mutation WhistleReturnDecisionMutation($input: DecideSummonsReturnInput!) {
      decideSummonsReturn(input: $input) {
        __typename
        ... on DecideSummonsReturnResult {
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

interface WhistleReturnDecisionProps {
  summonsId: string;
  departmentCode: string;
  version: number;
  onReload: () => void;
}

/**
 * The district platform decides a 退单 request: accepted, the department is out of the whistle (not
 * rated, not ranked); rejected, it stays summoned and its clocks keep running.
 */
export const WhistleReturnDecision: Component<WhistleReturnDecisionProps> = (props) => {
  const { state, failure, send } = useWhistleStep(WhistleReturnDecisionMutation, () => props.version, (data) => data.decideSummonsReturn);
  const [note, setNote] = createSignal('');

  const submit = async (accept: boolean) => {
    if (state.fetching) return;
    if ((await send({ summonsId: props.summonsId, expectedVersion: props.version, accept, ...(note().trim() ? { note: note().trim() } : {}) })).ok) setNote('');
  };

  return (
    <div class="action-form" data-testid={`return-decision-${props.departmentCode}`}>
      <h3 class="action-heading">{t('whistles.return.decideHeading')}</h3>
      <WhistleNoteField label={t('whistles.return.note')} value={note()} onInput={setNote} rows={2} testId={`return-note-${props.departmentCode}`} />
      <div class="button-row">
        <button type="button" class="button button-primary" disabled={state.fetching} onClick={() => void submit(true)} data-testid={`return-accept-${props.departmentCode}`}>
          {t('whistles.return.accept')}
        </button>
        <button type="button" class="button" disabled={state.fetching} onClick={() => void submit(false)} data-testid={`return-reject-${props.departmentCode}`}>
          {t('whistles.return.reject')}
        </button>
      </div>
      <ActionOutcome failure={failure()} names={whistleOutcomeNames} onReload={props.onReload} />
    </div>
  );
};
