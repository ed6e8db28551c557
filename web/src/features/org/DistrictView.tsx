import { createQuery } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t, unitName } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePageTitle } from '../shell/title.ts';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { NotFoundNotice } from './NotFoundNotice.tsx';
import { OrgUnitFields } from './orgUnit.ts';
import { PageHeading } from './PageHeading.tsx';
import { orgPath } from './paths.ts';
import { UnitGrid } from './UnitGrid.tsx';

const DistrictViewQuery = graphql(
  `
    query DistrictViewQuery($code: String!) {
      district(code: $code) {
        ...OrgUnitFields
        streets(first: 100) {
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

interface DistrictViewProps {
  code: string;
}

/** One district and its street offices and townships. */
export const DistrictView: Component<DistrictViewProps> = (props) => {
  const [result, reexecute] = createQuery({ query: DistrictViewQuery, variables: () => ({ code: props.code }) });
  const district = () => result.data?.district;
  usePageTitle(() => (district() ? unitName(district()!) : t('org.title')));

  return (
    <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      <Show when={district()} fallback={<NotFoundNotice message={t('org.notFound.district', { code: props.code })} />}>
        {(district) => (
          <>
            <Breadcrumbs trail={[{ level: 'district', label: unitName(district()), href: orgPath(district().code) }]} />
            <PageHeading title={unitName(district())} badge={t('org.district')} code={district().code} />
            <section class="section" aria-labelledby="streets-heading">
              <div class="section-heading">
                <h2 id="streets-heading">{t('org.streetsHeading')}</h2>
                <span class="count" data-testid="count-streets">
                  {t('org.streetCount', { count: district().streets.totalCount ?? 0 })}
                </span>
              </div>
              <UnitGrid
                label={t('org.streetsHeading')}
                items={district().streets.edges.map(({ node: street }) => ({
                  code: street.code,
                  testId: `street-${street.code}`,
                  href: orgPath(district().code, street.code),
                  title: unitName(street),
                  badge: t(`org.streetKind.${street.kind}`),
                }))}
              />
            </section>
          </>
        )}
      </Show>
    </QueryState>
  );
};
