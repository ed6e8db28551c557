import { type Component, For } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Bar } from './volunteerFigures.ts';

// drawing units of the viewBox; the SVG scales to its box
const WIDTH = 760;
const ROW = 30;
const LABEL_W = 230;
const VALUE_W = 90;
const PAD = 8;
const PLOT_W = WIDTH - LABEL_W - VALUE_W - PAD * 2;

interface BarChartProps {
  title: string;
  bars: readonly Bar[];
  /** the value as the chart writes it beside its bar */
  format: (value: number) => string;
  testId: string;
}

/**
 * A horizontal bar chart (hours per member, category or branch), inline SVG like the rates chart, no
 * chart library; the same figures follow as a table for screen readers and for whoever wants the numbers.
 */
export const BarChart: Component<BarChartProps> = (props) => {
  const height = () => Math.max(1, props.bars.length) * ROW + PAD * 2;
  return (
    <figure class="bar-chart" data-testid={props.testId}>
      <svg viewBox={`0 0 ${WIDTH} ${height()}`} role="img" aria-label={t('volunteers.reports.chartLabel', { title: props.title })}>
        <For each={props.bars}>
          {(bar, i) => (
            <g class="bar-row">
              <text x={LABEL_W - 8} y={PAD + i() * ROW + ROW / 2 + 5} text-anchor="end" class="bar-label">
                {bar.label}
              </text>
              <rect x={LABEL_W} y={PAD + i() * ROW + 5} width={Math.max(1, (PLOT_W * bar.share) / 100)} height={ROW - 10} rx="3" class="bar">
                <title>{`${bar.label} ${props.format(bar.value)}`}</title>
              </rect>
              <text x={LABEL_W + (PLOT_W * bar.share) / 100 + 6} y={PAD + i() * ROW + ROW / 2 + 5} class="bar-value">
                {props.format(bar.value)}
              </text>
            </g>
          )}
        </For>
      </svg>
      <details class="chart-data">
        <summary>{t('volunteers.reports.chartData')}</summary>
        <table class="table table-compact">
          <tbody>
            <For each={props.bars}>
              {(bar) => (
                <tr>
                  <th scope="row">{bar.label}</th>
                  <td class="num">{props.format(bar.value)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </figure>
  );
};
