import { type Component, For, Show } from 'solid-js';
import { type FragmentOf, graphql, readFragment, type ResultOf } from '../../graphql/graphql.ts';
import { t, unitName } from '../../i18n/index.ts';
import { OrgUnitFields } from '../org/orgUnit.ts';

/** What the badge shows of the signed-in user. */
export const ViewerBadgeFields = graphql(
  `
    fragment ViewerBadgeFields on User {
      displayName
      roles {
        id
        role
        district {
          ...OrgUnitFields
        }
        street {
          ...OrgUnitFields
        }
        community {
          ...OrgUnitFields
        }
        department {
          ...OrgUnitFields
        }
        gridCell {
          ...OrgUnitFields
        }
      }
    }
  `,
  [OrgUnitFields],
);

type Assignment = ResultOf<typeof ViewerBadgeFields>['roles'][number];

/** "街道工作人员 · 前门街道": the role, and the unit it is held in when it has one. */
export function describeRole(assignment: Assignment): string {
  const role = t(`roles.${assignment.role}`);
  const unit = assignment.street ?? assignment.community ?? assignment.department ?? assignment.district;
  // grid cells have a Chinese name only
  const unitLabel = unit ? unitName(unit) : assignment.gridCell?.name;
  return unitLabel ? t('viewer.roleInUnit', { role, unit: unitLabel }) : role;
}

interface ViewerBadgeProps {
  viewer: FragmentOf<typeof ViewerBadgeFields>;
}

/** Who is signed in, with each role and the unit it is held in. */
export const ViewerBadge: Component<ViewerBadgeProps> = (props) => {
  const viewer = () => readFragment(ViewerBadgeFields, props.viewer);
  return (
    <section class="viewer-badge" aria-label={t('viewer.label')}>
      <span class="viewer-name" lang="zh-CN" data-testid="viewer-name">
        {viewer().displayName}
      </span>
      <Show when={viewer().roles.length > 0} fallback={<span class="viewer-roles">{t('viewer.noRoles')}</span>}>
        <ul class="viewer-roles" aria-label={t('viewer.roles')} data-testid="viewer-roles">
          <For each={viewer().roles}>{(assignment) => <li data-testid={`viewer-role-${assignment.role}`}>{describeRole(assignment)}</li>}</For>
        </ul>
      </Show>
    </section>
  );
};
