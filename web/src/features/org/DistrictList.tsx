import { createQuery } from '@urql/solid';
import type { Component } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t, unitName } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePageTitle } from '../shell/title.ts';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { OrgUnitFields } from './orgUnit.ts';
import { PageHeading } from './PageHeading.tsx';
import { orgPath } from './paths.ts';
import { UnitGrid } from './UnitGrid.tsx';

const DistrictListQuery = graphql(
  `
    query DistrictListQuery {
      districts(first: 50) {
        edges {
          node {
            ...OrgUnitFields
          }
        }
      }
    }
  `,
  [OrgUnitFields],
);

/** The start of the org tree: every district of the city. */
export const DistrictList: Component = () => {
  usePageTitle(() => t('org.title'));
  const [result, reexecute] = createQuery({ query: DistrictListQuery });
  const districts = () => result.data?.districts.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <Breadcrumbs trail={[]} />
      <PageHeading title={t('org.title')} subtitle={t('org.districtsIntro')} />
      <section class="section" aria-labelledby="districts-heading">
        <div class="section-heading">
          <h2 id="districts-heading">{t('org.districtsHeading')}</h2>
          <span class="count" data-testid="count-districts">
            {t('org.districtCount', { count: districts().length })}
          </span>
        </div>
        <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
          <UnitGrid
            label={t('org.districtsHeading')}
            items={districts().map((district) => ({
              code: district.code,
              testId: `district-${district.code}`,
              href: orgPath(district.code),
              title: unitName(district),
            }))}
          />
        </QueryState>
      </section>
    </>
  );
};
