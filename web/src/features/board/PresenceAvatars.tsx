import { type Component, For, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { avatarText, type PresenceViewer } from './presence.ts';

interface PresenceAvatarsProps {
  viewers: readonly PresenceViewer[];
  /** what they do there: edit a field, or view the case */
  doing: 'editing' | 'viewing';
  testId: string;
}

/** The others on a field (or on the case): one round avatar each, their name on hover and for screen readers. */
export const PresenceAvatars: Component<PresenceAvatarsProps> = (props) => (
  <Show when={props.viewers.length > 0}>
    <span class="presence-avatars" data-testid={props.testId}>
      <For each={props.viewers}>
        {(viewer) => (
          <span
            class="presence-avatar"
            classList={{ 'presence-editing': props.doing === 'editing' }}
            title={t(`board.presence.${props.doing}`, { name: viewer.name })}
            aria-label={t(`board.presence.${props.doing}`, { name: viewer.name })}
            data-testid="presence-avatar"
            data-name={viewer.name}
          >
            {avatarText(viewer.name)}
          </span>
        )}
      </For>
    </span>
  </Show>
);
