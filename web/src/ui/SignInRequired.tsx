import { A } from '@solidjs/router';
import type { Component } from 'solid-js';
import { t } from '../i18n/index.ts';

interface SignInRequiredProps {
  title: string;
  text: string;
  testId: string;
}

/** A section that needs a signed-in user, shown to an anonymous visitor: why, and the way to sign in. */
export const SignInRequired: Component<SignInRequiredProps> = (props) => (
  <section class="panel narrow" data-testid={props.testId}>
    <h1>{props.title}</h1>
    <p>{props.text}</p>
    <A href="/sign-in" class="button button-primary">
      {t('auth.signIn')}
    </A>
  </section>
);
