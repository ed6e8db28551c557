import { type Component, For } from 'solid-js';

/** A column of a data table: its heading, right-aligned for figures, or read to screen readers only (a column of buttons). */
export interface TableColumn {
  label: string;
  num?: boolean;
  hidden?: boolean;
}

/** The heading row of a data table (rankings, lists of figures). */
export const TableHead: Component<{ columns: readonly TableColumn[] }> = (props) => (
  <thead>
    <tr>
      <For each={props.columns}>
        {(column) => (
          <th scope="col" class={column.num ? 'num' : undefined}>
            {column.hidden ? <span class="visually-hidden">{column.label}</span> : column.label}
          </th>
        )}
      </For>
    </tr>
  </thead>
);
