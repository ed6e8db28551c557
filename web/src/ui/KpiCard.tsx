import type { Component, JSX } from 'solid-js';

interface KpiCardProps {
  label: string;
  value: string;
  /** colours the card (`kpi-<tone>`, e.g. a rate's accent); none for a plain count */
  tone?: string;
  /** on the value, which the browser tests read */
  testId?: string;
  /** what the value is made of, under it */
  children?: JSX.Element;
}

/** One headline figure as a card: the three rates, a board's open items, a council's turnout. */
export const KpiCard: Component<KpiCardProps> = (props) => (
  <div class={props.tone ? `kpi kpi-${props.tone}` : 'kpi'}>
    <span class="kpi-label">{props.label}</span>
    <span class="kpi-value" data-testid={props.testId}>
      {props.value}
    </span>
    <span class="kpi-detail">{props.children}</span>
  </div>
);
