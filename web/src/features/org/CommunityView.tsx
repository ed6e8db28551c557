import { createQuery } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t, unitName } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePageTitle } from '../shell/title.ts';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { useCanonicalPath } from './canonical.ts';
import { GridMap } from './GridMap.tsx';
import { gridCellName } from './names.ts';
import { NotFoundNotice } from './NotFoundNotice.tsx';
import { OrgUnitFields } from './orgUnit.ts';
import { PageHeading } from './PageHeading.tsx';
import { orgPath } from './paths.ts';
import { UnitGrid } from './UnitGrid.tsx';

const CommunityViewQuery = graphql(
  `
    query CommunityViewQuery($code: String!) {
      community(code: $code) {
        ...OrgUnitFields
        kind
        street {
          ...OrgUnitFields
          district {
            ...OrgUnitFields
          }
        }
        gridCells(first: 100) {
          totalCount
          edges {
            node {
              ...OrgUnitFields
              polygon
              centroid {
                lng
                lat
              }
              gridWorker {
                id
                name
                phone
              }
            }
          }
        }
      }
    }
  `,
  [OrgUnitFields],
);

interface CommunityViewProps {
  code: string;
}

/** One community or village: its grid cells, their grid workers, and a sketch of where they lie. */
export const CommunityView: Component<CommunityViewProps> = (props) => {
  const [result, reexecute] = createQuery({ query: CommunityViewQuery, variables: () => ({ code: props.code }) });
  const community = () => result.data?.community;
  usePageTitle(() => (community() ? unitName(community()!) : t('org.title')));
  useCanonicalPath(() => {
    const found = community();
    return found ? orgPath(found.street.district.code, found.street.code, found.code) : undefined;
  });

  return (
    <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      <Show when={community()} fallback={<NotFoundNotice message={t('org.notFound.community', { code: props.code })} />}>
        {(community) => {
          const street = () => community().street;
          const path = (...more: string[]) => orgPath(street().district.code, street().code, community().code, ...more);
          const cells = () => community().gridCells.edges.map((edge) => edge.node);
          return (
            <>
              <Breadcrumbs
                trail={[
                  { level: 'district', label: unitName(street().district), href: orgPath(street().district.code) },
                  { level: 'street', label: unitName(street()), href: orgPath(street().district.code, street().code) },
                  { level: 'community', label: unitName(community()), href: path() },
                ]}
              />
              <PageHeading title={unitName(community())} badge={t(`org.communityKind.${community().kind}`)} code={community().code} />
              <section class="section" aria-labelledby="gridcells-heading">
                <div class="section-heading">
                  <h2 id="gridcells-heading">{t('org.gridCellsHeading')}</h2>
                  <span class="count" data-testid="count-gridcells">
                    {t('org.gridCellCount', { count: community().gridCells.totalCount ?? 0 })}
                  </span>
                </div>
                <div class="split">
                  <UnitGrid
                    label={t('org.gridCellsHeading')}
                    items={cells().map((cell) => ({
                      code: cell.code,
                      testId: `gridcell-${cell.code}`,
                      href: path(cell.code),
                      title: gridCellName(cell),
                      detail: (
                        <Show when={cell.gridWorker} fallback={<span class="muted">{t('org.noGridWorker')}</span>}>
                          {(worker) => (
                            <>
                              <span class="label">{t('org.gridWorker')}</span> <span lang="zh-CN">{worker().name}</span>
                              <Show when={worker().phone}>
                                {(phone) => <span class="unit-phone">{phone()}</span>}
                              </Show>
                            </>
                          )}
                        </Show>
                      ),
                    }))}
                  />
                  <GridMap
                    label={t('org.map', { name: unitName(community()) })}
                    cells={cells().map((cell) => ({ code: cell.code, name: gridCellName(cell), polygon: cell.polygon, href: path(cell.code) }))}
                  />
                </div>
              </section>
            </>
          );
        }}
      </Show>
    </QueryState>
  );
};
