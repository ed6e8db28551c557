import { type Component, For, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { describeRole, type Viewer } from './viewer.ts';

interface ViewerBadgeProps {
  viewer: Viewer;
}

/** Who is signed in, with each role and the unit it is held in. */
export const ViewerBadge: Component<ViewerBadgeProps> = (props) => (
  <section class="viewer-badge" aria-label={t('viewer.label')}>
    <span class="viewer-name" lang="zh-CN" data-testid="viewer-name">
      {props.viewer.displayName}
    </span>
    <Show when={props.viewer.roles.length > 0} fallback={<span class="viewer-roles">{t('viewer.noRoles')}</span>}>
      <ul class="viewer-roles" aria-label={t('viewer.roles')} data-testid="viewer-roles">
        <For each={props.viewer.roles}>{(assignment) => <li data-testid={`viewer-role-${assignment.role}`}>{describeRole(assignment)}</li>}</For>
      </ul>
    </Show>
  </section>
);
