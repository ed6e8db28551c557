import { A, useSearchParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, createMemo, createSignal, For, Show } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { formatNumber, formatShortDateTime, t, unitName } from '../../i18n/index.ts';
import { MonthSelect } from '../../ui/MonthSelect.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { OrgUnitFields } from '../org/orgUnit.ts';
import { usePageTitle } from '../shell/title.ts';
import { beijingMonth, isMonth, recentMonths, shiftMonth } from '../tickets/months.ts';
import { percent } from '../tickets/RatesChart.tsx';
import { whistlePath } from './paths.ts';
import { clockOutcome } from './ranking.ts';
import { WhistleRankingWeightsForm } from './WhistleRankingWeightsForm.tsx';
import { actsForPlatform, homeDistrict, useWhistleViewer } from './whistleViewer.ts';

const WhistleRankingPageDistrictsQuery = graphql(
  `
    query WhistleRankingPageDistrictsQuery {
      districts(first: 50) {
        edges {
          node {
            ...OrgUnitFields
          }
        }
      }
    }
  `,
  [OrgUnitFields],
);

const WhistleRankingPageQuery = graphql(
  `
    query WhistleRankingPageQuery($districtCode: String!, $month: String!) {
      departmentRanking(districtCode: $districtCode, month: $month) {
        month
        weightsFrom
        weights {
          punctuality
          streetRating
          satisfaction
        }
        departments {
          rank
          score
          punctuality
          streetRating
          satisfaction
          meanRating
          clocksCounted
          clocksOnTime
          ratings
          returned
          summonses
          ticketsSatisfied
          ticketsWithCallback
          department {
            id
            code
            name
            nameEn
          }
          inputs {
            whistleNumber
            role
            returned
            ackDueAt
            acknowledgedAt
            onSiteDueAt
            checkedInAt
            timeliness
            effectiveness
            attitude
            ticketSatisfaction
          }
        }
        streets {
          street {
            ...OrgUnitFields
          }
          tickets
          whistles
          whistleRate
        }
      }
    }
  `,
  [OrgUnitFields],
);

type RankingRow = NonNullable<ResultOf<typeof WhistleRankingPageQuery>['departmentRanking']>['departments'][number];
type RankingInput = RankingRow['inputs'][number];

const MONTHS_SHOWN = 12;
const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'] as const;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const score = (value: number | null) => (value === null ? t('tickets.rates.none') : formatNumber(value, { maximumFractionDigits: 1 }));

interface ClockCellProps {
  dueAt: string;
  doneAt: string | null;
  now: number;
}

/** One clock of an input: when it was due, and whether it was met in time. */
const ClockCell: Component<ClockCellProps> = (props) => {
  const outcome = () => clockOutcome(props.dueAt, props.doneAt, props.now);
  return (
    <td classList={{ 'deadline-over': outcome() === 'late' || outcome() === 'missed' }} data-outcome={outcome()}>
      {t(`whistles.ranking.clock.${outcome()}`)}
      <span class="muted"> · {formatShortDateTime(props.doneAt ?? props.dueAt)}</span>
    </td>
  );
};

interface DrillDownProps {
  row: RankingRow;
  now: number;
}

/** What made one department's score: the counts of each component, and every summons behind it. */
const DrillDown: Component<DrillDownProps> = (props) => {
  const ratingOf = (input: RankingInput) =>
    input.timeliness === null ? t('tickets.rates.none') : t('whistles.detail.ratingScores', { timeliness: input.timeliness, effectiveness: input.effectiveness ?? '–', attitude: input.attitude ?? '–' });
  const satisfactionOf = (value: string | null) =>
    value === null ? t('tickets.rates.none') : (SATISFACTIONS as readonly string[]).includes(value) ? t(`tickets.satisfaction.${value as (typeof SATISFACTIONS)[number]}`) : value;
  return (
    <div class="ranking-drilldown" data-testid={`drilldown-${props.row.department.code}`}>
      <ul class="ranking-components">
        <li data-testid="drilldown-punctuality">
          {t('whistles.ranking.punctualityDetail', { n: props.row.clocksOnTime, d: props.row.clocksCounted })}
        </li>
        <li data-testid="drilldown-rating">
          {t('whistles.ranking.ratingDetail', { ratings: props.row.ratings, mean: props.row.meanRating === null ? t('tickets.rates.none') : formatNumber(props.row.meanRating, { maximumFractionDigits: 2 }) })}
        </li>
        <li data-testid="drilldown-satisfaction">{t('whistles.ranking.satisfactionDetail', { n: props.row.ticketsSatisfied, d: props.row.ticketsWithCallback })}</li>
        <li>{t('whistles.ranking.summonsDetail', { summonses: props.row.summonses, returned: props.row.returned })}</li>
      </ul>
      <div class="table-scroll">
        <table class="table ranking-inputs">
          <TableHead
            columns={[
              { label: t('whistles.ranking.whistle') },
              { label: t('whistles.columns.role') },
              { label: t('whistles.columns.ack') },
              { label: t('whistles.columns.onSite') },
              { label: t('whistles.detail.rating') },
              { label: t('whistles.ranking.ticketSatisfaction') },
            ]}
          />
          <tbody>
            <For each={props.row.inputs}>
              {(input) => (
                <tr classList={{ 'summons-returned': input.returned }} data-testid={`input-${input.whistleNumber}`}>
                  <th scope="row">
                    <A href={whistlePath(input.whistleNumber)}>{input.whistleNumber}</A>
                    <Show when={input.returned}>
                      <span class="badge">{t('whistles.returnState.ACCEPTED')}</span>
                    </Show>
                  </th>
                  <td>{input.role === 'LEAD' || input.role === 'ASSIST' ? t(`whistles.role.${input.role}`) : input.role}</td>
                  <ClockCell dueAt={input.ackDueAt} doneAt={input.acknowledgedAt} now={props.now} />
                  <ClockCell dueAt={input.onSiteDueAt} doneAt={input.checkedInAt} now={props.now} />
                  <td data-testid="input-rating">{ratingOf(input)}</td>
                  <td>{satisfactionOf(input.ticketSatisfaction)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </div>
  );
};

/**
 * The monthly department ranking (下评上) of a district: the departments by composite score with its
 * three components (check-in punctuality, the streets' ratings, residents' call-back satisfaction),
 * the weights published for the month, a drill-down per department into the summonses behind its
 * score, and the district's streets with their whistle rates. The district and month are in the
 * address (?district=110101&month=2026-10); the district platform may publish new weights here.
 */
export const WhistleRankingPage: Component = () => {
  usePageTitle(() => t('whistles.ranking.title'));
  const viewer = useWhistleViewer();
  const [search, setSearch] = useSearchParams();
  const now = Date.now();
  const months = recentMonths(now, MONTHS_SHOWN);
  const month = createMemo(() => {
    const asked = first(search.month);
    return isMonth(asked) ? asked : shiftMonth(beijingMonth(now), -1);
  });
  const [districts] = createQuery({ query: WhistleRankingPageDistrictsQuery });
  const districtOptions = () => districts.data?.districts.edges.map((edge) => edge.node) ?? [];
  const districtCode = createMemo(() => first(search.district) || homeDistrict(viewer())?.code || districtOptions()[0]?.code || '');
  const [result, reexecute] = createQuery({
    query: WhistleRankingPageQuery,
    variables: () => ({ districtCode: districtCode(), month: month() }),
    pause: () => !districtCode(),
  });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const ranking = () => result.data?.departmentRanking ?? null;
  const [open, setOpen] = createSignal<string | null>(null);
  const toggle = (code: string) => setOpen((current) => (current === code ? null : code));
  const weightMonths = [beijingMonth(now), shiftMonth(beijingMonth(now), 1), shiftMonth(beijingMonth(now), 2)];

  return (
    <>
      <div class="page-heading">
        <h1 data-testid="page-title">{t('whistles.ranking.title')}</h1>
        <div class="heading-action ranking-pickers">
          <label class="filter">
            <span class="filter-label">{t('whistles.ranking.district')}</span>
            <select value={districtCode()} onChange={(event) => setSearch({ district: event.currentTarget.value })} data-testid="ranking-district">
              <For each={districtOptions()}>
                {(district) => (
                  <option value={district.code} selected={district.code === districtCode()}>
                    {unitName(district)}
                  </option>
                )}
              </For>
            </select>
          </label>
          <MonthSelect label={t('tickets.rates.month')} months={months} value={month()} onChange={(value) => setSearch({ month: value })} testId="ranking-month" />
        </div>
        <p class="page-subtitle">{t('whistles.ranking.intro')}</p>
      </div>
      <QueryState state={result} onRetry={reload}>
        <Show when={ranking()} fallback={<p class="empty">{t('whistles.ranking.unknownDistrict')}</p>}>
          {(current) => (
            <div class="detail-grid ranking-grid">
              <section class="section" aria-labelledby="department-ranking-heading">
                <div class="section-heading">
                  <h2 id="department-ranking-heading">{t('whistles.ranking.departments')}</h2>
                  <span class="count">{current().month}</span>
                </div>
                <p class="hint" data-testid="ranking-weights">
                  {t('whistles.ranking.weights', {
                    punctuality: current().weights.punctuality,
                    streetRating: current().weights.streetRating,
                    satisfaction: current().weights.satisfaction,
                  })}{' '}
                  {current().weightsFrom ? t('whistles.ranking.weightsFrom', { month: current().weightsFrom! }) : t('whistles.ranking.weightsDefault')}
                </p>
                <Show when={current().departments.length > 0} fallback={<p class="empty" data-testid="ranking-empty">{t('whistles.ranking.empty')}</p>}>
                  <div class="table-scroll">
                    <table class="table ranking-table" data-testid="department-ranking">
                      <caption class="visually-hidden">{t('whistles.ranking.caption', { month: current().month })}</caption>
                      <TableHead
                        columns={[
                          { label: t('tickets.rates.rank'), num: true },
                          { label: t('whistles.columns.department') },
                          { label: t('tickets.rates.score'), num: true },
                          { label: t('whistles.ranking.punctuality'), num: true },
                          { label: t('whistles.ranking.streetRating'), num: true },
                          { label: t('whistles.ranking.satisfaction'), num: true },
                          { label: t('whistles.ranking.inputs'), hidden: true },
                        ]}
                      />
                      <tbody>
                        <For each={current().departments}>
                          {(row) => (
                            <>
                              <tr data-testid={`ranking-row-${row.department.code}`}>
                                <td class="num rank">{row.rank ?? t('tickets.rates.none')}</td>
                                <th scope="row">{unitName(row.department)}</th>
                                <td class="num score" data-testid="ranking-score">
                                  {score(row.score)}
                                </td>
                                <td class="num" data-testid="ranking-punctuality">
                                  {percent(row.punctuality)}
                                </td>
                                <td class="num" data-testid="ranking-street-rating">
                                  {percent(row.streetRating)}
                                </td>
                                <td class="num" data-testid="ranking-satisfaction">
                                  {percent(row.satisfaction)}
                                </td>
                                <td>
                                  <button
                                    type="button"
                                    class="button button-quiet"
                                    aria-expanded={open() === row.department.code}
                                    onClick={() => toggle(row.department.code)}
                                    data-testid={`ranking-open-${row.department.code}`}
                                  >
                                    {open() === row.department.code ? t('whistles.ranking.hideInputs') : t('whistles.ranking.showInputs')}
                                  </button>
                                </td>
                              </tr>
                              <Show when={open() === row.department.code}>
                                <tr class="ranking-drilldown-row">
                                  <td colSpan={7}>
                                    <DrillDown row={row} now={now} />
                                  </td>
                                </tr>
                              </Show>
                            </>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </Show>
                <Show when={actsForPlatform(viewer(), districtCode())}>
                  <WhistleRankingWeightsForm districtCode={districtCode()} months={weightMonths} current={current().weights} onSaved={reload} />
                </Show>
              </section>
              <section class="panel" aria-labelledby="street-rates-heading" data-testid="street-whistle-rates">
                <h2 id="street-rates-heading">{t('whistles.ranking.streets')}</h2>
                <table class="table">
                <TableHead
                  columns={[
                    { label: t('tickets.rates.street') },
                    { label: t('whistles.ranking.whistles'), num: true },
                    { label: t('tickets.rates.tickets'), num: true },
                    { label: t('whistles.ranking.whistleRate'), num: true },
                  ]}
                />
                  <tbody>
                    <For each={current().streets}>
                      {(row) => (
                        <tr data-testid={`street-rate-${row.street.code}`}>
                          <th scope="row">{unitName(row.street)}</th>
                          <td class="num">{row.whistles}</td>
                          <td class="num">{row.tickets}</td>
                          <td class="num">{percent(row.whistleRate)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
                <p class="hint">{t('whistles.ranking.whistleRateHint')}</p>
              </section>
            </div>
          )}
        </Show>
      </QueryState>
    </>
  );
};
