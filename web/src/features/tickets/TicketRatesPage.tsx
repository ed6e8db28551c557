import { useSearchParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, createMemo, For, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { formatNumber, t, unitName } from '../../i18n/index.ts';
import { KpiCard } from '../../ui/KpiCard.tsx';
import { MonthSelect } from '../../ui/MonthSelect.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { usePageTitle } from '../shell/title.ts';
import { beijingMonth, isMonth, recentMonths, shiftMonth } from './months.ts';
import { monthLabel, percent, RatesChart, RatesChartFields } from './RatesChart.tsx';
import { officerStreets, useTicketViewer, viewerDistrict } from './ticketViewer.ts';

/** One unit's month as the cards and the ranking show it: the counts behind each rate, and the rates. */
const TicketRatesPageFields = graphql(`
  fragment TicketRatesPageFields on TicketRates @_unmask {
    month
    unitKind
    unitCode
    unitName
    unitNameEn
    tickets
    responseDue
    respondedInTime
    callbacks
    resolved
    satisfied
    responseRate
    resolutionRate
    satisfactionRate
  }
`);

const TicketRatesPageQuery = graphql(
  `
    query TicketRatesPageQuery($month: String!, $districtCode: String, $streetCode: String) {
      ticketRatesByMonth(months: 12, districtCode: $districtCode, streetCode: $streetCode) {
        ...RatesChartFields
      }
      ticketRates(month: $month, districtCode: $districtCode) {
        ...TicketRatesPageFields
      }
      monthlyRanking(month: $month, districtCode: $districtCode) {
        month
        weights {
          response
          resolution
          satisfaction
        }
        rows {
          rank
          score
          bottom
          rates {
            ...TicketRatesPageFields
          }
        }
      }
    }
  `,
  [RatesChartFields, TicketRatesPageFields],
);

/** The months on offer: the twelve up to the current one. */
const MONTHS_SHOWN = 12;

/**
 * The three rates (三率) and the monthly review (月度点评): the month's figures for the viewer's
 * district (the whole city for city-wide roles), twelve months as a chart (a street officer's own
 * street), and the streets ranked by the composite score with the bottom ones named. The month is in
 * the address (?month=2026-10); by default the last complete month, the one the review discusses.
 */
export const TicketRatesPage: Component = () => {
  usePageTitle(() => t('tickets.rates.title'));
  const viewer = useTicketViewer();
  const [search, setSearch] = useSearchParams();
  const now = Date.now();
  const months = recentMonths(now, MONTHS_SHOWN);
  const month = createMemo(() => {
    const asked = Array.isArray(search.month) ? search.month[0] : search.month;
    return isMonth(asked) ? asked : shiftMonth(beijingMonth(now), -1);
  });
  const district = () => viewerDistrict(viewer());
  const ownStreet = () => officerStreets(viewer())[0] ?? null;
  const [result, reexecute] = createQuery({
    query: TicketRatesPageQuery,
    variables: () => ({ month: month(), districtCode: district()?.code ?? null, streetCode: ownStreet()?.code ?? null }),
  });
  const scopeName = () => {
    const current = district();
    return current ? unitName(current) : t('tickets.rates.scopeCity');
  };
  const chartUnit = () => {
    const street = ownStreet();
    return street ? unitName(street) : scopeName();
  };
  const total = () => result.data?.ticketRates[0] ?? null;
  const score = (value: number | null) => (value === null ? t('tickets.rates.none') : formatNumber(value, { maximumFractionDigits: 1 }));
  const weight = (value: number) => formatNumber(value, { maximumFractionDigits: 2 });

  return (
    <>
      <div class="page-heading">
        <h1 data-testid="page-title">{t('tickets.rates.title')}</h1>
        <div class="page-heading-meta">
          <span class="badge badge-strong" data-testid="rates-scope">
            {t('tickets.rates.scope')} · {scopeName()}
          </span>
        </div>
        <div class="heading-action">
          <MonthSelect label={t('tickets.rates.month')} months={months} value={month()} onChange={(value) => setSearch({ month: value })} testId="rates-month" />
        </div>
        <p class="page-subtitle">{t('tickets.rates.intro')}</p>
      </div>
      <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        <div class="kpis" data-testid="rates-kpis">
          <KpiCard testId="kpi-tickets" label={t('tickets.rates.tickets')} value={formatNumber(total()?.tickets ?? 0)}>
            {t('tickets.rates.ticketsDetail', { month: month() })}
          </KpiCard>
          <KpiCard tone="responseRate" testId="kpi-response" label={t('tickets.rates.response')} value={percent(total()?.responseRate ?? null)}>
            {t('tickets.rates.responseDetail', { n: total()?.respondedInTime ?? 0, d: total()?.responseDue ?? 0 })}
          </KpiCard>
          <KpiCard tone="resolutionRate" testId="kpi-resolution" label={t('tickets.rates.resolution')} value={percent(total()?.resolutionRate ?? null)}>
            {t('tickets.rates.resolutionDetail', { n: total()?.resolved ?? 0, d: total()?.callbacks ?? 0 })}
          </KpiCard>
          <KpiCard tone="satisfactionRate" testId="kpi-satisfaction" label={t('tickets.rates.satisfaction')} value={percent(total()?.satisfactionRate ?? null)}>
            {t('tickets.rates.satisfactionDetail', { n: total()?.satisfied ?? 0, d: total()?.callbacks ?? 0 })}
          </KpiCard>
        </div>
        <section class="panel section" aria-labelledby="rates-chart-heading">
          <div class="section-heading">
            <h2 id="rates-chart-heading">{t('tickets.rates.chartTitle')}</h2>
            <span class="count">{chartUnit()}</span>
          </div>
          <RatesChart lines={result.data?.ticketRatesByMonth ?? []} unit={chartUnit()} />
        </section>
        <section class="section" aria-labelledby="ranking-heading">
          <div class="section-heading">
            <h2 id="ranking-heading">{t('tickets.rates.rankingTitle')}</h2>
            <span class="count">{monthLabel(month())} · {month()}</span>
          </div>
          <Show when={(result.data?.monthlyRanking.rows.length ?? 0) > 0} fallback={<p class="empty">{t('tickets.rates.empty')}</p>}>
            <div class="table-scroll">
              <table class="table ranking-table" data-testid="ranking-table">
                <caption class="visually-hidden">{t('tickets.rates.rankingCaption', { month: month() })}</caption>
                <TableHead
                  columns={[
                    { label: t('tickets.rates.rank'), num: true },
                    { label: t('tickets.rates.street') },
                    { label: t('tickets.rates.tickets'), num: true },
                    { label: t('tickets.rates.response'), num: true },
                    { label: t('tickets.rates.resolution'), num: true },
                    { label: t('tickets.rates.satisfaction'), num: true },
                    { label: t('tickets.rates.score'), num: true },
                  ]}
                />
                <tbody>
                  <For each={result.data?.monthlyRanking.rows ?? []}>
                    {(row) => {
                      const own = () => row.rates.unitCode !== null && row.rates.unitCode === ownStreet()?.code;
                      return (
                        <tr
                          classList={{ 'row-bottom': row.bottom, 'row-own': own() }}
                          data-testid={`ranking-${row.rates.unitCode}`}
                          data-bottom={row.bottom ? 'true' : 'false'}
                        >
                          <td class="num rank">{row.rank ?? t('tickets.rates.none')}</td>
                          <th scope="row">
                            {unitName({ name: row.rates.unitName, nameEn: row.rates.unitNameEn })}
                            <Show when={own()}>
                              <span class="badge">{t('tickets.rates.own')}</span>
                            </Show>
                            <Show when={row.bottom}>
                              <span class="bottom-mark" data-testid="bottom-mark">
                                {t('tickets.rates.bottom')}
                              </span>
                            </Show>
                          </th>
                          <td class="num">{row.rates.tickets}</td>
                          <td class="num">{percent(row.rates.responseRate)}</td>
                          <td class="num">{percent(row.rates.resolutionRate)}</td>
                          <td class="num">{percent(row.rates.satisfactionRate)}</td>
                          <td class="num score">{score(row.score)}</td>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </table>
            </div>
            <p class="hint ranking-notes">
              {t('tickets.rates.bottomHint')}{' '}
              <Show when={result.data?.monthlyRanking.weights}>
                {(weights) =>
                  t('tickets.rates.weights', { response: weight(weights().response), resolution: weight(weights().resolution), satisfaction: weight(weights().satisfaction) })
                }
              </Show>
            </p>
          </Show>
          <details class="definitions">
            <summary>{t('tickets.rates.definitions')}</summary>
            <ul>
              <li>{t('tickets.rates.definitionResponse')}</li>
              <li>{t('tickets.rates.definitionResolution')}</li>
              <li>{t('tickets.rates.definitionSatisfaction')}</li>
            </ul>
          </details>
        </section>
      </QueryState>
    </>
  );
};
