import { A, useLocation } from '@solidjs/router';
import { type Component, For, Show } from 'solid-js';
import type { Role } from '../../graphql/enums.ts';
import { t } from '../../i18n/index.ts';
import { type Section, sectionsFor } from './navigation.ts';

interface MainNavProps {
  roles: Role[];
  /** a resident is signed in with no role */
  signedIn: boolean;
}

/** The sections of the hub for the viewer's roles; those not built yet follow, disabled, under "coming soon". */
export const MainNav: Component<MainNavProps> = (props) => {
  const location = useLocation();
  const sections = () => sectionsFor(props.roles, props.signedIn);
  const ready = () => sections().filter((section) => section.href !== null);
  const soon = () => sections().filter((section) => section.href === null);
  const current = (section: Section) => section.paths?.some((path) => path.test(location.pathname)) ?? false;

  return (
    <nav class="main-nav" aria-label={t('nav.label')}>
      <ul>
        <For each={ready()}>
          {(section) => (
            <li data-testid={`nav-${section.key}`}>
              <A
                href={section.href!}
                class="nav-item"
                classList={{ 'nav-item-active': current(section) }}
                activeClass=""
                inactiveClass=""
                aria-current={current(section) ? 'page' : undefined}
              >
                {t(`nav.${section.key}`)}
              </A>
            </li>
          )}
        </For>
        <Show when={soon().length > 0}>
          <li class="nav-soon-label" aria-hidden="true">
            {t('nav.comingSoon')}
          </li>
          <For each={soon()}>
            {(section) => (
              <li data-testid={`nav-${section.key}`}>
                <span class="nav-item nav-item-soon" aria-disabled="true" title={t('nav.comingSoon')}>
                  {t(`nav.${section.key}`)}
                  <span class="visually-hidden">{t('nav.comingSoonSuffix')}</span>
                </span>
              </li>
            )}
          </For>
        </Show>
      </ul>
    </nav>
  );
};
