import { useNavigate } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { type Component, createEffect, createSignal, For, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { graphql, type Schema, type VariablesOf } from '../../graphql/graphql.ts';
import { t, unitName } from '../../i18n/index.ts';
import { withClientMutationId } from '../../ui/actionForm.ts';
import { durationText } from '../../ui/Countdown.tsx';
import { describedBy, FormField } from '../../ui/FormField.tsx';
import { type FieldErrors as FieldErrorsOf, issueErrors, useFieldForm } from '../../ui/fieldForm.ts';
import { usePageTitle } from '../shell/title.ts';
import { parseCoordinate } from '../tickets/intake.ts';
import { whistlePath } from './paths.ts';
import {
  addSummons,
  removeSummons,
  setLead,
  SUMMONS_LIST_PROBLEMS,
  type SummonsDraft,
  type SummonsListProblem,
  summonsInput,
  summonsListProblem,
  type WhistleFormField,
  whistleFormFieldOf,
  whistleFormFieldOfEntity,
} from './summonsList.ts';
import { WhistleActionErrorFields } from './whistleAction.ts';
import { useWhistleViewer, whistleStreets } from './whistleViewer.ts';

const WhistleBlowFormQuery = graphql(`
  query WhistleBlowFormQuery {
    ticketCategories {
      id
      code
      name
      nameEn
    }
  }
`);

const WhistleBlowFormSuggestionsQuery = graphql(`
  query WhistleBlowFormSuggestionsQuery($categoryCode: String!, $streetCode: String!) {
    whistleSuggestions(categoryCode: $categoryCode, streetCode: $streetCode) {
      duty
      department {
        id
        code
        name
        nameEn
      }
    }
  }
`);

const WhistleBlowFormTiersQuery = graphql(`
  query WhistleBlowFormTiersQuery($districtCode: String!) {
    whistleTiers(districtCode: $districtCode) {
      tier
      ackMinutes
      onSiteMinutes
      district {
        id
      }
    }
  }
`);

const WhistleBlowFormTicketQuery = graphql(`
  query WhistleBlowFormTicketQuery($number: String!) {
    ticket(number: $number) {
      id
      number
      description
      location {
        lng
        lat
      }
      category {
        id
        code
      }
    }
  }
`);

const WhistleBlowFormMutation = graphql(
  `
    mutation WhistleBlowFormMutation($input: BlowWhistleInput!) {
      blowWhistle(input: $input) {
        __typename
        ... on BlowWhistleResult {
          result {
            whistle {
              id
              number
            }
          }
        }
        ...WhistleActionErrorFields
        ... on SummonsListError {
          listProblem: problem
          departmentCodes
        }
      }
    }
  `,
  [WhistleActionErrorFields],
);

type BlowWhistleInput = VariablesOf<typeof WhistleBlowFormMutation>['input'];
type FieldErrors = FieldErrorsOf<WhistleFormField>;

const TIERS: readonly Schema<'WhistleTierLevel'>[] = ['ROUTINE', 'KEY', 'EMERGENCY'];
const MODES: readonly Schema<'WhistleMode'>[] = ['STREET_WHISTLES', 'LEAD_ASSIST', 'DEPARTMENT_REQUIRES'];
/** 20261122-000123: a ticket number, looked up once it is complete. */
const TICKET_NUMBER = /^\d{8}-\d{6}$/;

/** A summons-list problem in the interface language, with the codes concerned. */
const summonsProblemText = (problem: string, codes: readonly string[]) => {
  const known = (SUMMONS_LIST_PROBLEMS as readonly string[]).includes(problem);
  const text = known ? t(`whistles.summonsProblem.${problem as SummonsListProblem}`) : problem;
  return codes.length > 0 ? `${text} ${codes.join(t('common.listSeparator'))}` : text;
};

/**
 * Blows a whistle (吹哨): which street, about which ticket (optional) and problem category, tier,
 * collaboration mode, why and where; the power list (权力清单) suggests the departments to summon,
 * one click each, and the street picks exactly one lead. The API's typed errors are shown by their
 * fields; on success the whistle's page opens.
 */
export const WhistleBlowForm: Component = () => {
  usePageTitle(() => t('whistles.form.title'));
  const viewer = useWhistleViewer();
  const navigate = useNavigate();
  const streets = () => whistleStreets(viewer());
  const first = streets()[0];
  const [form, setForm] = createStore({
    streetCode: first?.code ?? '',
    ticketNumber: '',
    categoryCode: '',
    tier: 'ROUTINE' as Schema<'WhistleTierLevel'>,
    mode: 'STREET_WHISTLES' as Schema<'WhistleMode'>,
    reason: '',
    lng: first?.centroid ? first.centroid.lng.toFixed(6) : '',
    lat: first?.centroid ? first.centroid.lat.toFixed(6) : '',
    departmentCode: '',
  });
  const [summons, setSummons] = createSignal<SummonsDraft[]>([]);
  const { error, failure, submit: submitForm, bind } = useFieldForm<WhistleFormField>();

  const [categories] = createQuery({ query: WhistleBlowFormQuery });
  const [suggestions] = createQuery({
    query: WhistleBlowFormSuggestionsQuery,
    variables: () => ({ categoryCode: form.categoryCode, streetCode: form.streetCode.trim() }),
    pause: () => !form.categoryCode || !form.streetCode.trim(),
  });
  // a street's code starts with its district's (110101011 → 110101), whose tier deadlines apply
  const districtCode = () => form.streetCode.trim().slice(0, 6);
  const [tiers] = createQuery({ query: WhistleBlowFormTiersQuery, variables: () => ({ districtCode: districtCode() }), pause: () => districtCode().length !== 6 });
  const tierDeadlines = () => {
    const row = tiers.data?.whistleTiers.find((entry) => entry.tier === form.tier);
    return row ? t('whistles.form.tierDeadlines', { ack: durationText(row.ackMinutes * 60_000), onSite: durationText(row.onSiteMinutes * 60_000) }) : null;
  };
  const ticketNumber = () => form.ticketNumber.trim();
  const [ticket] = createQuery({
    query: WhistleBlowFormTicketQuery,
    variables: () => ({ number: ticketNumber() }),
    pause: () => !TICKET_NUMBER.test(ticketNumber()),
  });
  const linked = () => (TICKET_NUMBER.test(ticketNumber()) ? (ticket.data?.ticket ?? null) : null);
  // a linked ticket brings its category and place, unless the street chose them already
  createEffect(
    on(linked, (found) => {
      if (!found) return;
      if (!form.categoryCode) setForm('categoryCode', found.category.code);
      if (found.location) setForm({ lng: found.location.lng.toFixed(6), lat: found.location.lat.toFixed(6) });
    }),
  );
  const [state, send] = createMutation(WhistleBlowFormMutation);
  const blowWhistle = withClientMutationId(send);

  const onStreet = (code: string) => {
    setForm('streetCode', code);
    const street = streets().find((option) => option.code === code);
    if (street?.centroid) setForm({ lng: street.centroid.lng.toFixed(6), lat: street.centroid.lat.toFixed(6) });
  };
  const addByCode = () => {
    const code = form.departmentCode.trim();
    if (!code) return;
    setSummons((list) => addSummons(list, { code, name: code, nameEn: code }));
    setForm('departmentCode', '');
  };
  const suggested = (code: string) => summons().some((entry) => entry.code === code);

  /** The mutation input, or the errors that stop it before it is sent. */
  const buildInput = (): { input: BlowWhistleInput } | { errors: FieldErrors } => {
    const found: FieldErrors = {};
    if (!form.streetCode.trim()) found.street = () => t('whistles.form.error.street');
    if (form.reason.trim().length < 4) found.reason = () => t('whistles.form.error.reason');
    const lng = parseCoordinate(form.lng, 180);
    const lat = parseCoordinate(form.lat, 90);
    if (lng === null || lat === null) found.location = () => t('whistles.form.error.location');
    const problem = summonsListProblem(summons());
    if (problem) found.summons = () => summonsProblemText(problem, []);
    if (ticketNumber() && !linked()) found.ticket = () => t('whistles.form.error.ticket', { number: ticketNumber() });
    if (Object.keys(found).length > 0) return { errors: found };
    return {
      input: {
        streetCode: form.streetCode.trim(),
        tier: form.tier,
        mode: form.mode,
        reason: form.reason.trim(),
        location: { lng: lng!, lat: lat! },
        summons: summonsInput(summons()),
        ...(form.categoryCode ? { categoryCode: form.categoryCode } : {}),
        ...(linked() ? { ticketId: linked()!.id } : {}),
      },
    };
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void submitForm({
      build: buildInput,
      send: async (input: BlowWhistleInput) => {
        const result = await blowWhistle(input);
        return { result, payload: result.data?.blowWhistle };
      },
      read: (payload): FieldErrors | null => {
        switch (payload.__typename) {
          case 'BlowWhistleResult':
            navigate(whistlePath(payload.result.whistle.number));
            return null;
          case 'InputValidationError':
            return issueErrors(payload.issues, whistleFormFieldOf, (field) => t(`whistles.form.error.${field}`));
          case 'NotFoundError': {
            const id = payload.id;
            return { [whistleFormFieldOfEntity(payload.entity)]: () => t('whistles.form.error.notFound', { id }) };
          }
          case 'SummonsListError': {
            const { listProblem, departmentCodes } = payload;
            return { summons: () => summonsProblemText(listProblem, departmentCodes) };
          }
          default:
            return { form: () => t('whistles.form.error.form') };
        }
      },
      summary: () => t('whistles.form.error.summary'),
    });
  };

  return (
    <section class="intake whistle-form" aria-labelledby="whistle-form-title">
      <div class="page-heading">
        <h1 id="whistle-form-title" data-testid="page-title">
          {t('whistles.form.title')}
        </h1>
        <p class="page-subtitle">{t('whistles.form.intro')}</p>
      </div>
      <form ref={bind} class="form intake-form panel" novalidate onSubmit={submit} data-testid="whistle-form">
        <div class="form-columns">
          <FormField for="whistle-street" label={t('whistles.form.street')} error={error('street')} testId="whistle-error-street">
            <Show
              when={streets().length > 0}
              fallback={
                <input
                  id="whistle-street"
                  class="input-code"
                  inputmode="numeric"
                  maxLength={12}
                  value={form.streetCode}
                  aria-invalid={error('street') ? 'true' : undefined}
                  onInput={(event) => setForm('streetCode', event.currentTarget.value)}
                  data-testid="whistle-street-code"
                />
              }
            >
              <select id="whistle-street" value={form.streetCode} onChange={(event) => onStreet(event.currentTarget.value)} data-testid="whistle-street">
                <For each={streets()}>{(street) => <option value={street.code}>{unitName(street)}</option>}</For>
              </select>
            </Show>
          </FormField>
          <FormField
            for="whistle-ticket"
            label={t('whistles.form.ticket')}
            tag={t('whistles.form.optional')}
            hint={linked() ? t('whistles.form.ticketFound', { description: linked()!.description.slice(0, 40) }) : t('whistles.form.ticketHint')}
            error={error('ticket')}
            testId="whistle-error-ticket"
          >
            <input
              id="whistle-ticket"
              class="input-code"
              maxLength={20}
              placeholder="20261122-000123"
              value={form.ticketNumber}
              aria-invalid={error('ticket') ? 'true' : undefined}
              aria-describedby={describedBy('whistle-ticket', true, error('ticket'))}
              onInput={(event) => setForm('ticketNumber', event.currentTarget.value)}
              data-testid="whistle-ticket"
            />
          </FormField>
        </div>
        <FormField for="whistle-category" label={t('whistles.form.category')} hint={t('whistles.form.categoryHint')} error={error('category')} testId="whistle-error-category">
          <select
            id="whistle-category"
            value={form.categoryCode}
            aria-invalid={error('category') ? 'true' : undefined}
            aria-describedby={describedBy('whistle-category', true, error('category'))}
            onChange={(event) => setForm('categoryCode', event.currentTarget.value)}
            data-testid="whistle-category"
          >
            <option value="">{t('whistles.form.chooseCategory')}</option>
            <For each={categories.data?.ticketCategories ?? []}>
              {(category) => (
                <option value={category.code} selected={category.code === form.categoryCode}>
                  {unitName(category)}
                </option>
              )}
            </For>
          </select>
        </FormField>
        <div class="form-columns">
          <fieldset class="fieldset">
            <legend class="field-label">{t('whistles.form.tier')}</legend>
            <div class="segmented" role="radiogroup" aria-label={t('whistles.form.tier')}>
              <For each={TIERS}>
                {(tier) => (
                  <label class="segment" classList={{ 'segment-on': form.tier === tier, 'segment-warn': tier === 'EMERGENCY' && form.tier === tier }}>
                    <input type="radio" name="whistle-tier" checked={form.tier === tier} onChange={() => setForm('tier', tier)} data-testid={`whistle-tier-${tier}`} />
                    {t(`whistles.tier.${tier}`)}
                  </label>
                )}
              </For>
            </div>
            <Show when={tierDeadlines()}>
              {(text) => (
                <span class="field-hint" data-testid="whistle-tier-deadlines">
                  {text()}
                </span>
              )}
            </Show>
          </fieldset>
          <fieldset class="fieldset">
            <legend class="field-label">{t('whistles.form.mode')}</legend>
            <div class="segmented" role="radiogroup" aria-label={t('whistles.form.mode')}>
              <For each={MODES}>
                {(mode) => (
                  <label class="segment" classList={{ 'segment-on': form.mode === mode }}>
                    <input type="radio" name="whistle-mode" checked={form.mode === mode} onChange={() => setForm('mode', mode)} data-testid={`whistle-mode-${mode}`} />
                    {t(`whistles.mode.${mode}`)}
                  </label>
                )}
              </For>
            </div>
          </fieldset>
        </div>
        <FormField for="whistle-reason" label={t('whistles.form.reason')} hint={t('whistles.form.reasonHint')} error={error('reason')} testId="whistle-error-reason">
          <textarea
            id="whistle-reason"
            rows={4}
            maxLength={2000}
            lang="zh-CN"
            value={form.reason}
            aria-invalid={error('reason') ? 'true' : undefined}
            aria-describedby={describedBy('whistle-reason', true, error('reason'))}
            onInput={(event) => setForm('reason', event.currentTarget.value)}
            data-testid="whistle-reason-input"
          />
        </FormField>
        <fieldset class="fieldset" classList={{ 'field-invalid': !!error('location') }}>
          <legend class="field-label">{t('whistles.form.location')}</legend>
          <div class="coordinates">
            <label class="field">
              <span class="field-sublabel">{t('whistles.actions.lng')}</span>
              <input
                inputmode="decimal"
                value={form.lng}
                aria-invalid={error('location') ? 'true' : undefined}
                onInput={(event) => setForm('lng', event.currentTarget.value)}
                data-testid="whistle-lng"
              />
            </label>
            <label class="field">
              <span class="field-sublabel">{t('whistles.actions.lat')}</span>
              <input
                inputmode="decimal"
                value={form.lat}
                aria-invalid={error('location') ? 'true' : undefined}
                onInput={(event) => setForm('lat', event.currentTarget.value)}
                data-testid="whistle-lat"
              />
            </label>
          </div>
          <span class="field-hint">{t('whistles.form.locationHint')}</span>
          <Show when={error('location')}>
            {(message) => (
              <span class="field-error" role="alert" data-testid="whistle-error-location">
                {message()}
              </span>
            )}
          </Show>
        </fieldset>
        <fieldset class="fieldset summons-picker" classList={{ 'field-invalid': !!error('summons') }} data-testid="whistle-summons">
          <legend class="field-label">{t('whistles.form.summons')}</legend>
          <Show when={form.categoryCode} fallback={<span class="field-hint">{t('whistles.form.suggestionsHint')}</span>}>
            <div class="suggestions" aria-label={t('whistles.form.suggestions')} data-testid="whistle-suggestions">
              <For each={suggestions.data?.whistleSuggestions ?? []} fallback={<span class="field-hint">{suggestions.fetching ? t('common.loading') : t('whistles.form.noSuggestions')}</span>}>
                {(entry) => (
                  <button
                    type="button"
                    class="chip"
                    classList={{ 'chip-on': suggested(entry.department.code) }}
                    disabled={suggested(entry.department.code)}
                    onClick={() => setSummons((list) => addSummons(list, entry.department))}
                    data-testid={`suggestion-${entry.department.code}`}
                  >
                    + {unitName(entry.department)} <span class="muted" lang="zh-CN">{entry.duty}</span>
                  </button>
                )}
              </For>
            </div>
          </Show>
          <Show when={summons().length > 0}>
            <table class="table summons-draft">
              <thead>
                <tr>
                  <th scope="col">{t('whistles.columns.department')}</th>
                  <th scope="col">{t('whistles.columns.role')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('whistles.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={summons()}>
                  {(entry) => (
                    <tr data-testid={`draft-${entry.code}`} data-role={entry.role}>
                      <td>{unitName(entry)}</td>
                      <td>
                        <label class="segment" classList={{ 'segment-on': entry.role === 'LEAD' }}>
                          <input
                            type="radio"
                            name="draft-lead"
                            checked={entry.role === 'LEAD'}
                            onChange={() => setSummons((list) => setLead(list, entry.code))}
                            aria-label={t('whistles.form.makeLead', { department: unitName(entry) })}
                            data-testid={`draft-lead-${entry.code}`}
                          />
                          {t(`whistles.role.${entry.role}`)}
                        </label>
                      </td>
                      <td>
                        <button type="button" class="button button-quiet" onClick={() => setSummons((list) => removeSummons(list, entry.code))} data-testid={`draft-remove-${entry.code}`}>
                          {t('whistles.form.remove')}
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
          <div class="add-department">
            <label class="field">
              <span class="field-sublabel">{t('whistles.form.departmentCode')}</span>
              <input
                class="input-code"
                maxLength={20}
                placeholder="110101-CGZF"
                value={form.departmentCode}
                onInput={(event) => setForm('departmentCode', event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    addByCode();
                  }
                }}
                data-testid="whistle-department-code"
              />
            </label>
            <button type="button" class="button" onClick={addByCode} data-testid="whistle-add-department">
              {t('whistles.form.add')}
            </button>
          </div>
          <span class="field-hint">{t('whistles.form.leadHint')}</span>
          <Show when={error('summons')}>
            {(message) => (
              <span class="field-error" role="alert" data-testid="whistle-error-summons">
                {message()}
              </span>
            )}
          </Show>
        </fieldset>
        <Show when={failure()}>
          {(message) => (
            <p class="form-error" role="alert" data-testid="whistle-form-error">
              {message()()}
            </p>
          )}
        </Show>
        <div class="form-actions">
          <button type="submit" class="button button-primary button-large" disabled={state.fetching} data-testid="whistle-submit">
            {state.fetching ? t('whistles.form.submitting') : t('whistles.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
};
