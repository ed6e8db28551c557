import type { RouteSectionProps } from '@solidjs/router';
import { type Component, createEffect } from 'solid-js';
import { locale, t } from '../../i18n/index.ts';
import { AppHeader } from './AppHeader.tsx';

/** The frame of every page: skip link, header, the routed page, footer. */
export const Shell: Component<RouteSectionProps> = (props) => {
  // screen readers and font selection follow the interface language
  createEffect(() => {
    document.documentElement.lang = locale();
  });

  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" class="page" tabIndex={-1}>
        {props.children}
      </main>
      <footer class="app-footer">{t('app.footer')}</footer>
    </div>
  );
};
