import { type Component, createSignal, For } from 'solid-js';
import { createStore } from 'solid-js/store';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { useWhistleStep, WhistleActionErrorFields, whistleOutcomeNames } from './whistleAction.ts';
import { WhistleDetailFields } from './whistleDetail.ts';
import { WhistleNoteField } from './WhistleNoteField.tsx';

const WhistleRatingFormMutation = graphql(
  `
    mutation WhistleRatingFormMutation($input: RateDepartmentInput!) {
      rateDepartment(input: $input) {
        __typename
        ... on RateDepartmentResult {
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

/** What the street rates a department on (下评上), 1–5 each. */
export const RATING_CRITERIA = ['timeliness', 'effectiveness', 'attitude'] as const;
type Criterion = (typeof RATING_CRITERIA)[number];
const SCORES = [1, 2, 3, 4, 5] as const;

interface WhistleRatingFormProps {
  whistleId: string;
  departmentCode: string;
  version: number;
  onReload: () => void;
}

/** The street rates one summoned department for this whistle: inside the window opened at close, once. */
export const WhistleRatingForm: Component<WhistleRatingFormProps> = (props) => {
  const { state, failure, setFailure, send } = useWhistleStep(WhistleRatingFormMutation, () => props.version, (data) => data.rateDepartment);
  const [scores, setScores] = createStore<Record<Criterion, number | null>>({ timeliness: null, effectiveness: null, attitude: null });
  const [comment, setComment] = createSignal('');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const unset = RATING_CRITERIA.filter((criterion) => scores[criterion] === null);
    if (unset.length > 0) return setFailure({ kind: 'invalid', fields: unset });
    await send({
      whistleId: props.whistleId,
      departmentCode: props.departmentCode,
      expectedVersion: props.version,
      timeliness: scores.timeliness!,
      effectiveness: scores.effectiveness!,
      attitude: scores.attitude!,
      ...(comment().trim() ? { comment: comment().trim() } : {}),
    });
  };

  return (
    <form class="action-form rating-form" onSubmit={(event) => void submit(event)} data-testid={`rating-form-${props.departmentCode}`}>
      <h3 class="action-heading">{t('whistles.rating.heading')}</h3>
      <For each={RATING_CRITERIA}>
        {(criterion) => (
          <fieldset class="radio-group rating-scale">
            <legend class="field-sublabel">{t(`whistles.rating.${criterion}`)}</legend>
            <For each={SCORES}>
              {(score) => (
                <label class="segment" classList={{ 'segment-on': scores[criterion] === score }}>
                  <input
                    type="radio"
                    name={`rating-${props.departmentCode}-${criterion}`}
                    checked={scores[criterion] === score}
                    onChange={() => setScores(criterion, score)}
                    data-testid={`rating-${criterion}-${score}`}
                  />
                  {score}
                </label>
              )}
            </For>
          </fieldset>
        )}
      </For>
      <WhistleNoteField label={t('whistles.rating.comment')} value={comment()} onInput={setComment} rows={2} testId={`rating-comment-${props.departmentCode}`} />
      <button type="submit" class="button button-primary" disabled={state.fetching} data-testid={`rating-submit-${props.departmentCode}`}>
        {state.fetching ? t('whistles.actions.working') : t('whistles.rating.submit')}
      </button>
      <ActionOutcome failure={failure()} names={whistleOutcomeNames} onReload={props.onReload} />
    </form>
  );
};
