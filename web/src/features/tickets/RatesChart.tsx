import { type Component, For, Index, Show } from 'solid-js';
import { type FragmentOf, graphql, readFragment } from '../../graphql/graphql.ts';
import { formatNumber, locale, t } from '../../i18n/index.ts';

/** One month of the chart: the tickets received and the three rates. */
export const RatesChartFields = graphql(`
  fragment RatesChartFields on TicketRates {
    month
    tickets
    responseRate
    resolutionRate
    satisfactionRate
  }
`);

/** The three rates, in the order the page shows them. */
export const RATE_KEYS = ['responseRate', 'resolutionRate', 'satisfactionRate'] as const;
/** One of the three rates (三率). */
export type RateKey = (typeof RATE_KEYS)[number];

// drawing units of the viewBox; the SVG scales to its box
const WIDTH = 760;
const HEIGHT = 300;
const PAD = { top: 16, right: 16, bottom: 34, left: 48 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
// ticket bars use the lower part of the plot, so they never hide the rate lines at the top
const BAR_SHARE = 0.45;

const rateLabelKey = { responseRate: 'response', resolutionRate: 'resolution', satisfactionRate: 'satisfaction' } as const satisfies Record<RateKey, string>;

/** The month as its short name: 3月, Mar. */
export const monthLabel = (month: string) =>
  new Intl.DateTimeFormat(locale() === 'en' ? 'en' : 'zh-CN', { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** A rate as a percentage, or a dash when it has no denominator. */
export const percent = (rate: number | null) => (rate === null ? t('tickets.rates.none') : formatNumber(rate, { style: 'percent', maximumFractionDigits: 1 }));

interface RatesChartProps {
  lines: readonly FragmentOf<typeof RatesChartFields>[];
  /** whose figures (a street, a district, the city) */
  unit: string;
}

/**
 * The monthly chart: the three rates as lines over the months (0–100 %), the tickets received as
 * quiet bars behind them. Inline SVG, no chart library; the same figures follow as a table for
 * screen readers and for whoever wants the numbers.
 */
export const RatesChart: Component<RatesChartProps> = (props) => {
  const lines = () => readFragment(RatesChartFields, props.lines);
  const step = () => PLOT_W / Math.max(lines().length, 1);
  const x = (i: number) => PAD.left + step() * (i + 0.5);
  const y = (rate: number) => PAD.top + PLOT_H * (1 - rate);
  const maxTickets = () => Math.max(1, ...lines().map((line) => line.tickets));
  const barHeight = (tickets: number) => (PLOT_H * BAR_SHARE * tickets) / maxTickets();
  /** The polyline segments of one rate; a month without the rate breaks the line. */
  const segments = (key: RateKey) => {
    const runs: string[][] = [[]];
    lines().forEach((line, i) => {
      const rate = line[key];
      if (rate === null) runs.push([]);
      else runs.at(-1)!.push(`${x(i).toFixed(1)},${y(rate).toFixed(1)}`);
    });
    return runs.filter((run) => run.length > 0).map((run) => run.join(' '));
  };

  return (
    <figure class="rates-chart" data-testid="rates-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('tickets.rates.chartLabel', { unit: props.unit })}>
        <g class="chart-grid">
          <For each={[0, 0.25, 0.5, 0.75, 1]}>
            {(tick) => (
              <>
                <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
                <text x={PAD.left - 8} y={y(tick) + 5} text-anchor="end">
                  {formatNumber(tick, { style: 'percent' })}
                </text>
              </>
            )}
          </For>
        </g>
        <g class="chart-bars">
          <Index each={lines()}>
            {(line, i) => (
              <rect x={x(i) - step() * 0.3} width={step() * 0.6} y={PAD.top + PLOT_H - barHeight(line().tickets)} height={barHeight(line().tickets)}>
                <title>{`${monthLabel(line().month)} ${t('tickets.rates.tickets')} ${line().tickets}`}</title>
              </rect>
            )}
          </Index>
        </g>
        <For each={RATE_KEYS}>
          {(key) => (
            <g class={`chart-series chart-${key}`}>
              <For each={segments(key)}>{(points) => <polyline points={points} />}</For>
              <Index each={lines()}>
                {(line, i) => (
                  <Show when={line()[key] !== null}>
                    <circle cx={x(i)} cy={y(line()[key]!)} r="4.5">
                      <title>{`${monthLabel(line().month)} ${t(`tickets.rates.${rateLabelKey[key]}`)} ${percent(line()[key])}`}</title>
                    </circle>
                  </Show>
                )}
              </Index>
            </g>
          )}
        </For>
        <g class="chart-axis">
          <Index each={lines()}>
            {(line, i) => (
              <text x={x(i)} y={HEIGHT - 10} text-anchor="middle">
                {monthLabel(line().month)}
              </text>
            )}
          </Index>
        </g>
      </svg>
      <figcaption class="chart-legend">
        <For each={RATE_KEYS}>
          {(key) => (
            <span class={`legend-item chart-${key}`}>
              <span class="legend-swatch" aria-hidden="true" />
              {t(`tickets.rates.${rateLabelKey[key]}`)}
            </span>
          )}
        </For>
        <span class="legend-item chart-bars">
          <span class="legend-swatch" aria-hidden="true" />
          {t('tickets.rates.tickets')}
        </span>
      </figcaption>
      <details class="chart-data">
        <summary>{t('tickets.rates.chartData')}</summary>
        <table class="table table-compact" data-testid="rates-chart-table">
          <thead>
            <tr>
              <th scope="col">{t('tickets.rates.month')}</th>
              <th scope="col">{t('tickets.rates.tickets')}</th>
              <For each={RATE_KEYS}>{(key) => <th scope="col">{t(`tickets.rates.${rateLabelKey[key]}`)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={lines()}>
              {(line) => (
                <tr>
                  <th scope="row">{line.month}</th>
                  <td>{line.tickets}</td>
                  <For each={RATE_KEYS}>{(key) => <td>{percent(line[key])}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </figure>
  );
};
