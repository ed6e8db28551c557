import { type RouteSectionProps, useLocation } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { SectionTabs } from '../../ui/SectionTabs.tsx';
import { SignInRequired } from '../../ui/SignInRequired.tsx';
import { usePageTitle } from '../shell/title.ts';
import { type WhistleTab, WHISTLES_PATH, whistleTabOf } from './paths.ts';
import { mayBlow, type WhistleViewer, WhistleViewerContext, WhistleViewerFields } from './whistleViewer.ts';

const WhistlesLayoutQuery = graphql(
  `
    query WhistlesLayoutQuery {
      viewer {
        ...WhistleViewerFields
      }
    }
  `,
  [WhistleViewerFields],
);

/** The whistles section (吹哨报到, 下评上): the viewer (signed in, or a sign-in prompt), its tabs, the page. */
export const WhistlesLayout: Component<RouteSectionProps> = (props) => {
  const [result, reexecute] = createQuery({ query: WhistlesLayoutQuery });
  const location = useLocation();
  const viewer = () => result.data?.viewer ?? null;
  usePageTitle(() => (viewer() === null && result.data ? t('whistles.title') : undefined));
  const tabs = (current: WhistleViewer) => {
    const keys: WhistleTab[] = mayBlow(current) ? ['board', 'new', 'ranking'] : ['board', 'ranking'];
    return keys.map((key) => ({
      href: key === 'board' ? WHISTLES_PATH : `${WHISTLES_PATH}/${key}`,
      label: t(`whistles.nav.${key}`),
      current: whistleTabOf(location.pathname) === key,
      testId: `whistles-tab-${key}`,
    }));
  };

  return (
    <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      <Show when={viewer()} fallback={<SignInRequired title={t('whistles.title')} text={t('whistles.signInRequired')} testId="whistles-sign-in" />}>
        {(current) => (
          <WhistleViewerContext.Provider value={current}>
            <SectionTabs label={t('whistles.sectionNav')} tabs={tabs(current())} />
            {props.children}
          </WhistleViewerContext.Provider>
        )}
      </Show>
    </QueryState>
  );
};
