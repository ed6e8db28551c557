import { A } from '@solidjs/router';
import { type Component, For, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { meetingPath } from './paths.ts';

/** An action item of a council's minutes, as the lists show it. */
export interface ActionItemLine {
  id: string;
  text: string;
  dueOn: string;
  overdue: boolean;
  ownerName: string;
  status: 'OPEN' | 'DONE';
  /** the meeting it came from, linked when the list spans meetings */
  meeting?: { id: string; title: string };
}

/** Action items: what, who, by when, overdue ones in red. */
export const ActionItemList: Component<{ items: readonly ActionItemLine[] }> = (props) => (
  <ul class="action-items">
    <For each={props.items}>
      {(item) => (
        <li classList={{ 'action-overdue': item.overdue }} data-testid="action-item" data-overdue={item.overdue}>
          <span class="action-text">{item.text}</span>
          <span class="muted">{t('councils.owner', { owner: item.ownerName })}</span>
          <span classList={{ 'deadline-over': item.overdue }}>{t('councils.dueOn', { date: item.dueOn })}</span>
          <span class="badge" classList={{ 'badge-danger': item.overdue }}>
            {item.overdue ? t('councils.overdue') : t(`councils.actionStatus.${item.status}`)}
          </span>
          <Show when={item.meeting}>
            {(meeting) => (
              <A href={meetingPath(meeting().id)} class="muted">
                {meeting().title}
              </A>
            )}
          </Show>
        </li>
      )}
    </For>
  </ul>
);
