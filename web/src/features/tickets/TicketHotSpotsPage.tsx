import { useSearchParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { graphql } from '../../graphql/graphql.ts';
import { formatDate, t, unitName } from '../../i18n/index.ts';
import { gridCellName } from '../org/names.ts';
import { OrgUnitFields } from '../org/orgUnit.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePageTitle } from '../shell/title.ts';
import { validDay } from './filters.ts';
import { beijingMidnight, nextDay } from './months.ts';
import { TicketHotSpotTickets } from './TicketHotSpotTickets.tsx';
import { TicketRevisitPlanForm } from './TicketRevisitPlanForm.tsx';
import { TicketRevisitPlans } from './TicketRevisitPlans.tsx';
import { mayPlanRevisits, useTicketViewer } from './ticketViewer.ts';

const TicketHotSpotsPageQuery = graphql(
  `
    query TicketHotSpotsPageQuery($keyword: String!, $receivedFrom: DateTime, $receivedTo: DateTime) {
      ticketHotSpots(keyword: $keyword, receivedFrom: $receivedFrom, receivedTo: $receivedTo, first: 20) {
        count
        latestAt
        gridCell {
          ...OrgUnitFields
          community {
            ...OrgUnitFields
            street {
              ...OrgUnitFields
            }
          }
        }
      }
    }
  `,
  [OrgUnitFields],
);

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Keyword hot spots: the grid cells where tickets matching a keyword (漏雨, 地锁 …) cluster, most
 * first; a cell's tickets to tick; and a revisit plan (回头看) for the ticked ones, with a due date.
 * Keyword, period and the chosen cell live in the address (?q=漏雨&cell=…).
 */
export const TicketHotSpotsPage: Component = () => {
  usePageTitle(() => t('tickets.hotspots.title'));
  const viewer = useTicketViewer();
  const [search, setSearch] = useSearchParams();
  const keyword = () => (single(search.q) ?? '').trim().slice(0, 100);
  const from = () => validDay(single(search.from));
  const to = () => validDay(single(search.to));
  const cellCode = () => single(search.cell) ?? null;
  const period = createMemo(() => ({
    receivedFrom: from() ? beijingMidnight(from()!) : null,
    receivedTo: to() ? beijingMidnight(nextDay(to()!)) : null,
  }));
  const [result, reexecute] = createQuery({
    query: TicketHotSpotsPageQuery,
    variables: () => ({ keyword: keyword() || '-', ...period() }),
    pause: () => !keyword(),
  });
  const spots = () => (keyword() ? (result.data?.ticketHotSpots ?? []) : []);
  const most = () => Math.max(1, ...spots().map((spot) => spot.count));
  const chosen = () => spots().find((spot) => spot.gridCell.code === cellCode()) ?? null;

  const [draft, setDraft] = createSignal(keyword());
  createEffect(() => setDraft(keyword()));
  // the tickets ticked for a revisit, across cells: id → number
  const [selected, setSelected] = createStore<Record<string, string>>({});
  const select = (tickets: readonly { id: string; number: string }[], on: boolean) =>
    setSelected(
      produce((current) => {
        for (const ticket of tickets) {
          if (on) current[ticket.id] = ticket.number;
          else delete current[ticket.id];
        }
      }),
    );
  const clearSelection = () => select(Object.entries(selected).map(([id, number]) => ({ id, number })), false);

  const suggestions = () => t('tickets.hotspots.suggestions').split(/[、,，]\s*/);

  return (
    <>
      <div class="page-heading">
        <h1 data-testid="page-title">{t('tickets.hotspots.title')}</h1>
        <p class="page-subtitle">{t('tickets.hotspots.intro')}</p>
      </div>
      <form
        class="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch({ q: draft().trim() || undefined, cell: undefined });
        }}
        data-testid="hotspot-search"
      >
        <div class="filters-row">
          <label class="filter filter-keyword">
            <span class="filter-label">{t('tickets.hotspots.keyword')}</span>
            <span class="search-box">
              <input type="search" value={draft()} maxLength={100} onInput={(event) => setDraft(event.currentTarget.value)} data-testid="hotspot-keyword" />
              <button type="submit" class="button button-primary" data-testid="hotspot-submit">
                {t('tickets.hotspots.search')}
              </button>
            </span>
          </label>
          <fieldset class="filter filter-dates">
            <legend class="filter-label">{t('tickets.hotspots.from')}</legend>
            <input
              type="date"
              value={from() ?? ''}
              aria-label={t('tickets.hotspots.from')}
              onChange={(event) => setSearch({ from: event.currentTarget.value || undefined, cell: undefined })}
              data-testid="hotspot-from"
            />
            <span aria-hidden="true">{t('tickets.hotspots.to')}</span>
            <input
              type="date"
              value={to() ?? ''}
              aria-label={t('tickets.hotspots.to')}
              onChange={(event) => setSearch({ to: event.currentTarget.value || undefined, cell: undefined })}
              data-testid="hotspot-to"
            />
          </fieldset>
        </div>
      </form>
      <Show
        when={keyword()}
        fallback={
          <div class="empty">
            <p>{t('tickets.hotspots.enterKeyword')}</p>
            <div class="button-row">
              <For each={suggestions()}>
                {(word) => (
                  <button type="button" class="chip" lang="zh-CN" onClick={() => setSearch({ q: word })} data-testid={`hotspot-suggest-${word}`}>
                    {word}
                  </button>
                )}
              </For>
            </div>
          </div>
        }
      >
        <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
          <Show when={spots().length > 0} fallback={<p class="empty">{t('tickets.hotspots.empty', { keyword: keyword() })}</p>}>
            <div class="hotspots-grid">
              <section aria-labelledby="hotspot-cells-heading">
                <h2 id="hotspot-cells-heading" class="visually-hidden">
                  {t('tickets.hotspots.cells')}
                </h2>
                <ol class="hotspots" data-testid="hotspots">
                  <For each={spots()}>
                    {(spot) => (
                      <li>
                        <button
                          type="button"
                          class="hotspot"
                          aria-pressed={spot.gridCell.code === cellCode()}
                          onClick={() => setSearch({ cell: spot.gridCell.code })}
                          data-testid={`hotspot-${spot.gridCell.code}`}
                        >
                          <span class="hotspot-head">
                            <span class="hotspot-name">{gridCellName(spot.gridCell)}</span>
                            <span class="hotspot-count" data-testid="hotspot-count">
                              {t('tickets.hotspots.count', { count: spot.count })}
                            </span>
                          </span>
                          <span class="hotspot-bar" aria-hidden="true">
                            <span style={{ width: `${(100 * spot.count) / most()}%` }} />
                          </span>
                          <span class="hotspot-place">
                            {unitName(spot.gridCell.community.street)} · {unitName(spot.gridCell.community)}
                            <Show when={spot.latestAt}>{(at) => <> · {t('tickets.hotspots.latest', { at: formatDate(at()) })}</>}</Show>
                          </span>
                        </button>
                      </li>
                    )}
                  </For>
                </ol>
              </section>
              <div class="stack">
                <Show when={chosen()} keyed fallback={<p class="empty">{t('tickets.hotspots.chooseCell')}</p>}>
                  {(spot) => (
                    <TicketHotSpotTickets
                      filter={{
                        keyword: keyword(),
                        gridCellCode: spot.gridCell.code,
                        ...(period().receivedFrom ? { receivedFrom: period().receivedFrom! } : {}),
                        ...(period().receivedTo ? { receivedTo: period().receivedTo! } : {}),
                      }}
                      cellName={gridCellName(spot.gridCell)}
                      selected={selected}
                      onSelect={select}
                    />
                  )}
                </Show>
                <Show when={mayPlanRevisits(viewer())}>
                  <TicketRevisitPlanForm keyword={keyword()} selected={selected} onCreated={clearSelection} />
                  <TicketRevisitPlans />
                </Show>
              </div>
            </div>
          </Show>
        </QueryState>
      </Show>
    </>
  );
};
