import { A, useNavigate } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { type Dictionary, t } from '../../i18n/index.ts';
import { errorMessage, invalidFields } from '../../ui/outcome.ts';
import { usePageTitle } from '../shell/title.ts';

const SignInPageMutation = graphql(`
  mutation SignInPageMutation($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInResult {
        session {
          expiresAt
          userId
        }
      }
      ... on TooManyAttemptsError {
        retryAfterSeconds
      }
      ... on InputValidationError {
        issues {
          path
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

type SignInPayload = ResultOf<typeof SignInPageMutation>['signIn'];

const SignInPageQuery = graphql(`
  query SignInPageQuery {
    viewer {
      id
      displayName
    }
  }
`);

const fieldLabels: Record<string, keyof Dictionary['auth']> = { login: 'login', password: 'password' };

/** The message for a failed sign-in, by error type, in the interface language. */
function failureMessage(payload: Exclude<SignInPayload, { __typename: 'SignInResult' }>): string {
  switch (payload.__typename) {
    case 'InvalidCredentialsError':
      return t('auth.invalidCredentials');
    case 'TooManyAttemptsError':
      return t('auth.tooManyAttempts', { seconds: payload.retryAfterSeconds });
    case 'InputValidationError': {
      const fields = invalidFields(payload.issues)
        .map((field) => (fieldLabels[field] ? t(`auth.${fieldLabels[field]}`) : field))
        .join(t('common.listSeparator'));
      return t('auth.invalidInput', { fields });
    }
  }
}

/** Login and password; on success the API sets the session cookie and we go to the org browser. */
export const SignInPage: Component = () => {
  usePageTitle(() => t('auth.title'));
  const navigate = useNavigate();
  const [viewer] = createQuery({ query: SignInPageQuery });
  const [state, signIn] = createMutation(SignInPageMutation);
  const [login, setLogin] = createSignal('');
  const [password, setPassword] = createSignal('');
  // a thunk, not a string, so the message follows a language switch
  const [failure, setFailure] = createSignal<(() => string) | null>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    setFailure(null);
    const result = await signIn({ input: { login: login().trim(), password: password() } });
    const payload = result.data?.signIn;
    if (result.error || !payload) {
      const error = result.error;
      setFailure(() => () => (error ? errorMessage(error) : t('errors.server')));
      return;
    }
    if (payload.__typename === 'SignInResult') {
      navigate('/', { replace: true });
      return;
    }
    setFailure(() => () => failureMessage(payload));
    setPassword('');
  };

  return (
    <section class="panel narrow sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('auth.title')}</h1>
      <p class="lead">{t('auth.intro')}</p>
      <Show when={viewer.data?.viewer}>
        {(current) => (
          <p class="notice" data-testid="already-signed-in">
            {t('auth.alreadySignedIn', { name: current().displayName })}
          </p>
        )}
      </Show>
      <form class="form" onSubmit={(event) => void submit(event)} data-testid="sign-in-form">
        <label class="field">
          <span class="field-label">{t('auth.login')}</span>
          <input
            name="login"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            value={login()}
            onInput={(event) => setLogin(event.currentTarget.value)}
            data-testid="sign-in-login"
          />
        </label>
        <label class="field">
          <span class="field-label">{t('auth.password')}</span>
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password()}
            onInput={(event) => setPassword(event.currentTarget.value)}
            data-testid="sign-in-password"
          />
        </label>
        <Show when={failure()}>
          {(message) => (
            <p class="form-error" role="alert" data-testid="sign-in-error">
              {message()()}
            </p>
          )}
        </Show>
        <button type="submit" class="button button-primary button-wide" disabled={state.fetching} data-testid="sign-in-submit">
          {state.fetching ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
      <p class="aside">
        <A href="/">{t('auth.browseAnonymously')}</A>
      </p>
    </section>
  );
};
