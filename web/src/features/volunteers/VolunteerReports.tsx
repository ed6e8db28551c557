import { createQuery } from '@urql/solid';
import { type Component, createEffect, createSignal, For, Show } from 'solid-js';
import { graphql, type Schema } from '../../graphql/graphql.ts';
import { formatNumber, t, unitName } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { BarChart } from './BarChart.tsx';
import { barsOf, beijingMonth, beijingQuarter, placeShares, POST_CATEGORIES, previousQuarter } from './volunteerFigures.ts';
import { homeStreet, useVolunteerViewer } from './volunteerViewer.ts';

const VolunteerReportsHoursQuery = graphql(`
  query VolunteerReportsHoursQuery($groupBy: VolunteerHoursGroup!, $month: String, $quarter: String) {
    volunteerHours(groupBy: $groupBy, month: $month, quarter: $quarter) {
      key
      label
      hours
      minutes
      shifts
    }
  }
`);

const VolunteerReportsPlacesQuery = graphql(`
  query VolunteerReportsPlacesQuery($streetCode: String!) {
    volunteerPlaces(streetCode: $streetCode) {
      claimed
      open
      places
      posts
      waitlisted
      community {
        id
        code
        name
        nameEn
      }
    }
  }
`);

const VolunteerReportsBranchQuery = graphql(`
  query VolunteerReportsBranchQuery($branch: String!, $quarter: String!) {
    branchReport(branch: $branch, quarter: $quarter) {
      branch
      quarter
      memberCount
      reporting
      reportRate
      members {
        memberId
        name
        hours
        minutes
        shifts
      }
    }
  }
`);

// the branches that have verified hours at all: the choices of the branch report
const VolunteerReportsBranchNamesQuery = graphql(`
  query VolunteerReportsBranchNamesQuery {
    volunteerHours(groupBy: BRANCH) {
      key
    }
  }
`);

const GROUPS = ['CATEGORY', 'MEMBER', 'BRANCH'] as const satisfies readonly Schema<'VolunteerHoursGroup'>[];

/** The hours report: verified hours per category, member or branch, for a month or a quarter. */
const HoursReport: Component<{ quarter: () => string }> = (props) => {
  const [groupBy, setGroupBy] = createSignal<(typeof GROUPS)[number]>('CATEGORY');
  const [period, setPeriod] = createSignal<'quarter' | 'month'>('quarter');
  const [month, setMonth] = createSignal(beijingMonth(new Date()));
  const [result, reexecute] = createQuery({
    query: VolunteerReportsHoursQuery,
    variables: () => ({ groupBy: groupBy(), month: period() === 'month' ? month() : null, quarter: period() === 'quarter' ? props.quarter() : null }),
  });
  // the category's name in the interface language (the API labels it in Chinese)
  const label = (row: { key: string; label: string }) =>
    groupBy() === 'CATEGORY' && (POST_CATEGORIES as readonly string[]).includes(row.key) ? t(`volunteers.category.${row.key as (typeof POST_CATEGORIES)[number]}`) : row.label;
  const bars = () => barsOf(result.data?.volunteerHours ?? [], (row) => row.key, label, (row) => row.hours);
  return (
    <section class="panel" data-testid="hours-report">
      <h2>{t('volunteers.reports.hoursTitle')}</h2>
      <div class="inline-form">
        <label for="hours-group">{t('volunteers.reports.groupBy')}</label>
        <select id="hours-group" value={groupBy()} onChange={(event) => setGroupBy(event.currentTarget.value as (typeof GROUPS)[number])} data-testid="hours-group">
          <For each={GROUPS}>{(group) => <option value={group}>{t(`volunteers.reports.group.${group}`)}</option>}</For>
        </select>
        <label for="hours-period">{t('volunteers.reports.period')}</label>
        <select id="hours-period" value={period()} onChange={(event) => setPeriod(event.currentTarget.value as 'quarter' | 'month')}>
          <option value="quarter">{t('volunteers.reports.quarter')}</option>
          <option value="month">{t('volunteers.reports.month')}</option>
        </select>
        <Show when={period() === 'month'} fallback={<span class="badge">{props.quarter()}</span>}>
          <input type="month" aria-label={t('volunteers.reports.month')} value={month()} onInput={(event) => event.currentTarget.value && setMonth(event.currentTarget.value)} />
        </Show>
      </div>
      <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        <Show when={bars().length > 0} fallback={<p class="empty">{t('volunteers.reports.noHours')}</p>}>
          <BarChart title={t('volunteers.reports.hoursTitle')} bars={bars()} format={(hours) => t('volunteers.reports.hours', { hours: formatNumber(hours) })} testId="hours-chart" />
        </Show>
      </QueryState>
    </section>
  );
};

/** Places per community of a street: claimed against open, as stacked bars, with the waitlists. */
const PlacesReport: Component = () => {
  const viewer = useVolunteerViewer();
  const [street, setStreet] = createSignal(homeStreet(viewer()));
  const [result, reexecute] = createQuery({ query: VolunteerReportsPlacesQuery, variables: () => ({ streetCode: street() }) });
  const columns = () => [
    { label: t('volunteers.reports.community') },
    { label: `${t('volunteers.reports.claimed')} / ${t('volunteers.reports.open')}` },
    { label: t('volunteers.reports.posts'), num: true },
    { label: t('volunteers.reports.placesColumn'), num: true },
    { label: t('volunteers.reports.claimed'), num: true },
    { label: t('volunteers.reports.open'), num: true },
    { label: t('volunteers.reports.waitlisted'), num: true },
  ];
  return (
    <section class="panel" data-testid="places-report">
      <h2>{t('volunteers.reports.placesTitle')}</h2>
      <div class="inline-form">
        <label for="places-street">{t('volunteers.reports.street')}</label>
        <input id="places-street" inputmode="numeric" value={street()} onChange={(event) => /^\d{9}$/.test(event.currentTarget.value.trim()) && setStreet(event.currentTarget.value.trim())} />
      </div>
      <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        <Show when={(result.data?.volunteerPlaces.length ?? 0) > 0} fallback={<p class="empty">{t('volunteers.reports.noPlaces')}</p>}>
          <table class="table places-table" data-testid="places-table">
            <TableHead columns={columns()} />
            <tbody>
              <For each={result.data?.volunteerPlaces}>
                {(row) => (
                  <tr data-testid="places-row" data-community={row.community.code}>
                    <th scope="row">{unitName(row.community)}</th>
                    <td class="places-bar-cell">
                      <div class="places-bar" role="img" aria-label={`${t('volunteers.reports.claimed')} ${row.claimed} / ${t('volunteers.reports.open')} ${row.open}`}>
                        <span class="places-bar-claimed" style={{ width: `${placeShares(row).claimed}%` }} />
                        <span class="places-bar-open" style={{ width: `${placeShares(row).open}%` }} />
                      </div>
                    </td>
                    <td class="num">{row.posts}</td>
                    <td class="num">{row.places}</td>
                    <td class="num">{row.claimed}</td>
                    <td class="num">{row.open}</td>
                    <td class="num">{row.waitlisted}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </QueryState>
    </section>
  );
};

/** The quarterly report back to a workplace branch: its members' verified hours and its report rate. */
const BranchReport: Component<{ quarter: () => string; branches: () => string[] }> = (props) => {
  const [branch, setBranch] = createSignal('');
  const chosen = () => branch() || props.branches()[0] || '';
  const [result, reexecute] = createQuery({ query: VolunteerReportsBranchQuery, variables: () => ({ branch: chosen(), quarter: props.quarter() }), pause: () => chosen() === '' });
  const columns = () => [{ label: t('volunteers.reports.memberColumn') }, { label: t('volunteers.reports.hoursColumn'), num: true }, { label: t('volunteers.reports.shiftsColumn'), num: true }];
  return (
    <section class="panel" data-testid="branch-report">
      <h2>{t('volunteers.reports.branchTitle')}</h2>
      <div class="inline-form">
        <label for="branch-name">{t('volunteers.reports.branch')}</label>
        <input id="branch-name" list="branch-names" value={chosen()} onChange={(event) => setBranch(event.currentTarget.value.trim())} />
        <datalist id="branch-names">
          <For each={props.branches()}>{(name) => <option value={name} />}</For>
        </datalist>
        <span class="badge">{props.quarter()}</span>
      </div>
      <Show when={chosen() !== ''}>
        <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
          <Show when={result.data?.branchReport} fallback={<p class="empty">{t('volunteers.reports.branchNone')}</p>}>
            {(report) => (
              <>
                <p data-testid="branch-rate">
                  {t('volunteers.reports.reportRate', { rate: formatNumber(report().reportRate, { style: 'percent', maximumFractionDigits: 1 }), reporting: report().reporting, members: report().memberCount })}
                </p>
                <table class="table table-compact">
                  <TableHead columns={columns()} />
                  <tbody>
                    <For each={report().members}>
                      {(row) => (
                        <tr>
                          <th scope="row">{row.name}</th>
                          <td class="num">{formatNumber(row.hours)}</td>
                          <td class="num">{row.shifts}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </>
            )}
          </Show>
        </QueryState>
      </Show>
    </section>
  );
};

/** The reports (服务统计): hours, places per community, the report back to a branch. */
export const VolunteerReports: Component = () => {
  const [quarter, setQuarter] = createSignal(beijingQuarter(new Date()));
  const [branches, setBranches] = createSignal<string[]>([]);
  const quarters = () => {
    const list = [beijingQuarter(new Date())];
    for (let i = 0; i < 3; i++) list.push(previousQuarter(list.at(-1)!));
    return list;
  };
  const [names] = createQuery({ query: VolunteerReportsBranchNamesQuery });
  createEffect(() => {
    if (names.data && branches().length === 0) setBranches(names.data.volunteerHours.map((row) => row.key));
  });
  return (
    <div class="volunteers-page">
      <h1>{t('volunteers.reports.title')}</h1>
      <div class="inline-form">
        <label for="report-quarter">{t('volunteers.reports.quarter')}</label>
        <select id="report-quarter" value={quarter()} onChange={(event) => setQuarter(event.currentTarget.value)}>
          <For each={quarters()}>{(q) => <option value={q}>{q}</option>}</For>
        </select>
      </div>
      <HoursReport quarter={quarter} />
      <PlacesReport />
      <BranchReport quarter={quarter} branches={branches} />
    </div>
  );
};
