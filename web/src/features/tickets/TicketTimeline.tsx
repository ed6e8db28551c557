import { type Component, For, Show } from 'solid-js';
import { type FragmentOf, graphql, readFragment } from '../../graphql/graphql.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { eventName, eventNote } from './events.ts';

/** A ticket's history as the timeline shows it (the first 100 events: no ticket has nearly as many). */
export const TicketTimelineFields = graphql(`
  fragment TicketTimelineFields on Ticket {
    events(first: 100) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          seq
          type
          at
          actorName
          note
          partKind
        }
      }
    }
  }
`);

interface TicketTimelineProps {
  ticket: FragmentOf<typeof TicketTimelineFields>;
}

/** The ticket's history, oldest first: what happened, to which part, who did it, when, and the note. */
export const TicketTimeline: Component<TicketTimelineProps> = (props) => {
  const events = () => readFragment(TicketTimelineFields, props.ticket).events;
  return (
    <>
      <div class="section-heading">
        <h2 id="ticket-timeline-heading">{t('tickets.detail.timeline')}</h2>
        <span class="count">{t('tickets.detail.eventCount', { count: events().totalCount })}</span>
      </div>
      <ol class="timeline" data-testid="timeline">
        <For each={events().edges.map((edge) => edge.node)}>
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
    </>
  );
};
