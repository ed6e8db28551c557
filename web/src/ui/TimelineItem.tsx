import { type Component, type JSX, Show } from 'solid-js';
import { formatDateTime } from '../i18n/index.ts';

interface TimelineItemProps {
  testId: string;
  /** the event type as sent (a class and data-type for styles and tests) */
  type: string;
  /** the type in the interface language */
  label: string;
  at: string;
  /** e.g. the dispatch part the event is about */
  badge?: string | null;
  /** who did it, when the record's history says */
  actor?: JSX.Element;
  /** the note, translated where the API wrote it itself (`system`); people's words as written (Chinese) */
  note: { text: string; system: boolean } | null;
}

/** One event of a record's history (a ticket's, a whistle's), in an `<ol class="timeline">`. */
export const TimelineItem: Component<TimelineItemProps> = (props) => (
  <li class={`timeline-item timeline-${props.type.toLowerCase()}`} data-testid={props.testId} data-type={props.type}>
    <div class="timeline-head">
      <span class="timeline-type" data-testid="event-type">
        {props.label}
      </span>
      <Show when={props.badge}>{(badge) => <span class="badge">{badge()}</span>}</Show>
      <time class="timeline-time" dateTime={props.at}>
        {formatDateTime(props.at)}
      </time>
    </div>
    {/* `in`, not the value: reading a JSX prop renders it */}
    <Show when={'actor' in props}>
      <div class="timeline-actor" data-testid="event-actor">
        {props.actor}
      </div>
    </Show>
    <Show when={props.note}>
      {(note) => (
        <p class="timeline-note" classList={{ 'timeline-note-system': note().system }} lang={note().system ? undefined : 'zh-CN'} data-testid="event-note">
          {note().text}
        </p>
      )}
    </Show>
  </li>
);
