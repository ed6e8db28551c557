import type { RouteSectionProps } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { SignInRequired } from '../../ui/SignInRequired.tsx';
import { usePageTitle } from '../shell/title.ts';

const CouncilsLayoutQuery = graphql(`
  query CouncilsLayoutQuery {
    viewer {
      id
    }
  }
`);

/** The councils section (议事厅): a community's public record, for anyone signed in; a sign-in prompt otherwise. */
export const CouncilsLayout: Component<RouteSectionProps> = (props) => {
  const [result, reexecute] = createQuery({ query: CouncilsLayoutQuery });
  usePageTitle(() => (result.data && !result.data.viewer ? t('councils.title') : undefined));
  return (
    <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      <Show when={result.data?.viewer} fallback={<SignInRequired title={t('councils.title')} text={t('councils.signInRequired')} testId="councils-sign-in" />}>
        {props.children}
      </Show>
    </QueryState>
  );
};
