import { A } from '@solidjs/router';
import { type Component, For, type JSX, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';

export interface UnitItem {
  code: string;
  testId: string;
  href: string;
  title: string;
  /** a second line, e.g. the grid worker */
  detail?: JSX.Element;
  /** a short tag, e.g. 街道 / 乡镇 */
  badge?: string;
}

interface UnitGridProps {
  items: UnitItem[];
  label: string;
}

/** The units one level down, as large cards that lead to them. */
export const UnitGrid: Component<UnitGridProps> = (props) => (
  <Show when={props.items.length > 0} fallback={<p class="empty">{t('org.empty')}</p>}>
    <ul class="unit-grid" aria-label={props.label}>
      <For each={props.items}>
        {(item) => (
          <li data-testid={item.testId}>
            <A href={item.href} class="unit-card">
              <span class="unit-card-head">
                <span class="unit-title">{item.title}</span>
                <Show when={item.badge}>{(badge) => <span class="badge">{badge()}</span>}</Show>
              </span>
              <Show when={item.detail}>
                <span class="unit-detail">{item.detail}</span>
              </Show>
              <span class="unit-code">
                <span class="visually-hidden">{t('common.code')} </span>
                {item.code}
              </span>
            </A>
          </li>
        )}
      </For>
    </ul>
  </Show>
);
