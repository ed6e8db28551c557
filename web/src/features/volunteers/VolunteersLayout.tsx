import { type RouteSectionProps, useLocation } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { SectionTabs } from '../../ui/SectionTabs.tsx';
import { SignInRequired } from '../../ui/SignInRequired.tsx';
import { usePageTitle } from '../shell/title.ts';
import { type VolunteerTab, volunteerTabOf, volunteerTabPath } from './paths.ts';
import { isCommunityStaff, type VolunteerViewer, VolunteerViewerContext, VolunteerViewerFields } from './volunteerViewer.ts';

const VolunteersLayoutQuery = graphql(
  `
    query VolunteersLayoutQuery {
      ...VolunteerViewerFields
    }
  `,
  [VolunteerViewerFields],
);

/** The volunteers section (双报到): the viewer (signed in, or a sign-in prompt), its tabs, the page. */
export const VolunteersLayout: Component<RouteSectionProps> = (props) => {
  const [result, reexecute] = createQuery({ query: VolunteersLayoutQuery });
  const location = useLocation();
  usePageTitle(() => t('volunteers.title'));
  const tabs = (viewer: VolunteerViewer) => {
    const keys: VolunteerTab[] = ['posts'];
    if (viewer.myPartyMember) keys.push('mine');
    if (isCommunityStaff(viewer)) keys.push('verify');
    keys.push('reports', 'calls');
    return keys.map((key) => ({ href: volunteerTabPath(key), label: t(`volunteers.nav.${key}`), current: volunteerTabOf(location.pathname) === key, testId: `volunteers-tab-${key}` }));
  };

  return (
    <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      <Show when={result.data?.viewer ? result.data : null} fallback={<SignInRequired title={t('volunteers.title')} text={t('volunteers.signInRequired')} testId="volunteers-sign-in" />}>
        {(viewer) => (
          <VolunteerViewerContext.Provider value={viewer}>
            <SectionTabs label={t('volunteers.sectionNav')} tabs={tabs(viewer())} />
            {props.children}
          </VolunteerViewerContext.Provider>
        )}
      </Show>
    </QueryState>
  );
};
