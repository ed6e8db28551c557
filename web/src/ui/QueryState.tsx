import type { CombinedError } from '@urql/core';
import { type Component, type JSX, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { errorMessage } from './outcome.ts';

/** A polite "loading" line for screen readers and eyes. */
export const Loading: Component = () => (
  <p class="status status-loading" role="status" data-testid="loading">
    <span class="spinner" aria-hidden="true" />
    {t('common.loading')}
  </p>
);

interface ErrorNoticeProps {
  error: CombinedError;
  onRetry?: () => void;
}

/** A failed request, in the interface language, with a retry button. */
export const ErrorNotice: Component<ErrorNoticeProps> = (props) => (
  <div class="status status-error" role="alert" data-testid="error">
    <p>{errorMessage(props.error)}</p>
    <Show when={props.onRetry}>
      {(retry) => (
        <button type="button" class="button" onClick={() => retry()()}>
          {t('errors.retry')}
        </button>
      )}
    </Show>
  </div>
);

interface QueryStateProps {
  state: { fetching: boolean; data?: unknown; error?: CombinedError };
  onRetry: () => void;
  children: JSX.Element;
}

/** Loading until the first result, an error notice when there is nothing to show, else the children. */
export const QueryState: Component<QueryStateProps> = (props) => (
  <Show
    when={props.state.data}
    fallback={
      <Show when={props.state.error && !props.state.fetching} fallback={<Loading />}>
        <ErrorNotice error={props.state.error!} onRetry={props.onRetry} />
      </Show>
    }
  >
    {props.children}
  </Show>
);
