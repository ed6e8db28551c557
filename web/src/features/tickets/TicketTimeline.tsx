import { type Component, For, Show } from 'solid-js';
import { formatDateTime, t } from '../../i18n/index.ts';
import { eventName, eventNote } from './events.ts';
import type { TicketEventEntry } from './ticketTypes.ts';

interface TicketTimelineProps {
  events: TicketEventEntry[];
}

/** The ticket's history, oldest first: what happened, to which part, who did it, when, and the note. */
export const TicketTimeline: Component<TicketTimelineProps> = (props) => (
  <ol class="timeline" data-testid="timeline">
    <For each={props.events}>
      {(event) => (
        <li class={`timeline-item timeline-${event.type.toLowerCase()}`} data-testid={`event-${event.seq}`} data-type={event.type}>
          <div class="timeline-head">
            <span class="timeline-type" data-testid="event-type">
              {eventName(event.type)}
            </span>
            <Show when={event.partKind}>{(kind) => <span class="badge">{t(`tickets.partKind.${kind()}`)}</span>}</Show>
            <time class="timeline-time" dateTime={event.at}>
              {formatDateTime(event.at)}
            </time>
          </div>
          <div class="timeline-actor" data-testid="event-actor">
            <Show when={event.actorName} fallback={<span class="muted">{t('tickets.detail.system')}</span>}>
              {(name) => <span lang="zh-CN">{name()}</span>}
            </Show>
          </div>
          <Show when={event.note}>
            {(note) => {
              const shown = () => eventNote(note());
              return (
                <p class="timeline-note" classList={{ 'timeline-note-system': shown().system }} lang={shown().system ? undefined : 'zh-CN'} data-testid="event-note">
                  {shown().text}
                </p>
              );
            }}
          </Show>
        </li>
      )}
    </For>
  </ol>
);
