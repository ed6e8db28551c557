import { type Component, For, Show } from 'solid-js';
import { type FragmentOf, graphql, readFragment } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { TimelineItem } from '../../ui/TimelineItem.tsx';
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
            <TimelineItem
              testId={`event-${event.seq}`}
              type={event.type}
              label={eventName(event.type)}
              at={event.at}
              badge={event.partKind ? t(`tickets.partKind.${event.partKind}`) : null}
              actor={
                <Show when={event.actorName} fallback={<span class="muted">{t('tickets.detail.system')}</span>}>
                  {(name) => <span lang="zh-CN">{name()}</span>}
                </Show>
              }
              note={event.note ? eventNote(event.note) : null}
            />
          )}
        </For>
      </ol>
    </>
  );
};
