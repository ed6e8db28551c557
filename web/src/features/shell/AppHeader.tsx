import { A, useLocation } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { MainNav } from './MainNav.tsx';
import { SignOutButton } from './SignOutButton.tsx';
import { ViewerBadge, ViewerBadgeFields } from './ViewerBadge.tsx';

const AppHeaderQuery = graphql(
  `
    query AppHeaderQuery {
      viewer {
        id
        roles {
          id
          role
        }
        ...ViewerBadgeFields
      }
    }
  `,
  [ViewerBadgeFields],
);

/** Product name, the sections the viewer works in, the viewer, sign-in/out and the language switch. */
export const AppHeader: Component = () => {
  const [result] = createQuery({ query: AppHeaderQuery });
  const viewer = () => result.data?.viewer ?? null;
  // until the first answer nobody is known; anonymous then, so the sign-in link does not flash for members
  const known = () => result.data !== undefined || result.error !== undefined;
  const location = useLocation();

  return (
    <header class="app-header">
      <div class="app-header-inner">
        <A href="/" class="brand" end>
          <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" />
            <circle cx="13" cy="18" r="7" />
            <path d="M17 11h10v5h-8" />
          </svg>
          <span class="brand-name">{t('app.name')}</span>
          <span class="brand-tagline">{t('app.tagline')}</span>
        </A>
        <MainNav roles={viewer()?.roles.map((assignment) => assignment.role) ?? []} signedIn={viewer() !== null} />
        <div class="app-header-tools">
          <LocaleSwitch />
          <Show when={known()}>
            <Show
              when={viewer()}
              fallback={
                <Show when={location.pathname !== '/sign-in'}>
                  <A href="/sign-in" class="button button-primary" data-testid="sign-in-link">
                    {t('auth.signIn')}
                  </A>
                </Show>
              }
            >
              {(current) => (
                <>
                  <ViewerBadge viewer={current()} />
                  <SignOutButton />
                </>
              )}
            </Show>
          </Show>
        </div>
      </div>
    </header>
  );
};
