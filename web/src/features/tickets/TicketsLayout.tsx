import { type RouteSectionProps, useLocation } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { SectionTabs } from '../../ui/SectionTabs.tsx';
import { SignInRequired } from '../../ui/SignInRequired.tsx';
import { usePageTitle } from '../shell/title.ts';
import { TICKETS_PATH } from './paths.ts';
import { isStaff, type TicketViewer, TicketViewerContext, TicketViewerFields } from './ticketViewer.ts';

const TicketsLayoutQuery = graphql(
  `
    query TicketsLayoutQuery {
      viewer {
        ...TicketViewerFields
      }
    }
  `,
  [TicketViewerFields],
);

interface Tab {
  key: 'inbox' | 'mine' | 'new' | 'rates' | 'hotspots';
  href: string;
  /** the paths it is "you are here" for */
  current: (path: string) => boolean;
}

/** The section's own pages, which are not ticket numbers. */
const SECTION_PAGES = ['new', 'rates', 'hotspots'];

/** The tickets section: the viewer (signed in, or a sign-in prompt), its tabs, and the page. */
export const TicketsLayout: Component<RouteSectionProps> = (props) => {
  const [result, reexecute] = createQuery({ query: TicketsLayoutQuery });
  const location = useLocation();
  const viewer = () => result.data?.viewer ?? null;
  usePageTitle(() => (viewer() === null && result.data ? t('tickets.title') : undefined));

  const page = (name: string): Tab['current'] => (path) => path === `${TICKETS_PATH}/${name}`;
  const tabs = (current: TicketViewer): Tab[] => [
    {
      key: isStaff(current) ? 'inbox' : 'mine',
      href: TICKETS_PATH,
      // the inbox and every ticket opened from it
      current: (path) => path === TICKETS_PATH || (/^\/tickets\/[^/]+$/.test(path) && !SECTION_PAGES.some((name) => page(name)(path))),
    },
    { key: 'new', href: `${TICKETS_PATH}/new`, current: page('new') },
    // the figures are for staff; a resident follows the own tickets
    ...(isStaff(current)
      ? ([
          { key: 'rates', href: `${TICKETS_PATH}/rates`, current: page('rates') },
          { key: 'hotspots', href: `${TICKETS_PATH}/hotspots`, current: page('hotspots') },
        ] satisfies Tab[])
      : []),
  ];

  return (
    <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      <Show
        when={viewer()}
        fallback={<SignInRequired title={t('tickets.title')} text={t('tickets.signInRequired')} testId="tickets-sign-in" />}
      >
        {(current) => (
          <TicketViewerContext.Provider value={current}>
            <SectionTabs
              label={t('tickets.sectionNav')}
              tabs={tabs(current()).map((tab) => ({
                href: tab.href,
                label: t(`tickets.nav.${tab.key}`),
                current: tab.current(location.pathname),
                testId: `tickets-tab-${tab.key}`,
              }))}
            />
            {props.children}
          </TicketViewerContext.Provider>
        )}
      </Show>
    </QueryState>
  );
};
