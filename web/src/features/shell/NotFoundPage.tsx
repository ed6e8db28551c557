import { A } from '@solidjs/router';
import type { Component } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { usePageTitle } from './title.ts';

/** Any address the app does not know. */
export const NotFoundPage: Component = () => {
  usePageTitle(() => t('notFound.title'));
  return (
    <section class="panel narrow" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <A href="/" class="button button-primary">
        {t('notFound.back')}
      </A>
    </section>
  );
};
