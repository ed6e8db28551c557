import { createQuery } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t, unitName } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePageTitle } from '../shell/title.ts';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { useCanonicalPath } from './canonical.ts';
import { NotFoundNotice } from './NotFoundNotice.tsx';
import { OrgUnitFields } from './orgUnit.ts';
import { PageHeading } from './PageHeading.tsx';
import { orgPath } from './paths.ts';
import { UnitGrid } from './UnitGrid.tsx';

const StreetViewQuery = graphql(
  `
    query StreetViewQuery($code: String!) {
      street(code: $code) {
        ...OrgUnitFields
        kind
        district {
          ...OrgUnitFields
        }
        communities(first: 100) {
          totalCount
          edges {
            node {
              ...OrgUnitFields
              kind
            }
          }
        }
      }
    }
  `,
  [OrgUnitFields],
);

interface StreetViewProps {
  code: string;
}

/** One street office or township and its communities and villages. */
export const StreetView: Component<StreetViewProps> = (props) => {
  const [result, reexecute] = createQuery({ query: StreetViewQuery, variables: () => ({ code: props.code }) });
  const street = () => result.data?.street;
  usePageTitle(() => (street() ? unitName(street()!) : t('org.title')));
  useCanonicalPath(() => {
    const found = street();
    return found ? orgPath(found.district.code, found.code) : undefined;
  });

  return (
    <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      <Show when={street()} fallback={<NotFoundNotice message={t('org.notFound.street', { code: props.code })} />}>
        {(street) => (
          <>
            <Breadcrumbs
              trail={[
                { level: 'district', label: unitName(street().district), href: orgPath(street().district.code) },
                { level: 'street', label: unitName(street()), href: orgPath(street().district.code, street().code) },
              ]}
            />
            <PageHeading title={unitName(street())} badge={t(`org.streetKind.${street().kind}`)} code={street().code} />
            <section class="section" aria-labelledby="communities-heading">
              <div class="section-heading">
                <h2 id="communities-heading">{t('org.communitiesHeading')}</h2>
                <span class="count" data-testid="count-communities">
                  {t('org.communityCount', { count: street().communities.totalCount ?? 0 })}
                </span>
              </div>
              <UnitGrid
                label={t('org.communitiesHeading')}
                items={street().communities.edges.map(({ node: community }) => ({
                  code: community.code,
                  testId: `community-${community.code}`,
                  href: orgPath(street().district.code, street().code, community.code),
                  title: unitName(community),
                  badge: t(`org.communityKind.${community.kind}`),
                }))}
              />
            </section>
          </>
        )}
      </Show>
    </QueryState>
  );
};
