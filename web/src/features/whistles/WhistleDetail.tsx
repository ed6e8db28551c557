import { A, type RouteSectionProps } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, createMemo, For, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { formatDateTime, t, unitName } from '../../i18n/index.ts';
import { useNow } from '../../ui/clock.ts';
import { RecordPage, routeNumber } from '../../ui/RecordPage.tsx';
import { TimelineItem } from '../../ui/TimelineItem.tsx';
import { formatLngLat } from '../org/names.ts';
import { usePageTitle } from '../shell/title.ts';
import { ticketPath } from '../tickets/paths.ts';
import { WHISTLES_PATH } from './paths.ts';
import { SummonsClock } from './SummonsClock.tsx';
import { WhistleCloseForm } from './WhistleCloseForm.tsx';
import { type WhistleDetail as WhistleDetailData, WhistleDetailFields, type WhistleDetailSummons } from './whistleDetail.ts';
import { whistleEventName, whistleEventNote } from './whistleEvents.ts';
import { isLiveStage, ratingWindowOpen, viewerDepartments } from './whistleFeeds.ts';
import { useWhistleLive, WhistleLiveFeeds, type WhistleNotice } from './WhistleLiveUpdates.tsx';
import { WhistleRatingForm } from './WhistleRatingForm.tsx';
import { WhistleReportForm } from './WhistleReportForm.tsx';
import { WhistleReturnDecision } from './WhistleReturnDecision.tsx';
import { WhistleReturnForm } from './WhistleReturnForm.tsx';
import { WhistleSummonsActions } from './WhistleSummonsActions.tsx';
import { WhistleSuperviseForm } from './WhistleSuperviseForm.tsx';
import { actsForPlatform, actsForStreet, useWhistleViewer } from './whistleViewer.ts';

const WhistleDetailQuery = graphql(
  `
    query WhistleDetailQuery($number: String!) {
      whistle(number: $number) {
        ...WhistleDetailFields
      }
    }
  `,
  [WhistleDetailFields],
);

const STAGES = ['PREPARE', 'ASSEMBLE', 'ACT', 'CLOSE', 'SUPERVISE'] as const;

/** A moment of the whistle's, when it has come: closed, ratings close, followed up. */
const DateFact: Component<{ label: string; at: string | null }> = (props) => (
  <Show when={props.at}>
    {(at) => (
      <div>
        <dt>{props.label}</dt>
        <dd>{formatDateTime(at())}</dd>
      </div>
    )}
  </Show>
);

interface SummonsPanelProps {
  whistle: WhistleDetailData;
  summons: WhistleDetailSummons;
  now: number;
  onReload: () => void;
}

/** One summoned department: its clocks, report, 退单 and rating, and the steps that are the viewer's. */
const SummonsPanel: Component<SummonsPanelProps> = (props) => {
  const viewer = useWhistleViewer();
  const code = () => props.summons.department.code;
  const own = () => viewerDepartments(viewer()).has(code());
  const live = () => isLiveStage(props.whistle.stage);
  const returned = () => props.summons.returnDecision === 'ACCEPTED';
  const street = () => actsForStreet(viewer(), props.whistle.street.code);
  const step = () => ({ summonsId: props.summons.id, departmentCode: code(), version: props.whistle.version, onReload: props.onReload });
  return (
    <article class="summons-panel" classList={{ 'summons-returned': returned() }} data-testid={`summons-panel-${code()}`}>
      <header class="summons-panel-heading">
        <h3 data-testid={`summons-department-${code()}`}>{unitName(props.summons.department)}</h3>
        <span class="badge" data-testid={`summons-role-${code()}`}>
          {t(`whistles.role.${props.summons.role}`)}
        </span>
        <Show when={props.summons.returnDecision}>
          {(decision) => (
            <span class="badge" classList={{ 'deadline-over': decision() === 'PENDING' }} data-testid={`summons-return-${code()}`}>
              {t(`whistles.returnState.${decision()}`)}
            </span>
          )}
        </Show>
      </header>
      <dl class="facts facts-compact">
        <div>
          <dt>{t('whistles.columns.ack')}</dt>
          <dd>
            <SummonsClock summons={props.summons} kind="ACK" now={props.now} />
          </dd>
        </div>
        <div>
          <dt>{t('whistles.columns.onSite')}</dt>
          <dd>
            <SummonsClock summons={props.summons} kind="ON_SITE" now={props.now} />
          </dd>
        </div>
        <Show when={props.summons.returnReason}>
          {(reason) => (
            <div>
              <dt>{t('whistles.return.reason')}</dt>
              <dd lang="zh-CN">{reason()}</dd>
            </div>
          )}
        </Show>
        <Show when={props.summons.reportedAt}>
          {(at) => (
            <div>
              <dt>{t('whistles.detail.report')}</dt>
              <dd data-testid={`summons-report-${code()}`}>
                <strong>{props.summons.result ? t(`whistles.result.${props.summons.result}`) : ''}</strong> <span lang="zh-CN">{props.summons.report}</span>{' '}
                <time class="muted" dateTime={at()}>
                  {formatDateTime(at())}
                </time>
              </dd>
            </div>
          )}
        </Show>
        <Show when={props.summons.evaluation}>
          {(rating) => (
            <div>
              <dt>{t('whistles.detail.rating')}</dt>
              <dd data-testid={`summons-rating-${code()}`}>
                {t('whistles.detail.ratingScores', { timeliness: rating().timeliness, effectiveness: rating().effectiveness, attitude: rating().attitude })}
                <Show when={rating().comment}>{(comment) => <span lang="zh-CN"> · {comment()}</span>}</Show>
              </dd>
            </div>
          )}
        </Show>
      </dl>
      <div class="summons-panel-actions">
        <Show when={own()}>
          <WhistleSummonsActions whistle={props.whistle} summons={props.summons} onReload={props.onReload} />
          <Show when={live() && !props.summons.reportedAt && !returned()}>
            <WhistleReportForm {...step()} />
          </Show>
          <Show when={live() && props.summons.role === 'ASSIST' && !props.summons.checkedInAt && props.summons.returnDecision === null}>
            <WhistleReturnForm {...step()} />
          </Show>
        </Show>
        <Show when={props.summons.returnDecision === 'PENDING' && actsForPlatform(viewer(), props.whistle.district.code)}>
          <WhistleReturnDecision {...step()} />
        </Show>
        <Show when={street() && !props.summons.evaluation && !returned() && ratingWindowOpen(props.whistle, props.now)}>
          <WhistleRatingForm whistleId={props.whistle.id} departmentCode={code()} version={props.whistle.version} onReload={props.onReload} />
        </Show>
      </div>
    </article>
  );
};

/**
 * One whistle (吹哨报到): its stage among the five, what and where, each summoned department with its
 * two clocks, report, 退单 and rating, the escalations and the history; and the steps that are the
 * viewer's: a department's (acknowledge, check in, report, 退单), the district platform's (decide a
 * 退单), the street's (close, follow-up, rate each department). Kept live by the viewer's feeds: an
 * event of this whistle has the page fetched again (the card's fields change in place already).
 */
export const WhistleDetail: Component<RouteSectionProps> = (props) => {
  const number = () => routeNumber(props.params.number);
  const viewer = useWhistleViewer();
  const live = useWhistleLive(viewer);
  const [result, reexecute] = createQuery({ query: WhistleDetailQuery, variables: () => ({ number: number() }), pause: () => !live.ready() });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const onNotice = (notice: WhistleNotice) => {
    if (notice.whistleId && notice.whistleId === result.data?.whistle?.id) reload();
  };
  const now = useNow(1000);
  usePageTitle(() => t('whistles.detail.heading', { number: number() }));

  return (
    <RecordPage
      back={{ href: WHISTLES_PATH, label: t('whistles.detail.backToBoard'), testId: 'back-to-board' }}
      state={result}
      onRetry={reload}
      record={result.data?.whistle}
      notFound={{ text: t('whistles.detail.notFound', { number: number() }), testId: 'whistle-not-found' }}
    >
      {(whistle) => {
        const escalations = createMemo(() =>
          whistle()
            .panels.flatMap((summons) => summons.escalations.map((escalation) => ({ ...escalation, department: summons.department })))
            .sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
        );
        const street = () => actsForStreet(viewer(), whistle().street.code);
        const platform = () => actsForPlatform(viewer(), whistle().district.code);
        return (
          <article class="whistle-detail" data-testid="whistle-detail" data-stage={whistle().stage} data-version={whistle().version}>
            <div class="page-heading">
              <h1 data-testid="page-title">{t('whistles.detail.heading', { number: whistle().number })}</h1>
              <div class="page-heading-meta">
                <span class="badge" data-tier={whistle().tier} data-testid="whistle-tier">
                  {t(`whistles.tier.${whistle().tier}`)}
                </span>
                <span class="badge badge-strong" data-testid="whistle-stage">
                  {t(`whistles.stage.${whistle().stage}`)}
                </span>
                <Show when={whistle().late}>
                  <span class="badge deadline-over" data-testid="whistle-late">
                    {t('whistles.late')}
                  </span>
                </Show>
                <Show when={whistle().crossDistrict}>
                  <span class="badge" data-testid="whistle-cross-district">
                    {t('whistles.detail.crossDistrict')}
                  </span>
                </Show>
                <WhistleLiveFeeds live={live} onNotice={onNotice} />
              </div>
              <p class="page-subtitle">
                {unitName(whistle().street)} · {t(`whistles.mode.${whistle().mode}`)} · {formatDateTime(whistle().blownAt)}
              </p>
            </div>
            <ol class="whistle-stages" aria-label={t('whistles.detail.stages')}>
              <For each={STAGES}>
                {(stage, index) => (
                  <li
                    classList={{ 'stage-current': stage === whistle().stage, 'stage-done': index() < STAGES.indexOf(whistle().stage) }}
                    aria-current={stage === whistle().stage ? 'step' : undefined}
                  >
                    {t(`whistles.stage.${stage}`)}
                  </li>
                )}
              </For>
            </ol>
            <div class="detail-grid">
              <div class="stack">
                <section class="panel" aria-labelledby="whistle-facts-heading">
                  <h2 id="whistle-facts-heading">{t('whistles.detail.facts')}</h2>
                  <p class="ticket-description" lang="zh-CN" data-testid="whistle-reason">
                    {whistle().reason}
                  </p>
                  <dl class="facts">
                    <div>
                      <dt>{t('whistles.detail.street')}</dt>
                      <dd data-testid="whistle-street">
                        {unitName(whistle().street)} · {unitName(whistle().district)}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('whistles.detail.category')}</dt>
                      <dd data-testid="whistle-category">
                        {whistle().category ? unitName(whistle().category!) : <span class="muted">{t('whistles.detail.none')}</span>}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('whistles.detail.ticket')}</dt>
                      <dd data-testid="whistle-ticket">
                        <Show when={whistle().ticket} fallback={<span class="muted">{t('whistles.detail.none')}</span>}>
                          {(ticket) => <A href={ticketPath(ticket().number)}>{ticket().number}</A>}
                        </Show>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('whistles.detail.location')}</dt>
                      <dd>{formatLngLat(whistle().location)}</dd>
                    </div>
                    <DateFact label={t('whistles.detail.closedAt')} at={whistle().closedAt} />
                    <DateFact label={t('whistles.detail.evaluationClosesAt')} at={whistle().evaluationClosesAt} />
                    <DateFact label={t('whistles.detail.supervisedAt')} at={whistle().supervisedAt} />
                  </dl>
                </section>
                <section class="panel" aria-labelledby="whistle-summonses-heading" data-testid="whistle-summonses">
                  <h2 id="whistle-summonses-heading">{t('whistles.detail.summonses')}</h2>
                  <For each={whistle().panels}>{(summons) => <SummonsPanel whistle={whistle()} summons={summons} now={now()} onReload={reload} />}</For>
                </section>
                <section class="panel" aria-labelledby="whistle-timeline-heading">
                  <div class="section-heading">
                    <h2 id="whistle-timeline-heading">{t('whistles.detail.timeline')}</h2>
                    <span class="count">{t('whistles.detail.eventCount', { count: whistle().events.totalCount })}</span>
                  </div>
                  <ol class="timeline" data-testid="whistle-timeline">
                    <For each={whistle().events.edges.map((edge) => edge.node)}>
                      {(event) => (
                        <TimelineItem
                          testId={`whistle-event-${event.seq}`}
                          type={event.type}
                          label={whistleEventName(event.type)}
                          at={event.at}
                          note={event.note ? whistleEventNote(event.type, event.note) : null}
                        />
                      )}
                    </For>
                  </ol>
                </section>
              </div>
              <div class="stack">
                <section class="panel panel-actions" aria-labelledby="whistle-actions-heading">
                  <h2 id="whistle-actions-heading">{t('whistles.detail.actions')}</h2>
                  <Show when={street() && isLiveStage(whistle().stage)}>
                    <WhistleCloseForm whistleId={whistle().id} version={whistle().version} onReload={reload} />
                  </Show>
                  <Show when={(street() || platform()) && whistle().stage === 'CLOSE' && !whistle().supervisedAt}>
                    <WhistleSuperviseForm whistleId={whistle().id} version={whistle().version} onReload={reload} />
                  </Show>
                  <Show when={street() && !isLiveStage(whistle().stage)}>
                    <p class="hint" data-testid="rating-window">
                      {ratingWindowOpen(whistle(), now()) ? t('whistles.rating.windowOpen') : t('whistles.rating.windowClosed')}
                    </p>
                  </Show>
                  <Show when={!street() && !platform()}>
                    <p class="hint">{t('whistles.detail.departmentHint')}</p>
                  </Show>
                </section>
                <section class="panel" aria-labelledby="whistle-escalations-heading" data-testid="whistle-escalations">
                  <h2 id="whistle-escalations-heading">{t('whistles.detail.escalations')}</h2>
                  <Show when={escalations().length > 0} fallback={<p class="muted">{t('whistles.detail.noEscalations')}</p>}>
                    <ul class="escalations">
                      <For each={escalations()}>
                        {(escalation) => (
                          <li class="deadline-over" data-testid={`escalation-${escalation.department.code}-${escalation.kind}`}>
                            {t('whistles.detail.escalation', {
                              department: unitName(escalation.department),
                              deadline: t(`whistles.deadlineKind.${escalation.kind}`),
                              due: formatDateTime(escalation.dueAt),
                            })}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </section>
              </div>
            </div>
          </article>
        );
      }}
    </RecordPage>
  );
};
