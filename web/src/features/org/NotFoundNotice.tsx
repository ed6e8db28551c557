import { A } from '@solidjs/router';
import type { Component } from 'solid-js';
import { t } from '../../i18n/index.ts';

interface NotFoundNoticeProps {
  message: string;
}

/** A code in the address that names no unit. */
export const NotFoundNotice: Component<NotFoundNoticeProps> = (props) => (
  <section class="panel narrow" data-testid="not-found">
    <h1>{t('notFound.title')}</h1>
    <p>{props.message}</p>
    <A href="/" class="button button-primary">
      {t('notFound.back')}
    </A>
  </section>
);
