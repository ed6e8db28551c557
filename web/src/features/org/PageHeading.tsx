import { type Component, type JSX, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';

interface PageHeadingProps {
  title: string;
  code?: string;
  badge?: string;
  /** a line under the title, e.g. the Chinese name on an English page */
  subtitle?: JSX.Element;
}

/** The name of the unit on show, its kind and its code. */
export const PageHeading: Component<PageHeadingProps> = (props) => (
  <div class="page-heading">
    <h1 data-testid="page-title">{props.title}</h1>
    <div class="page-heading-meta">
      <Show when={props.badge}>{(badge) => <span class="badge badge-strong">{badge()}</span>}</Show>
      <Show when={props.code}>
        {(code) => (
          <span class="code-chip">
            <span class="code-chip-label">{t('common.code')}</span>
            {code()}
          </span>
        )}
      </Show>
    </div>
    <Show when={props.subtitle}>
      <p class="page-subtitle">{props.subtitle}</p>
    </Show>
  </div>
);
