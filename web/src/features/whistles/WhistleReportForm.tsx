import { type Component, createSignal, For } from 'solid-js';
import { graphql, type Schema } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { useWhistleStep, WhistleActionErrorFields, whistleOutcomeNames } from './whistleAction.ts';
import { WhistleDetailFields } from './whistleDetail.ts';
import { WhistleNoteField } from './WhistleNoteField.tsx';

const WhistleReportFormMutation = graphql(
  `
    mutation WhistleReportFormMutation($input: FileReportInput!) {
      fileReport(input: $input) {
        __typename
        ... on FileReportResult {
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

const RESULTS: readonly Schema<'SummonsResult'>[] = ['RESOLVED', 'PARTIAL', 'UNRESOLVED'];

interface WhistleReportFormProps {
  summonsId: string;
  departmentCode: string;
  version: number;
  onReload: () => void;
}

/** A summoned department reports what it did (resolved, partly, not), once; the lead's report lets the street close. */
export const WhistleReportForm: Component<WhistleReportFormProps> = (props) => {
  const { state, failure, setFailure, send } = useWhistleStep(WhistleReportFormMutation, () => props.version, (data) => data.fileReport);
  const [result, setResult] = createSignal<Schema<'SummonsResult'>>('RESOLVED');
  const [report, setReport] = createSignal('');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    if (report().trim().length < 2) return setFailure({ kind: 'invalid', fields: ['report'] });
    if ((await send({ summonsId: props.summonsId, expectedVersion: props.version, result: result(), report: report().trim() })).ok) setReport('');
  };

  return (
    <form class="action-form" onSubmit={(event) => void submit(event)} data-testid={`report-form-${props.departmentCode}`}>
      <h3 class="action-heading">{t('whistles.report.heading')}</h3>
      <fieldset class="radio-group">
        <legend class="field-sublabel">{t('whistles.report.result')}</legend>
        <For each={RESULTS}>
          {(value) => (
            <label class="segment" classList={{ 'segment-on': result() === value }}>
              <input type="radio" name={`report-result-${props.summonsId}`} checked={result() === value} onChange={() => setResult(value)} data-testid={`report-result-${value}`} />
              {t(`whistles.result.${value}`)}
            </label>
          )}
        </For>
      </fieldset>
      <WhistleNoteField label={t('whistles.report.text')} value={report()} onInput={setReport} maxLength={4000} required testId={`report-text-${props.departmentCode}`} />
      <button type="submit" class="button button-primary" disabled={state.fetching} data-testid={`report-submit-${props.departmentCode}`}>
        {state.fetching ? t('whistles.actions.working') : t('whistles.report.submit')}
      </button>
      <ActionOutcome failure={failure()} names={whistleOutcomeNames} onReload={props.onReload} />
    </form>
  );
};
