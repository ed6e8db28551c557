import { type Component, For } from 'solid-js';

interface MonthSelectProps {
  label: string;
  /** YYYY-MM, newest first */
  months: readonly string[];
  value: string;
  onChange: (month: string) => void;
  testId: string;
}

/** The month a page of monthly figures shows (the rates, the department ranking). */
export const MonthSelect: Component<MonthSelectProps> = (props) => (
  <label class="filter">
    <span class="filter-label">{props.label}</span>
    <select value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)} data-testid={props.testId}>
      <For each={props.months}>
        {(option) => (
          <option value={option} selected={option === props.value}>
            {option}
          </option>
        )}
      </For>
    </select>
  </label>
);
