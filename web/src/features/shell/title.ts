import { createEffect } from 'solid-js';
import { t } from '../../i18n/index.ts';

/** Keeps document.title at "<page> · <product>" in the current language. */
export function usePageTitle(page: () => string | undefined) {
  createEffect(() => {
    const name = page();
    document.title = name ? t('app.title', { page: name }) : t('app.fullName');
  });
}
