import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { locale, t, unitName } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePageTitle } from '../shell/title.ts';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { useCanonicalPath } from './canonical.ts';
import { GridMap } from './GridMap.tsx';
import { formatLngLat, gridCellName } from './names.ts';
import { NotFoundNotice } from './NotFoundNotice.tsx';
import { OrgUnitFields } from './orgUnit.ts';
import { PageHeading } from './PageHeading.tsx';
import { orgPath } from './paths.ts';
import { PhoneNumber } from './PhoneNumber.tsx';

const GridCellViewQuery = graphql(
  `
    query GridCellViewQuery($code: String!, $after: String) {
      gridCell(code: $code) {
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
        community {
          ...OrgUnitFields
          street {
            ...OrgUnitFields
            district {
              ...OrgUnitFields
            }
          }
          gridCells(first: 100) {
            edges {
              node {
                ...OrgUnitFields
                polygon
              }
            }
          }
        }
        assets(first: 50, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              id
              code
              kind
              kindName
              address
              location {
                lng
                lat
              }
            }
          }
        }
      }
    }
  `,
  [OrgUnitFields],
);

interface GridCellViewProps {
  code: string;
}

/** One grid cell: its grid worker, where it lies, and the city components in it. */
export const GridCellView: Component<GridCellViewProps> = (props) => {
  // Graphcache's relayPagination merges the pages, so asking for the next page returns all so far
  const [after, setAfter] = createSignal<string | null>(null);
  const [result, reexecute] = createQuery({ query: GridCellViewQuery, variables: () => ({ code: props.code, after: after() }) });
  const cell = () => result.data?.gridCell;
  usePageTitle(() => (cell() ? gridCellName(cell()!) : t('org.title')));
  useCanonicalPath(() => {
    const found = cell();
    if (!found) return undefined;
    const { community } = found;
    return orgPath(community.street.district.code, community.street.code, community.code, found.code);
  });

  return (
    <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      <Show when={cell()} fallback={<NotFoundNotice message={t('org.notFound.gridCell', { code: props.code })} />}>
        {(cell) => {
          const community = () => cell().community;
          const street = () => community().street;
          const communityPath = (...more: string[]) => orgPath(street().district.code, street().code, community().code, ...more);
          const assets = () => cell().assets.edges.map((edge) => edge.node);
          return (
            <>
              <Breadcrumbs
                trail={[
                  { level: 'district', label: unitName(street().district), href: orgPath(street().district.code) },
                  { level: 'street', label: unitName(street()), href: orgPath(street().district.code, street().code) },
                  { level: 'community', label: unitName(community()), href: communityPath() },
                  { level: 'gridCell', label: gridCellName(cell()), href: communityPath(cell().code) },
                ]}
              />
              <PageHeading
                title={gridCellName(cell())}
                badge={t('org.gridCell')}
                code={cell().code}
                subtitle={
                  <Show when={locale() === 'en'}>
                    <span lang="zh-CN">{cell().name}</span>
                  </Show>
                }
              />
              <div class="split">
                <div class="stack">
                  <section class="panel" aria-labelledby="gridcell-facts-heading">
                    <h2 id="gridcell-facts-heading">{t('org.gridCellFacts')}</h2>
                    <dl class="facts">
                      <div>
                        <dt>{t('org.gridWorker')}</dt>
                        <dd>
                          <Show when={cell().gridWorker} fallback={<span class="muted">{t('org.noGridWorker')}</span>}>
                            {(worker) => (
                              <span lang="zh-CN" data-testid="gridworker-name">
                                {worker().name}
                              </span>
                            )}
                          </Show>
                        </dd>
                      </div>
                      <Show when={cell().gridWorker}>
                        {(worker) => (
                          <div>
                            <dt>{t('org.phone')}</dt>
                            <dd>
                              <Show when={worker().phone} fallback={<span class="muted">{t('org.notRecorded')}</span>}>
                                {(phone) => <PhoneNumber phone={phone()} explain />}
                              </Show>
                            </dd>
                          </div>
                        )}
                      </Show>
                      <div>
                        <dt>{t('org.inCommunity')}</dt>
                        <dd>
                          <A href={communityPath()}>{unitName(community())}</A>
                        </dd>
                      </div>
                      <div>
                        <dt>{t('org.centroid')}</dt>
                        <dd>{formatLngLat(cell().centroid)}</dd>
                      </div>
                    </dl>
                  </section>
                  <section class="section" aria-labelledby="assets-heading">
                    <div class="section-heading">
                      <h2 id="assets-heading">{t('org.assetsHeading')}</h2>
                      <span class="count" data-testid="count-assets">
                        {t('org.assetCount', { count: cell().assets.totalCount ?? 0 })}
                      </span>
                    </div>
                    <Show when={assets().length > 0} fallback={<p class="empty">{t('org.noAssets')}</p>}>
                      <table class="table" data-testid="assets-table">
                        <thead>
                          <tr>
                            <th scope="col">{t('org.assetCode')}</th>
                            <th scope="col">{t('org.assetKind')}</th>
                            <th scope="col">{t('org.assetAddress')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={assets()}>
                            {(asset) => (
                              <tr data-testid={`asset-${asset.code}`}>
                                <td class="mono">{asset.code}</td>
                                <td lang="zh-CN">{asset.kindName}</td>
                                <td lang="zh-CN">{asset.address ?? <span class="muted">{t('org.notRecorded')}</span>}</td>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                      <Show when={cell().assets.pageInfo?.hasNextPage}>
                        <button
                          type="button"
                          class="button"
                          disabled={result.fetching}
                          onClick={() => setAfter(cell().assets.pageInfo?.endCursor ?? null)}
                        >
                          {t('common.loadMore')}
                        </button>
                      </Show>
                    </Show>
                  </section>
                </div>
                <GridMap
                  label={t('org.map', { name: gridCellName(cell()) })}
                  current={cell().code}
                  cells={community().gridCells.edges.map(({ node }) => ({
                    code: node.code,
                    name: gridCellName(node),
                    polygon: node.polygon,
                    href: communityPath(node.code),
                  }))}
                  points={assets().map((asset) => ({ code: asset.code, label: `${asset.kindName} ${asset.code}`, ...asset.location }))}
                />
              </div>
            </>
          );
        }}
      </Show>
    </QueryState>
  );
};
