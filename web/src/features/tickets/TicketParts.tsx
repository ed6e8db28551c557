import { type Component, For, Show } from 'solid-js';
import { type FragmentOf, graphql, readFragment, type ResultOf } from '../../graphql/graphql.ts';
import { formatDateTime, t, unitName } from '../../i18n/index.ts';
import { Countdown } from '../../ui/Countdown.tsx';
import { TicketPartActions, TicketPartActionsFields } from './TicketPartActions.tsx';
import { TicketPartFields } from './ticketPart.ts';

/** The dispatch parts as the detail page lists them, and what their actions need of the ticket. */
export const TicketPartsFields = graphql(
  `
    fragment TicketPartsFields on Ticket {
      parts {
        ...TicketPartFields
      }
      ...TicketPartActionsFields
    }
  `,
  [TicketPartFields, TicketPartActionsFields],
);

type Part = ResultOf<typeof TicketPartsFields>['parts'][number];

/** Who holds a part: the street office, or the community with its named assignee (物业服务中心). */
const assignee = (part: Part) => {
  const unit = part.assigneeStreet ?? part.assigneeCommunity;
  const name = unit ? unitName(unit) : '';
  return part.assigneeLabel ? `${name} · ${part.assigneeLabel}` : name;
};

interface TicketPartsProps {
  ticket: FragmentOf<typeof TicketPartsFields>;
  now: number;
  onReload: () => void;
}

/** The street office's part first: it is the one the monthly review ranks (the API orders by kind code). */
const streetFirst = (parts: readonly Part[]) => [...parts].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'STREET' ? -1 : 1));

/** The dispatch parts, each with its assignee, status, own clock and the actions on it (双派单 has two). */
export const TicketParts: Component<TicketPartsProps> = (props) => {
  const ticket = () => readFragment(TicketPartsFields, props.ticket);
  return (
    <Show when={ticket().parts.length > 0} fallback={<p class="muted" data-testid="no-parts">{t('tickets.detail.noParts')}</p>}>
      <ul class="parts" classList={{ 'parts-dual': ticket().parts.length === 2 }}>
        <For each={streetFirst(ticket().parts)}>
          {(part) => (
            <li class="part" data-testid={`part-${part.kind}`} data-status={part.status}>
              <div class="part-head">
                <span class="part-title">{t(`tickets.partKind.${part.kind}`)}</span>
                <span class={`status-badge status-part-${part.status.toLowerCase()}`} data-testid={`part-status-${part.kind}`}>
                  {t(`tickets.partStatus.${part.status}`)}
                </span>
              </div>
              <dl class="facts facts-compact">
                <div>
                  <dt>{t('tickets.detail.partAssignee')}</dt>
                  <dd lang="zh-CN">{assignee(part)}</dd>
                </div>
                <div>
                  <dt>{t('tickets.detail.partDispatchedAt')}</dt>
                  <dd>{formatDateTime(part.dispatchedAt)}</dd>
                </div>
                <div>
                  <dt>{t('tickets.detail.partRespondBy')}</dt>
                  <dd>
                    {formatDateTime(part.respondBy)}
                    <Show when={!part.acceptedAt}>
                      {' '}
                      <Countdown by={part.respondBy} now={props.now} />
                    </Show>
                  </dd>
                </div>
                <Show when={part.acceptedAt}>
                  {(at) => (
                    <div>
                      <dt>{t('tickets.detail.partAcceptedAt')}</dt>
                      <dd>{formatDateTime(at())}</dd>
                    </div>
                  )}
                </Show>
                <Show when={part.resolvedAt}>
                  {(at) => (
                    <div>
                      <dt>{t('tickets.detail.partResolvedAt')}</dt>
                      <dd>{formatDateTime(at())}</dd>
                    </div>
                  )}
                </Show>
              </dl>
              <TicketPartActions ticket={ticket()} kind={part.kind} status={part.status} onReload={props.onReload} />
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
};
