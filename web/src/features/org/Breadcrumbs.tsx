import { A } from '@solidjs/router';
import { type Component, For, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';

export type OrgLevel = 'district' | 'street' | 'community' | 'gridCell';

export interface Crumb {
  level: OrgLevel;
  label: string;
  href: string;
}

interface BreadcrumbsProps {
  /** from the district down; the last crumb is the current page */
  trail: Crumb[];
}

/** 北京市 › 东城区 › 前门街道 › 草厂社区 › 第1网格 */
export const Breadcrumbs: Component<BreadcrumbsProps> = (props) => (
  <nav class="breadcrumbs" aria-label={t('org.breadcrumbs')} data-testid="breadcrumbs">
    <ol>
      <li data-testid="crumb-root">
        <Show when={props.trail.length > 0} fallback={<span aria-current="page">{t('org.root')}</span>}>
          <A href="/" end>
            {t('org.root')}
          </A>
        </Show>
      </li>
      <For each={props.trail}>
        {(crumb, index) => (
          <li data-testid={`crumb-${crumb.level}`}>
            <Show when={index() < props.trail.length - 1} fallback={<span aria-current="page">{crumb.label}</span>}>
              <A href={crumb.href} end>
                {crumb.label}
              </A>
            </Show>
          </li>
        )}
      </For>
    </ol>
  </nav>
);
