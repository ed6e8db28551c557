import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';

const SignOutButtonMutation = graphql(`
  mutation SignOutButtonMutation {
    signOut {
      signedOut
    }
  }
`);

/** Ends the session (the API clears the cookie); the cache forgets everything seen while signed in. */
export const SignOutButton: Component = () => {
  const [state, signOut] = createMutation(SignOutButtonMutation);
  const [failed, setFailed] = createSignal(false);
  const navigate = useNavigate();

  const submit = async () => {
    setFailed(false);
    const result = await signOut({});
    if (result.error) setFailed(true);
    else navigate('/');
  };

  return (
    <>
      <button type="button" class="button" disabled={state.fetching} onClick={() => void submit()} data-testid="sign-out">
        {state.fetching ? t('auth.signingOut') : t('auth.signOut')}
      </button>
      <Show when={failed()}>
        <span class="inline-error" role="alert">
          {t('auth.signOutFailed')}
        </span>
      </Show>
    </>
  );
};
