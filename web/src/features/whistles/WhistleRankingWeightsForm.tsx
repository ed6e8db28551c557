import { createMutation } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { useActionFailure, withClientMutationId } from '../../ui/actionForm.ts';
import { actionFailureOf, nameOf } from '../../ui/outcome.ts';
import { type RankingWeights, WEIGHT_KEYS, weightsProblem } from './ranking.ts';

const WhistleRankingWeightsFormMutation = graphql(`
  mutation WhistleRankingWeightsFormMutation($input: SetRankingWeightsInput!) {
    setRankingWeights(input: $input) {
      __typename
      ... on SetRankingWeightsResult {
        result {
          punctuality
          streetRating
          satisfaction
        }
      }
      ... on InputValidationError {
        issues {
          path
          message
        }
      }
    }
  }
`);

interface WhistleRankingWeightsFormProps {
  districtCode: string;
  /** the months weights may be set from: this one and the next ones */
  months: readonly string[];
  current: RankingWeights;
  /** fetches the ranking again (the weights are not an entity Graphcache could update) */
  onSaved: () => void;
}

const FIELD_NAMES = [...WEIGHT_KEYS, 'month'] as const;

/** A district platform publishes the ranking's weights from a month on (whole percents summing to 100). */
export const WhistleRankingWeightsForm: Component<WhistleRankingWeightsFormProps> = (props) => {
  const [state, send] = createMutation(WhistleRankingWeightsFormMutation);
  const setWeights = withClientMutationId(send);
  const { failure, setFailure, settle } = useActionFailure(
    () => 0,
    (result, payload: { __typename: string } | null | undefined) => actionFailureOf(result, payload, () => null),
  );
  const [month, setMonth] = createSignal(props.months[0] ?? '');
  const [texts, setTexts] = createStore<Record<keyof RankingWeights, string>>({
    punctuality: String(props.current.punctuality),
    streetRating: String(props.current.streetRating),
    satisfaction: String(props.current.satisfaction),
  });
  const [sumError, setSumError] = createSignal<number | null>(null);
  const [saved, setSaved] = createSignal(false);
  const names = { field: nameOf(FIELD_NAMES, (field) => t(`whistles.ranking.weightField.${field}`)) };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    setSaved(false);
    const problem = weightsProblem(texts);
    setSumError(problem?.kind === 'sum' ? problem.sum : null);
    if (problem) return setFailure(problem.kind === 'field' ? { kind: 'invalid', fields: problem.fields } : null);
    const answer = await setWeights({
      districtCode: props.districtCode,
      month: month(),
      punctuality: Number(texts.punctuality),
      streetRating: Number(texts.streetRating),
      satisfaction: Number(texts.satisfaction),
    });
    if (settle(answer, answer.data?.setRankingWeights)) {
      setSaved(true);
      props.onSaved();
    }
  };

  return (
    <form class="action-form weights-form" onSubmit={(event) => void submit(event)} data-testid="weights-form">
      <h3 class="action-heading">{t('whistles.ranking.setWeights')}</h3>
      <div class="weights-fields">
        <label class="field">
          <span class="field-sublabel">{t('whistles.ranking.weightField.month')}</span>
          <select value={month()} onChange={(event) => setMonth(event.currentTarget.value)} data-testid="weights-month">
            <For each={props.months}>{(option) => <option value={option}>{option}</option>}</For>
          </select>
        </label>
        <For each={WEIGHT_KEYS}>
          {(key) => (
            <label class="field">
              <span class="field-sublabel">{t(`whistles.ranking.weightField.${key}`)}</span>
              <input inputmode="numeric" maxLength={3} value={texts[key]} onInput={(event) => setTexts(key, event.currentTarget.value)} data-testid={`weights-${key}`} />
            </label>
          )}
        </For>
      </div>
      <Show when={sumError() !== null}>
        <p class="field-error" role="alert" data-testid="weights-sum-error">
          {t('whistles.ranking.weightsSum', { sum: sumError()! })}
        </p>
      </Show>
      <button type="submit" class="button button-primary" disabled={state.fetching} data-testid="weights-submit">
        {state.fetching ? t('whistles.actions.working') : t('whistles.ranking.saveWeights')}
      </button>
      <Show when={saved()}>
        <p class="hint" role="status" data-testid="weights-saved">
          {t('whistles.ranking.weightsSaved', { month: month() })}
        </p>
      </Show>
      <ActionOutcome failure={failure()} names={names} onReload={props.onSaved} />
    </form>
  );
};
