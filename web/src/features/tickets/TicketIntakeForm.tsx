import { useNavigate } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { type Component, createSignal, For, Match, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { TicketChannel } from '../../graphql/enums.ts';
import { graphql, type VariablesOf } from '../../graphql/graphql.ts';
import { type Dictionary, t, unitName } from '../../i18n/index.ts';
import { withClientMutationId } from '../../ui/actionForm.ts';
import { describedBy, FormField } from '../../ui/FormField.tsx';
import { type FieldErrors, issueErrors, useFieldForm } from '../../ui/fieldForm.ts';
import { usePageTitle } from '../shell/title.ts';
import { channelsFor, type IntakeField, intakeFieldOf, type LocateBy, parseCoordinate } from './intake.ts';
import { ticketPath } from './paths.ts';
import { useTicketViewer } from './ticketViewer.ts';

const TicketIntakeFormQuery = graphql(`
  query TicketIntakeFormQuery {
    ticketCategories {
      id
      code
      name
      nameEn
      responseHours
      resolveDays
    }
  }
`);

const TicketIntakeFormMutation = graphql(`
  mutation TicketIntakeFormMutation($input: CreateTicketInput!) {
    createTicket(input: $input) {
      __typename
      ... on CreateTicketResult {
        result {
          ticket {
            id
            number
            status
          }
        }
      }
      ... on InputValidationError {
        issues {
          path
          message
        }
      }
      ... on OutsideGridError {
        unmatched
      }
      ... on InvalidPhoneError {
        phone
      }
      ... on UnknownCategoryError {
        code
      }
    }
  }
`);

type CreateTicketInput = VariablesOf<typeof TicketIntakeFormMutation>['input'];

const UNMATCHED = ['COORDINATES', 'GRID_CELL_CODE', 'ASSET_CODE', 'ADDRESS'] as const;

/** The message of a validation issue on a field; the API's own (English) text is never shown. */
const issueMessage = (field: IntakeField): string => {
  const keys: Partial<Record<IntakeField, Exclude<keyof Dictionary['tickets']['intake']['error'], 'unmatched'>>> = {
    description: 'description',
    address: 'address',
    location: 'location',
    complainantName: 'complainantName',
    category: 'category',
  };
  const key = keys[field];
  return key ? t(`tickets.intake.error.${key}`) : t('tickets.intake.error.generic');
};

/**
 * Files a ticket: what is wrong, where (coordinates, grid cell code, component code or just the
 * address) and who complains. A resident files in the app; staff record the channel it came in by.
 * Each typed error of the API is shown next to the field it is about; on success the ticket opens.
 */
export const TicketIntakeForm: Component = () => {
  usePageTitle(() => t('tickets.intake.title'));
  const viewer = useTicketViewer();
  const navigate = useNavigate();
  const [categories] = createQuery({ query: TicketIntakeFormQuery });
  const [state, send] = createMutation(TicketIntakeFormMutation);
  const createTicket = withClientMutationId(send);

  const channels = () => channelsFor(viewer().roles.map((assignment) => assignment.role));
  // a grid worker files from the own cell on patrol: locate by its code, filled in
  const ownCell = viewer().roles.find((assignment) => assignment.gridCell)?.gridCell?.code ?? '';
  const [form, setForm] = createStore({
    channel: channels()[0]!,
    categoryCode: '',
    description: '',
    address: '',
    locateBy: (ownCell ? 'gridCell' : 'coordinates') as LocateBy,
    lng: '',
    lat: '',
    gridCellCode: ownCell,
    assetCode: '',
    name: '',
    phone: '',
  });
  const { setErrors, error, failure, submit: submitForm, bind } = useFieldForm<IntakeField>();
  const [locating, setLocating] = createSignal(false);
  const category = () => categories.data?.ticketCategories.find((option) => option.code === form.categoryCode);

  const useMyLocation = () => {
    if (!('geolocation' in navigator)) {
      setErrors({ location: () => t('tickets.intake.locationUnavailable') });
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setForm({ lng: position.coords.longitude.toFixed(6), lat: position.coords.latitude.toFixed(6) });
      },
      () => {
        setLocating(false);
        setErrors({ location: () => t('tickets.intake.locationUnavailable') });
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  /** The mutation input, or the errors that stop it before it is sent. */
  const buildInput = (): { input: CreateTicketInput } | { errors: FieldErrors<IntakeField> } => {
    const input: CreateTicketInput = { channel: form.channel, categoryCode: form.categoryCode, description: form.description.trim() };
    const found: FieldErrors<IntakeField> = {};
    if (!form.categoryCode) found.category = () => t('tickets.intake.error.category');
    if (form.address.trim()) input.address = form.address.trim();
    if (form.locateBy === 'coordinates' && (form.lng.trim() || form.lat.trim())) {
      const lng = parseCoordinate(form.lng, 180);
      const lat = parseCoordinate(form.lat, 90);
      if (lng === null || lat === null) found.location = () => t('tickets.intake.error.coordinates');
      else input.location = { lng, lat };
    }
    if (form.locateBy === 'gridCell' && form.gridCellCode.trim()) input.gridCellCode = form.gridCellCode.trim();
    if (form.locateBy === 'asset' && form.assetCode.trim()) input.assetCode = form.assetCode.trim();
    const name = form.name.trim();
    const phone = form.phone.trim();
    if (name || phone) {
      if (!name) found.complainantName = () => t('tickets.intake.error.complainantName');
      input.complainant = phone ? { name, phone } : { name };
    }
    return Object.keys(found).length > 0 ? { errors: found } : { input };
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void submitForm({
      build: buildInput,
      send: async (input: CreateTicketInput) => {
        const result = await createTicket(input);
        return { result, payload: result.data?.createTicket };
      },
      read: (payload) => {
        const found: FieldErrors<IntakeField> = {};
        switch (payload.__typename) {
          case 'CreateTicketResult':
            navigate(ticketPath(payload.result.ticket.number));
            return null;
          case 'InputValidationError':
            return issueErrors(payload.issues, intakeFieldOf, issueMessage);
          case 'OutsideGridError': {
            const unmatched = payload.unmatched.filter((source): source is (typeof UNMATCHED)[number] => (UNMATCHED as readonly string[]).includes(source));
            const onLocation = unmatched.filter((source) => source !== 'ADDRESS');
            const text = (sources: typeof unmatched) => () =>
              t('tickets.intake.error.outsideGrid', {
                inputs: sources.map((source) => t(`tickets.intake.error.unmatched.${source}`)).join(t('common.listSeparator')),
              });
            if (onLocation.length > 0) found.location = text(onLocation);
            if (unmatched.includes('ADDRESS')) found.address = text(['ADDRESS']);
            if (unmatched.length === 0) found.location = () => t('tickets.intake.error.location');
            return found;
          }
          case 'InvalidPhoneError': {
            const phone = payload.phone;
            return { complainantPhone: () => t('tickets.intake.error.invalidPhone', { phone }) };
          }
          case 'UnknownCategoryError': {
            const code = payload.code;
            return { category: () => t('tickets.intake.error.unknownCategory', { code }) };
          }
        }
      },
      summary: () => t('tickets.intake.error.summary'),
    });
  };

  const locateOptions: LocateBy[] = ['coordinates', 'gridCell', 'asset', 'address'];

  return (
    <section class="intake" aria-labelledby="intake-title">
      <div class="page-heading">
        <h1 id="intake-title" data-testid="page-title">
          {t('tickets.intake.title')}
        </h1>
        <p class="page-subtitle">{t('tickets.intake.intro')}</p>
      </div>
      <form ref={bind} class="form intake-form panel" novalidate onSubmit={submit} data-testid="intake-form">
        <div class="form-columns">
          <FormField for="intake-channel" label={t('tickets.intake.channel')} error={error('channel')} testId="intake-error-channel">
            <Show
              when={channels().length > 1}
              fallback={
                <span class="field-static" id="intake-channel" data-testid="intake-channel-fixed">
                  {t(`tickets.channel.${form.channel}`)}
                </span>
              }
            >
              <select
                id="intake-channel"
                value={form.channel}
                onChange={(event) => setForm('channel', event.currentTarget.value as TicketChannel)}
                data-testid="intake-channel"
              >
                <For each={channels()}>{(channel) => <option value={channel}>{t(`tickets.channel.${channel}`)}</option>}</For>
              </select>
            </Show>
          </FormField>
          <FormField
            for="intake-category"
            label={t('tickets.intake.category')}
            hint={
              category()
                ? [
                    t('tickets.detail.categoryDeadlines', { hours: category()!.responseHours }),
                    ...(category()!.resolveDays ? [t('tickets.detail.categoryResolveDays', { days: category()!.resolveDays! })] : []),
                  ].join(t('common.listSeparator'))
                : undefined
            }
            error={error('category')}
            testId="intake-error-category"
          >
            <select
              id="intake-category"
              required
              value={form.categoryCode}
              aria-invalid={error('category') ? 'true' : undefined}
              aria-describedby={describedBy('intake-category', !!category(), error('category'))}
              onChange={(event) => setForm('categoryCode', event.currentTarget.value)}
              data-testid="intake-category"
            >
              <option value="">{t('tickets.intake.chooseCategory')}</option>
              <For each={categories.data?.ticketCategories ?? []}>
                {(option) => (
                  <option value={option.code} selected={option.code === form.categoryCode}>
                    {unitName(option)}
                  </option>
                )}
              </For>
            </select>
          </FormField>
        </div>
        <FormField
          for="intake-description"
          label={t('tickets.intake.description')}
          hint={t('tickets.intake.descriptionHint')}
          error={error('description')}
          testId="intake-error-description"
        >
          <textarea
            id="intake-description"
            rows={4}
            maxLength={2000}
            required
            lang="zh-CN"
            value={form.description}
            aria-invalid={error('description') ? 'true' : undefined}
            aria-describedby={describedBy('intake-description', true, error('description'))}
            onInput={(event) => setForm('description', event.currentTarget.value)}
            data-testid="intake-description"
          />
        </FormField>
        <FormField
          for="intake-address"
          label={t('tickets.intake.address')}
          tag={t('tickets.intake.optional')}
          hint={t('tickets.intake.addressHint')}
          error={error('address')}
          testId="intake-error-address"
        >
          <input
            id="intake-address"
            maxLength={200}
            lang="zh-CN"
            value={form.address}
            aria-invalid={error('address') ? 'true' : undefined}
            aria-describedby={describedBy('intake-address', true, error('address'))}
            onInput={(event) => setForm('address', event.currentTarget.value)}
            data-testid="intake-address"
          />
        </FormField>
        <fieldset class="fieldset" classList={{ 'field-invalid': !!error('location') }}>
          <legend class="field-label">{t('tickets.intake.location')}</legend>
          <div class="segmented" role="radiogroup" aria-label={t('tickets.intake.location')}>
            <For each={locateOptions}>
              {(option) => (
                <label class="segment" classList={{ 'segment-on': form.locateBy === option }}>
                  <input
                    type="radio"
                    name="locate-by"
                    value={option}
                    checked={form.locateBy === option}
                    onChange={() => setForm('locateBy', option)}
                    data-testid={`intake-locate-${option}`}
                  />
                  {t(`tickets.intake.locateBy.${option}`)}
                </label>
              )}
            </For>
          </div>
          <Switch>
            <Match when={form.locateBy === 'coordinates'}>
              <div class="coordinates">
                <label class="field">
                  <span class="field-sublabel">{t('tickets.intake.lng')}</span>
                  <input
                    inputmode="decimal"
                    value={form.lng}
                    placeholder="116.40123"
                    aria-invalid={error('location') ? 'true' : undefined}
                    aria-describedby={describedBy('intake-location', true, error('location'))}
                    onInput={(event) => setForm('lng', event.currentTarget.value)}
                    data-testid="intake-lng"
                  />
                </label>
                <label class="field">
                  <span class="field-sublabel">{t('tickets.intake.lat')}</span>
                  <input
                    inputmode="decimal"
                    value={form.lat}
                    placeholder="39.89456"
                    aria-invalid={error('location') ? 'true' : undefined}
                    aria-describedby={describedBy('intake-location', true, error('location'))}
                    onInput={(event) => setForm('lat', event.currentTarget.value)}
                    data-testid="intake-lat"
                  />
                </label>
                <button type="button" class="button" disabled={locating()} onClick={useMyLocation} data-testid="intake-my-location">
                  {locating() ? t('tickets.intake.locating') : t('tickets.intake.useMyLocation')}
                </button>
              </div>
              <span class="field-hint" id="intake-location-hint">
                {t('tickets.intake.coordinatesHint')}
              </span>
            </Match>
            <Match when={form.locateBy === 'gridCell'}>
              <input
                class="input-code"
                inputmode="numeric"
                maxLength={20}
                value={form.gridCellCode}
                aria-label={t('tickets.intake.gridCellCode')}
                aria-invalid={error('location') ? 'true' : undefined}
                aria-describedby={describedBy('intake-location', true, error('location'))}
                onInput={(event) => setForm('gridCellCode', event.currentTarget.value)}
                data-testid="intake-gridcell"
              />
              <span class="field-hint" id="intake-location-hint">
                {t('tickets.intake.gridCellHint')}
              </span>
            </Match>
            <Match when={form.locateBy === 'asset'}>
              <input
                class="input-code"
                inputmode="numeric"
                maxLength={20}
                value={form.assetCode}
                aria-label={t('tickets.intake.assetCode')}
                aria-invalid={error('location') ? 'true' : undefined}
                aria-describedby={describedBy('intake-location', true, error('location'))}
                onInput={(event) => setForm('assetCode', event.currentTarget.value)}
                data-testid="intake-asset"
              />
              <span class="field-hint" id="intake-location-hint">
                {t('tickets.intake.assetHint')}
              </span>
            </Match>
            <Match when={form.locateBy === 'address'}>
              <span class="field-hint" id="intake-location-hint">
                {t('tickets.intake.locateByAddressHint')}
              </span>
            </Match>
          </Switch>
          <Show when={error('location')}>
            {(message) => (
              <span class="field-error" id="intake-location-error" role="alert" data-testid="intake-error-location">
                {message()}
              </span>
            )}
          </Show>
        </fieldset>
        <fieldset class="fieldset">
          <legend class="field-label">
            {t('tickets.intake.complainant')}
            <span class="field-tag">{t('tickets.intake.optional')}</span>
          </legend>
          <div class="form-columns">
            <FormField for="intake-name" label={t('tickets.intake.complainantName')} error={error('complainantName')} testId="intake-error-complainantName">
              <input
                id="intake-name"
                maxLength={50}
                autocomplete="name"
                value={form.name}
                aria-invalid={error('complainantName') ? 'true' : undefined}
                aria-describedby={describedBy('intake-name', false, error('complainantName'))}
                onInput={(event) => setForm('name', event.currentTarget.value)}
                data-testid="intake-name"
              />
            </FormField>
            <FormField
              for="intake-phone"
              label={t('tickets.intake.complainantPhone')}
              hint={t('tickets.intake.phoneHint')}
              error={error('complainantPhone')}
              testId="intake-error-complainantPhone"
            >
              <input
                id="intake-phone"
                type="tel"
                autocomplete="tel"
                maxLength={20}
                value={form.phone}
                aria-invalid={error('complainantPhone') ? 'true' : undefined}
                aria-describedby={describedBy('intake-phone', true, error('complainantPhone'))}
                onInput={(event) => setForm('phone', event.currentTarget.value)}
                data-testid="intake-phone"
              />
            </FormField>
          </div>
        </fieldset>
        <Show when={failure()}>
          {(message) => (
            <p class="form-error" role="alert" data-testid="intake-error">
              {message()()}
            </p>
          )}
        </Show>
        <div class="form-actions">
          <button type="submit" class="button button-primary button-large" disabled={state.fetching} data-testid="intake-submit">
            {state.fetching ? t('tickets.intake.submitting') : t('tickets.intake.submit')}
          </button>
        </div>
      </form>
    </section>
  );
};
