import { createQuery } from '@urql/solid';
import { type Component, createEffect, createSignal, For } from 'solid-js';
import { TICKET_CHANNELS, TICKET_STATUSES, type TicketChannel, type TicketStatus } from '../../graphql/enums.ts';
import { graphql } from '../../graphql/graphql.ts';
import { t, unitName } from '../../i18n/index.ts';
import { hasFilters, type InboxFilters } from './filters.ts';

const TicketFiltersQuery = graphql(`
  query TicketFiltersQuery {
    ticketCategories {
      id
      code
      name
      nameEn
    }
  }
`);

interface TicketFiltersProps {
  filters: InboxFilters;
  onChange: (next: InboxFilters) => void;
}

const EMPTY: InboxFilters = { status: [], category: null, channel: null, overdue: false, from: null, to: null, keyword: '' };

/**
 * The inbox filters. Choices apply at once; the keyword applies on Enter or when the field is left, not
 * on every keystroke, so typing Chinese through an input method does not search for half a word.
 */
export const TicketFilters: Component<TicketFiltersProps> = (props) => {
  const [categories] = createQuery({ query: TicketFiltersQuery });
  const [keyword, setKeyword] = createSignal(props.filters.keyword);
  // the address can change under the form (back button, a link): show what is applied
  createEffect(() => setKeyword(props.filters.keyword));

  const update = (patch: Partial<InboxFilters>) => props.onChange({ ...props.filters, ...patch });
  const toggleStatus = (status: TicketStatus, on: boolean) =>
    update({ status: on ? [...props.filters.status, status] : props.filters.status.filter((value) => value !== status) });
  const applyKeyword = () => {
    if (keyword().trim() !== props.filters.keyword) update({ keyword: keyword().trim() });
  };

  return (
    <form
      class="filters"
      role="search"
      aria-label={t('tickets.filters.label')}
      data-testid="ticket-filters"
      onSubmit={(event) => {
        event.preventDefault();
        applyKeyword();
      }}
    >
      <div class="filters-row">
        <label class="filter filter-keyword">
          <span class="filter-label">{t('tickets.filters.keyword')}</span>
          <span class="search-box">
            <input
              type="search"
              value={keyword()}
              placeholder={t('tickets.filters.keywordPlaceholder')}
              maxLength={100}
              onInput={(event) => setKeyword(event.currentTarget.value)}
              onChange={applyKeyword}
              data-testid="filter-keyword"
            />
            <button type="submit" class="button" data-testid="filter-search">
              {t('tickets.filters.search')}
            </button>
          </span>
        </label>
        <label class="filter">
          <span class="filter-label">{t('tickets.filters.category')}</span>
          <select
            value={props.filters.category ?? ''}
            onChange={(event) => update({ category: event.currentTarget.value || null })}
            data-testid="filter-category"
          >
            <option value="">{t('tickets.filters.allCategories')}</option>
            {/* `selected` as well as the select's value: the options arrive after the value is set */}
            <For each={categories.data?.ticketCategories ?? []}>
              {(category) => (
                <option value={category.code} selected={category.code === props.filters.category}>
                  {unitName(category)}
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="filter">
          <span class="filter-label">{t('tickets.filters.channel')}</span>
          <select
            value={props.filters.channel ?? ''}
            onChange={(event) => update({ channel: (event.currentTarget.value || null) as TicketChannel | null })}
            data-testid="filter-channel"
          >
            <option value="">{t('tickets.filters.allChannels')}</option>
            <For each={TICKET_CHANNELS}>
              {(channel) => (
                <option value={channel} selected={channel === props.filters.channel}>
                  {t(`tickets.channel.${channel}`)}
                </option>
              )}
            </For>
          </select>
        </label>
        <fieldset class="filter filter-dates">
          <legend class="filter-label">{t('tickets.filters.from')}</legend>
          <input
            type="date"
            value={props.filters.from ?? ''}
            max={props.filters.to ?? undefined}
            aria-label={t('tickets.filters.from')}
            onChange={(event) => update({ from: event.currentTarget.value || null })}
            data-testid="filter-from"
          />
          <span aria-hidden="true">{t('tickets.filters.to')}</span>
          <input
            type="date"
            value={props.filters.to ?? ''}
            min={props.filters.from ?? undefined}
            aria-label={t('tickets.filters.to')}
            onChange={(event) => update({ to: event.currentTarget.value || null })}
            data-testid="filter-to"
          />
        </fieldset>
      </div>
      <div class="filters-row">
        <fieldset class="filter filter-statuses">
          <legend class="filter-label">{t('tickets.filters.status')}</legend>
          <For each={TICKET_STATUSES}>
            {(status) => (
              <label class="chip" classList={{ 'chip-on': props.filters.status.includes(status) }}>
                <input
                  type="checkbox"
                  checked={props.filters.status.includes(status)}
                  onChange={(event) => toggleStatus(status, event.currentTarget.checked)}
                  data-testid={`filter-status-${status}`}
                />
                {t(`tickets.status.${status}`)}
              </label>
            )}
          </For>
        </fieldset>
        <label class="chip chip-alert" classList={{ 'chip-on': props.filters.overdue }}>
          <input
            type="checkbox"
            checked={props.filters.overdue}
            onChange={(event) => update({ overdue: event.currentTarget.checked })}
            data-testid="filter-overdue"
          />
          {t('tickets.filters.overdue')}
        </label>
        <button type="button" class="button button-quiet" disabled={!hasFilters(props.filters)} onClick={() => props.onChange(EMPTY)} data-testid="filter-clear">
          {t('tickets.filters.clear')}
        </button>
      </div>
    </form>
  );
};
