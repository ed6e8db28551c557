import { A, type RouteSectionProps } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { graphql, readFragment, type ResultOf } from '../../graphql/graphql.ts';
import { formatDateTime, t, unitName } from '../../i18n/index.ts';
import { useNow } from '../../ui/clock.ts';
import { RecordPage, routeNumber } from '../../ui/RecordPage.tsx';
import { formatLngLat, gridCellName } from '../org/names.ts';
import { OrgUnitFields } from '../org/orgUnit.ts';
import { orgPath } from '../org/paths.ts';
import { usePageTitle } from '../shell/title.ts';
import { DeadlineClockFields } from './DeadlineClock.tsx';
import { isOverdueAt } from './deadlines.ts';
import { TICKETS_PATH, ticketPath } from './paths.ts';
import { TicketActions, TicketActionsFields } from './TicketActions.tsx';
import { TicketDeadlines } from './TicketDeadlines.tsx';
import { TicketParts, TicketPartsFields } from './TicketParts.tsx';
import { TicketStatusBadge } from './TicketStatusBadge.tsx';
import { TicketTimeline, TicketTimelineFields } from './TicketTimeline.tsx';

// Every ticket mutation returns TicketActionResultFields (ticketAction.ts), which covers what in here
// can change; test/operations.test.ts checks it against this query.
const TicketDetailQuery = graphql(
  `
    query TicketDetailQuery($number: String!) {
      ticket(number: $number) {
        id
        number
        status
        version
        channel
        description
        address
        location {
          lng
          lat
        }
        receivedAt
        ...DeadlineClockFields
        parts {
          id
        }
        ...TicketPartsFields
        ...TicketTimelineFields
        ...TicketActionsFields
        callbacks {
          at
          resolved
          satisfaction
          comment
        }
        mergedInto {
          id
          number
        }
        category {
          id
          code
          name
          nameEn
          responseHours
          resolveDays
          duties {
            duty
            department {
              ...OrgUnitFields
              level
              district {
                ...OrgUnitFields
              }
            }
          }
        }
        gridCell {
          ...OrgUnitFields
        }
        asset {
          id
          code
          kindName
        }
        community {
          ...OrgUnitFields
        }
        street {
          ...OrgUnitFields
        }
        district {
          ...OrgUnitFields
        }
        complainant {
          name
          phone
          masked
        }
      }
    }
  `,
  [DeadlineClockFields, OrgUnitFields, TicketActionsFields, TicketPartsFields, TicketTimelineFields],
);

type TicketDetailData = NonNullable<ResultOf<typeof TicketDetailQuery>['ticket']>;

/**
 * The power list where the ticket is: the city departments and those of the ticket's own district
 * (every district has its own 住建委, 城管执法局 …; the other districts' are of no use here).
 */
const dutiesHere = (ticket: TicketDetailData) =>
  ticket.category.duties.filter((duty) => duty.department.level === 'CITY' || (ticket.district !== null && duty.department.district?.code === ticket.district.code));

/** One ticket: what and where, who complains, its deadlines, parts and history, and what the viewer may do. */
export const TicketDetail: Component<RouteSectionProps> = (props) => {
  const number = () => routeNumber(props.params.number);
  const [result, reexecute] = createQuery({ query: TicketDetailQuery, variables: () => ({ number: number() }) });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const now = useNow();
  usePageTitle(() => t('tickets.detail.heading', { number: number() }));

  return (
    <RecordPage
      back={{ href: TICKETS_PATH, label: t('tickets.detail.backToInbox'), testId: 'back-to-inbox' }}
      state={result}
      onRetry={reload}
      record={result.data?.ticket}
      notFound={{ text: t('tickets.detail.notFound', { number: number() }), testId: 'ticket-not-found' }}
    >
      {(ticket) => {
        const street = () => ticket().street;
        const overdue = () => isOverdueAt(readFragment(DeadlineClockFields, ticket()), now());
        return (
          <article class="ticket-detail" data-testid="ticket-detail" data-status={ticket().status} data-version={ticket().version}>
            <div class="page-heading">
              <h1 data-testid="page-title">{t('tickets.detail.heading', { number: ticket().number })}</h1>
              <div class="page-heading-meta">
                <TicketStatusBadge status={ticket().status} testId="ticket-status" />
                <Show when={overdue()}>
                  <span class="overdue-mark" data-testid="overdue-mark">
                    {t('tickets.inbox.overdue')}
                  </span>
                </Show>
              </div>
              <p class="page-subtitle">
                {unitName(ticket().category)} · {t(`tickets.channel.${ticket().channel}`)} · {formatDateTime(ticket().receivedAt)}
              </p>
            </div>
            <Show when={ticket().mergedInto}>
              {(into) => (
                <p class="notice" data-testid="merged-into">
                  {t('tickets.detail.mergedInto')} <A href={ticketPath(into().number)}>{into().number}</A>
                </p>
              )}
            </Show>
            <div class="detail-grid">
              <div class="stack">
                <section class="panel" aria-labelledby="ticket-facts-heading">
                  <h2 id="ticket-facts-heading">{t('tickets.detail.facts')}</h2>
                  <p class="ticket-description" lang="zh-CN" data-testid="ticket-description">
                    {ticket().description}
                  </p>
                  <dl class="facts">
                    <div>
                      <dt>{t('tickets.detail.category')}</dt>
                      <dd data-testid="ticket-category">{unitName(ticket().category)}</dd>
                    </div>
                    <div>
                      <dt>{t('tickets.detail.channel')}</dt>
                      <dd data-testid="ticket-channel">{t(`tickets.channel.${ticket().channel}`)}</dd>
                    </div>
                    <div>
                      <dt>{t('tickets.detail.receivedAt')}</dt>
                      <dd>{formatDateTime(ticket().receivedAt)}</dd>
                    </div>
                    <div>
                      <dt>{t('tickets.detail.place')}</dt>
                      <dd data-testid="ticket-place">
                        <Show when={street()} fallback={<span class="muted">{t('tickets.detail.unplaced')}</span>}>
                          {(current) => {
                            const district = () => ticket().district;
                            const path = (...codes: string[]) => orgPath(district()?.code ?? '', current().code, ...codes);
                            return (
                              <span class="place-trail">
                                <A href={path()}>{unitName(current())}</A>
                                <Show when={ticket().community}>
                                  {(community) => (
                                    <>
                                      <span aria-hidden="true"> › </span>
                                      <A href={path(community().code)}>{unitName(community())}</A>
                                    </>
                                  )}
                                </Show>
                                <Show when={ticket().community && ticket().gridCell}>
                                  <span aria-hidden="true"> › </span>
                                  <A href={path(ticket().community!.code, ticket().gridCell!.code)}>{gridCellName(ticket().gridCell!)}</A>
                                </Show>
                              </span>
                            );
                          }}
                        </Show>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('tickets.detail.address')}</dt>
                      <dd lang="zh-CN">{ticket().address ?? <span class="muted">{t('tickets.detail.notRecorded')}</span>}</dd>
                    </div>
                    <Show when={ticket().location}>
                      {(point) => (
                        <div>
                          <dt>{t('tickets.detail.location')}</dt>
                          <dd>{formatLngLat(point())}</dd>
                        </div>
                      )}
                    </Show>
                    <Show when={ticket().asset}>
                      {(asset) => (
                        <div>
                          <dt>{t('tickets.detail.asset')}</dt>
                          <dd>
                            <span lang="zh-CN">{asset().kindName}</span> <span class="mono">{asset().code}</span>
                          </dd>
                        </div>
                      )}
                    </Show>
                  </dl>
                </section>
                <section class="panel" aria-labelledby="ticket-parts-heading" data-testid="parts">
                  <h2 id="ticket-parts-heading">
                    {t('tickets.detail.parts')}
                    <Show when={ticket().parts.length === 2}>
                      <span class="badge badge-dual" data-testid="dual-badge">
                        {t('tickets.inbox.dual')}
                      </span>
                    </Show>
                  </h2>
                  <TicketParts ticket={ticket()} now={now()} onReload={reload} />
                </section>
                <section class="panel" aria-labelledby="ticket-timeline-heading">
                  <TicketTimeline ticket={ticket()} />
                </section>
              </div>
              <div class="stack">
                <section class="panel panel-actions" aria-labelledby="ticket-actions-heading">
                  <h2 id="ticket-actions-heading">{t('tickets.detail.actions')}</h2>
                  <TicketActions ticket={ticket()} onReload={reload} />
                </section>
                <section class="panel" aria-labelledby="ticket-deadlines-heading">
                  <h2 id="ticket-deadlines-heading">{t('tickets.detail.deadlines')}</h2>
                  <TicketDeadlines ticket={ticket()} now={now()} />
                </section>
                <section class="panel" aria-labelledby="ticket-complainant-heading" data-testid="complainant">
                  <h2 id="ticket-complainant-heading">{t('tickets.detail.complainant')}</h2>
                  <Show when={ticket().complainant} fallback={<p class="muted">{t('tickets.detail.noComplainant')}</p>}>
                    {(person) => (
                      <>
                        <dl class="facts facts-compact">
                          <div>
                            <dt>{t('tickets.detail.name')}</dt>
                            <dd lang="zh-CN" data-testid="complainant-name">
                              {person().name}
                            </dd>
                          </div>
                          <div>
                            <dt>{t('tickets.detail.phone')}</dt>
                            <dd>
                              <Show when={person().phone} fallback={<span class="muted">{t('tickets.detail.noPhone')}</span>}>
                                {(phone) => (
                                  <Show when={!person().masked} fallback={<span class="phone" data-testid="complainant-phone">{phone()}</span>}>
                                    <a class="phone" href={`tel:${phone()}`} data-testid="complainant-phone">
                                      {phone()}
                                    </a>
                                  </Show>
                                )}
                              </Show>
                            </dd>
                          </div>
                        </dl>
                        <Show when={person().masked}>
                          <p class="hint masked-hint" data-testid="complainant-masked-hint">
                            {t('tickets.detail.masked')}
                          </p>
                        </Show>
                      </>
                    )}
                  </Show>
                </section>
                <Show when={ticket().callbacks.length > 0}>
                  <section class="panel" aria-labelledby="ticket-callbacks-heading" data-testid="callbacks">
                    <h2 id="ticket-callbacks-heading">{t('tickets.detail.callbacks')}</h2>
                    <ul class="callbacks">
                      <For each={ticket().callbacks}>
                        {(callback) => (
                          <li classList={{ 'callback-unsatisfied': callback.satisfaction === 'UNSATISFIED' }}>
                            <strong>
                              {t('tickets.detail.callbackAnswer', {
                                resolved: callback.resolved ? t('tickets.detail.callbackResolved') : t('tickets.detail.callbackNotResolved'),
                                satisfaction: t(`tickets.satisfaction.${callback.satisfaction}`),
                              })}
                            </strong>
                            <time class="muted" dateTime={callback.at}>
                              {formatDateTime(callback.at)}
                            </time>
                            <Show when={callback.comment}>{(comment) => <p lang="zh-CN">{comment()}</p>}</Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>
                </Show>
                <section class="panel" aria-labelledby="ticket-duties-heading">
                  <h2 id="ticket-duties-heading">{t('tickets.detail.duties')}</h2>
                  <p class="hint">
                    {t('tickets.detail.categoryDeadlines', { hours: ticket().category.responseHours })}
                    <Show when={ticket().category.resolveDays}>
                      {(days) => (
                        <>
                          {t('common.listSeparator')}
                          {t('tickets.detail.categoryResolveDays', { days: days() })}
                        </>
                      )}
                    </Show>
                  </p>
                  <ul class="duties">
                    <For each={dutiesHere(ticket())}>
                      {(duty) => (
                        <li>
                          <span class="duty-department">{unitName(duty.department)}</span>
                          <span class="duty-text" lang="zh-CN">
                            {duty.duty}
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              </div>
            </div>
          </article>
        );
      }}
    </RecordPage>
  );
};
