import type { Component } from 'solid-js';
import type { TicketStatus } from '../../graphql/enums.ts';
import { t } from '../../i18n/index.ts';

/** The colour family of a status: work owed, done, finished, or folded into another ticket. */
const tone = (status: TicketStatus) =>
  status === 'RECEIVED' ? 'new' : status === 'RESOLVED' || status === 'CALLED_BACK' ? 'done' : status === 'CLOSED' ? 'closed' : status === 'MERGED' ? 'merged' : 'open';

interface TicketStatusBadgeProps {
  status: TicketStatus;
  testId?: string;
}

/** A ticket's status as a quiet coloured label. */
export const TicketStatusBadge: Component<TicketStatusBadgeProps> = (props) => (
  <span class={`status-badge status-${tone(props.status)}`} data-status={props.status} data-testid={props.testId}>
    {t(`tickets.status.${props.status}`)}
  </span>
);
