import { createMutation } from '@urql/solid';
import { type Component, createEffect, createSignal, on, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { withClientMutationId } from '../../ui/actionForm.ts';
import { errorMessage } from '../../ui/outcome.ts';
import { beijingDayAfter } from './months.ts';

const TicketRevisitPlanFormMutation = graphql(`
  mutation TicketRevisitPlanFormMutation($input: CreateRevisitPlanInput!) {
    createRevisitPlan(input: $input) {
      __typename
      ... on CreateRevisitPlanResult {
        created {
          plan {
            id
            name
            keyword
            createdAt
            items {
              dueAt
              doneAt
              ticket {
                id
                number
              }
            }
          }
        }
      }
      ... on InputValidationError {
        issues {
          path
          message
        }
      }
      ... on NotFoundError {
        id
        entity
      }
    }
  }
`);

/** How long a revisit is given by default: a month, as the 大兴 回头看 rounds ran. */
const DEFAULT_DAYS = 30;

interface TicketRevisitPlanFormProps {
  keyword: string;
  /** the selected tickets: id → number */
  selected: Record<string, string>;
  onCreated: () => void;
}

/** Plans a revisit (回头看) of the selected tickets, due by the end of the chosen Beijing day. */
export const TicketRevisitPlanForm: Component<TicketRevisitPlanFormProps> = (props) => {
  const [state, send] = createMutation(TicketRevisitPlanFormMutation);
  const create = withClientMutationId(send);
  const [name, setName] = createSignal(t('tickets.hotspots.planDefaultName', { keyword: props.keyword }));
  const [due, setDue] = createSignal(beijingDayAfter(Date.now(), DEFAULT_DAYS));
  const [message, setMessage] = createSignal<{ ok: boolean; text: () => string } | null>(null);
  // a new keyword suggests a new name
  createEffect(on(() => props.keyword, (keyword) => setName(t('tickets.hotspots.planDefaultName', { keyword })), { defer: true }));
  const ids = () => Object.keys(props.selected);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    if (ids().length === 0) {
      setMessage({ ok: false, text: () => t('tickets.hotspots.planNothing') });
      return;
    }
    const count = ids().length;
    // due at the end of the chosen day, Beijing time
    const dueAt = new Date(`${due()}T23:59:59.999+08:00`).toISOString();
    const result = await create({ name: name().trim(), keyword: props.keyword || undefined, ticketIds: ids(), dueAt });
    const payload = result.data?.createRevisitPlan;
    if (result.error || !payload) {
      const error = result.error;
      setMessage({ ok: false, text: () => (error ? errorMessage(error) : t('errors.server')) });
      return;
    }
    if (payload.__typename === 'CreateRevisitPlanResult') {
      const planName = payload.created.plan.name;
      const day = due();
      setMessage({ ok: true, text: () => t('tickets.hotspots.planCreated', { name: planName, count, date: formatDate(`${day}T12:00:00+08:00`) }) });
      props.onCreated();
      return;
    }
    if (payload.__typename === 'IdempotencyKeyReusedError') {
      setMessage({ ok: false, text: () => t('ui.outcome.reused') });
      return;
    }
    const fields = payload.__typename === 'InputValidationError' ? payload.issues.map((issue) => issue.path.at(-1) ?? '') : ['ticketIds'];
    setMessage({ ok: false, text: () => t('ui.outcome.invalid', { fields: fields.join(t('common.listSeparator')) }) });
  };

  return (
    <form class="action-form panel" onSubmit={(event) => void submit(event)} data-testid="revisit-form">
      <h2>{t('tickets.hotspots.planHeading')}</h2>
      <p class="count" data-testid="revisit-selected">
        {t('tickets.hotspots.selected', { count: ids().length })}
      </p>
      <div class="form-columns">
        <label class="field">
          <span class="field-sublabel">{t('tickets.hotspots.planName')}</span>
          <input value={name()} maxLength={100} required lang="zh-CN" onInput={(event) => setName(event.currentTarget.value)} data-testid="revisit-name" />
        </label>
        <label class="field">
          <span class="field-sublabel">{t('tickets.hotspots.planDue')}</span>
          <input
            type="date"
            value={due()}
            min={beijingDayAfter(Date.now(), 0)}
            required
            onChange={(event) => setDue(event.currentTarget.value || due())}
            data-testid="revisit-due"
          />
        </label>
      </div>
      <Show when={message()}>
        {(current) => (
          <p class={current().ok ? 'notice' : 'form-error'} role={current().ok ? 'status' : 'alert'} data-testid="revisit-message">
            {current().text()}
          </p>
        )}
      </Show>
      <button type="submit" class="button button-primary" disabled={state.fetching || ids().length === 0 || !name().trim()} data-testid="revisit-submit">
        {state.fetching ? t('tickets.forms.working') : t('tickets.hotspots.planSubmit')}
      </button>
    </form>
  );
};
