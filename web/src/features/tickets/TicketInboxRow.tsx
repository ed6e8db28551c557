import { A } from '@solidjs/router';
import { type Component, Show } from 'solid-js';
import { type FragmentOf, graphql, readFragment } from '../../graphql/graphql.ts';
import { formatShortDateTime, t, unitName } from '../../i18n/index.ts';
import { gridCellName } from '../org/names.ts';
import { OrgUnitFields } from '../org/orgUnit.ts';
import { DeadlineClock, DeadlineClockFields } from './DeadlineClock.tsx';
import { isOverdueAt } from './deadlines.ts';
import { ticketPath } from './paths.ts';
import { TicketStatusBadge } from './TicketStatusBadge.tsx';

/**
 * A ticket as the inbox row shows it: the inbox query selects it, and so does the live subscription,
 * so Graphcache writes an event's ticket by id and the row changes in place. `version` is not shown;
 * it keeps the cached ticket's version current, so a detail page opened from the cache sends the
 * version the live feed last saw.
 */
export const TicketInboxRowFields = graphql(
  `
    fragment TicketInboxRowFields on Ticket {
      id
      number
      status
      description
      category {
        id
        code
        name
        nameEn
      }
      receivedAt
      version
      ...DeadlineClockFields
      parts {
        id
        kind
        status
      }
      gridCell {
        ...OrgUnitFields
      }
      street {
        ...OrgUnitFields
      }
      community {
        ...OrgUnitFields
      }
    }
  `,
  [DeadlineClockFields, OrgUnitFields],
);

interface TicketInboxRowProps {
  ticket: FragmentOf<typeof TicketInboxRowFields>;
  /** the ticking clock of the page (epoch ms) */
  now: number;
}

/** One ticket in the inbox: number, receipt, category, what and where, status, the running clock, the parts. */
export const TicketInboxRow: Component<TicketInboxRowProps> = (props) => {
  const ticket = () => readFragment(TicketInboxRowFields, props.ticket);
  const overdue = () => isOverdueAt(readFragment(DeadlineClockFields, ticket()), props.now);
  return (
    <tr
      classList={{ 'row-overdue': overdue() }}
      data-testid={`ticket-row-${ticket().number}`}
      data-number={ticket().number}
      data-overdue={overdue() ? 'true' : 'false'}
    >
      <td class="cell-number">
        <A href={ticketPath(ticket().number)} class="ticket-link" data-testid="ticket-link">
          {ticket().number}
        </A>
        <Show when={overdue()}>
          <span class="overdue-mark" data-testid="overdue-mark">
            {t('tickets.inbox.overdue')}
          </span>
        </Show>
      </td>
      <td class="cell-time">{formatShortDateTime(ticket().receivedAt)}</td>
      <td class="cell-category" data-testid="ticket-category">
        {unitName(ticket().category)}
      </td>
      <td class="col-description">
        <span class="clamp" lang="zh-CN" title={ticket().description} data-testid="ticket-description">
          {ticket().description}
        </span>
      </td>
      <td class="cell-place">
        <Show when={ticket().street} fallback={<span class="muted">{t('tickets.inbox.unplaced')}</span>}>
          {(street) => <span class="place-street">{unitName(street())}</span>}
        </Show>
        <Show when={ticket().community || ticket().gridCell}>
          <span class="place-detail">
            <Show when={ticket().community}>{(community) => unitName(community())}</Show>
            <Show when={ticket().gridCell}>{(cell) => <> · {gridCellName(cell()).replace(ticket().community?.name ?? '', '')}</>}</Show>
          </span>
        </Show>
      </td>
      <td>
        <TicketStatusBadge status={ticket().status} testId="ticket-status" />
      </td>
      <td class="cell-clock">
        <DeadlineClock ticket={ticket()} now={props.now} testId="ticket-clock" />
      </td>
      <td class="cell-parts">
        <Show
          when={ticket().parts.length === 2}
          fallback={
            <Show when={ticket().parts[0]} fallback={<span class="muted">{t('tickets.clock.none')}</span>}>
              {(part) => <span class="part-kind">{t(`tickets.partKind.${part().kind}`)}</span>}
            </Show>
          }
        >
          <span class="badge badge-dual" data-testid="dual-badge">
            {t('tickets.inbox.dual')}
          </span>
        </Show>
      </td>
    </tr>
  );
};
