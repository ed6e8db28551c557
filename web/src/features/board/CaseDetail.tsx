import { A, useParams } from '@solidjs/router';
import { createQuery, createSubscription, useClient } from '@urql/solid';
import { type Component, createComputed, createMemo, createSignal, For, Show } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { graphql } from '../../graphql/graphql.ts';
import { isLiveConnected } from '../../graphql/liveConnection.ts';
import { t } from '../../i18n/index.ts';
import { useNow } from '../../ui/clock.ts';
import { Countdown } from '../../ui/Countdown.tsx';
import { RecordPage, routeNumber } from '../../ui/RecordPage.tsx';
import { usePageTitle } from '../shell/title.ts';
import { nextWhistleDeadline } from './boardCard.ts';
import { caseActions, type CaseWrite } from './caseActions.ts';
import { CaseChecklist } from './CaseChecklist.tsx';
import { CASE_PRIORITIES, CaseDetailFields, type CaseDoc } from './caseDetail.ts';
import { useCasePresence } from './casePresenceLive.ts';
import { applyCaseNotice, type CaseNotice, snapshotIsNewer } from './caseState.ts';
import { CaseTextField } from './CaseTextField.tsx';
import { ConnectionState } from './ConnectionState.tsx';
import { rawIdOf, viewersByField } from './presence.ts';
import { PresenceAvatars } from './PresenceAvatars.tsx';

const CaseDetailLogSeqQuery = graphql(`
  query CaseDetailLogSeqQuery {
    logSeq
    viewer {
      id
    }
  }
`);

const CaseDetailQuery = graphql(
  `
    query CaseDetailQuery($number: String!) {
      boardCase(number: $number) {
        ...CaseDetailFields
      }
    }
  `,
  [CaseDetailFields],
);

const CaseDetailSubscription = graphql(
  `
    subscription CaseDetailSubscription($caseId: ID!, $afterSeq: Int) {
      caseEvents(caseId: $caseId, afterSeq: $afterSeq) {
        __typename
        ... on CaseEventNotice {
          kind
          seq
          logSeq
          target
          value
          actor
          mine
          case {
            ...CaseDetailFields
          }
        }
        ... on FeedResync {
          resyncSeq: logSeq
          missed
        }
      }
    }
  `,
  [CaseDetailFields],
);

/** A plain copy of a case (a query's data is shared with the cache; the store and the notices work on their own). */
const copyOf = (doc: CaseDoc): CaseDoc => JSON.parse(JSON.stringify(doc)) as CaseDoc;

type FeedItem = { __typename: 'CaseEventNotice' } & CaseNotice | { __typename: 'FeedResync'; resyncSeq: number };

/**
 * One case, co-edited live. The page reads the log position first, then the case, and follows the
 * case's feed from that position: every event (the others' edits, and replays of what the snapshot
 * already holds) goes through `applyCaseNotice` into one store, in seq order, duplicates ignored, a gap
 * or a FeedResync answered by reloading the case. Mutations' answers land in the same store. Fields
 * being edited keep the viewer's draft (CaseTextField); presence shows who is here and on which field.
 */
export const CaseDetail: Component = () => {
  const params = useParams();
  const number = () => routeNumber(params.number);
  const client = useClient();
  const actions = caseActions(client);
  const now = useNow();

  const [position] = createQuery({ query: CaseDetailLogSeqQuery, requestPolicy: 'network-only' });
  const positionRead = () => position.data !== undefined || position.error !== undefined;
  const [result, reexecute] = createQuery({ query: CaseDetailQuery, variables: () => ({ number: number() }), pause: () => !positionRead(), requestPolicy: 'cache-and-network' });

  const [state, setState] = createStore<{ doc: CaseDoc | null; changedBy: Record<string, string> }>({ doc: null, changedBy: {} });
  /** Puts a snapshot (a query's, a mutation's) into the store when it is newer than what it holds. */
  const take = (snapshot: CaseDoc | null | undefined) => {
    if (!snapshot) return;
    const have = unwrap(state.doc);
    if (!snapshotIsNewer(have, snapshot)) return;
    setState('doc', have ? reconcile(snapshot, { key: 'id', merge: true }) : copyOf(snapshot));
  };
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  const caseId = createMemo(() => state.doc?.id);
  const onItem = (item: FeedItem) => {
    if (item.__typename === 'FeedResync') return reload();
    const have = unwrap(state.doc);
    const applied = applyCaseNotice(have ? copyOf(have) : null, item);
    if (applied.outcome === 'gap') return reload();
    if (applied.outcome === 'duplicate') return;
    if (applied.doc) setState('doc', reconcile(applied.doc, { key: 'id', merge: true }));
    if (item.target && item.actor && !item.mine) setState('changedBy', item.target, item.actor);
  };
  createSubscription(
    {
      query: CaseDetailSubscription,
      variables: () => ({ caseId: caseId() ?? '', afterSeq: position.data?.logSeq ?? null }),
      pause: () => !caseId(),
    },
    (_previous, data) => {
      const item = data.caseEvents as unknown as FeedItem;
      onItem(item);
      return data;
    },
  );
  // the query's answer (first load, reload after a gap) goes through the same seq check
  // computed, not an effect: the store holds the case before the page renders from it
  createComputed(() => take(result.data?.boardCase as CaseDoc | null | undefined));

  const [editing, setEditing] = createSignal<string | null>(null);
  const presence = useCasePresence(caseId, editing);
  const self = () => (position.data?.viewer ? rawIdOf(position.data.viewer.id) : null);
  const byField = createMemo(() => viewersByField(presence(), self()));
  const othersOn = (field: string) => byField().get(field) ?? [];
  const everyone = createMemo(() => [...byField().values()].flat());

  const settle = async (write: Promise<CaseWrite>) => {
    const outcome = await write;
    if (outcome.kind === 'ok') take(outcome.doc);
    return outcome;
  };
  const saveField = (field: 'title' | 'description' | 'internalNote') => (value: string, baseVersion: number) =>
    settle(actions.updateField({ caseId: state.doc!.id, field, value, baseVersion }));
  const onEditing = (field: string) => (on: boolean) => setEditing(on ? field : editing() === field ? null : editing());
  const [moveFailure, setMoveFailure] = createSignal<string | null>(null);
  const move = async (status: CaseDoc['status']) => {
    const outcome = await settle(actions.move({ caseId: state.doc!.id, status, baseVersion: state.doc!.statusVersion }));
    if (outcome.kind === 'conflict') {
      setMoveFailure(t('board.move.conflict'));
      reload();
    } else setMoveFailure(outcome.kind === 'refused' ? outcome.message : null);
  };

  const [priorityFailure, setPriorityFailure] = createSignal<string | null>(null);
  /** A priority is picked, not typed: on a conflict the select shows the one stored now, and says who chose it. */
  const setPriority = async (select: HTMLSelectElement, priority: CaseDoc['priority']) => {
    const outcome = await settle(actions.updateField({ caseId: state.doc!.id, field: 'priority', value: priority, baseVersion: state.doc!.priorityVersion }));
    if (outcome.kind === 'conflict') {
      setPriorityFailure(t('board.detail.priorityChanged', { name: outcome.conflict.changedBy ?? t('board.detail.someone') }));
      reload();
    } else setPriorityFailure(outcome.kind === 'refused' ? outcome.message : null);
    select.value = state.doc!.priority;
  };

  usePageTitle(() => state.doc?.title.value ?? t('board.title'));

  return (
    <div class="case-page">
      <RecordPage
        back={{ href: state.doc ? `/board?street=${state.doc.street.code}` : '/board', label: t('board.detail.back'), testId: 'case-back' }}
        state={result}
        onRetry={reload}
        record={state.doc ?? (result.data ? null : undefined)}
        notFound={{ text: t('board.detail.notFound'), testId: 'case-not-found' }}
      >
        {() => {
          const doc = () => state.doc!;
          return (
            <article class="case-detail" data-testid="case-detail" data-seq={doc().seq}>
              <header class="page-heading case-heading">
                <span class="case-number">{doc().number}</span>
                <span class="badge" data-testid="case-status" data-status={doc().status}>
                  {t(`board.columns.${doc().status}`)}
                </span>
                <span class="badge" data-priority={doc().priority}>
                  {t(`board.priority.${doc().priority}`)}
                </span>
                <div class="page-heading-meta">
                  <PresenceAvatars viewers={everyone()} doing="viewing" testId="presence-case" />
                  <Show when={isLiveConnected()}>
                    <span class="live-mark" role="status" data-testid="case-live">
                      <span class="live-dot" aria-hidden="true" />
                      {t('board.live')}
                    </span>
                  </Show>
                  <ConnectionState />
                </div>
              </header>
              <Show when={!doc().viewerMayEdit}>
                <p class="notice" data-testid="case-read-only">
                  {t('board.detail.readOnly')}
                </p>
              </Show>
              <div class="case-columns">
                <div class="case-main">
                  <CaseTextField
                    field="title"
                    label={t('board.detail.title')}
                    value={doc().title.value}
                    version={doc().title.version}
                    mayEdit={doc().viewerMayEdit}
                    editors={othersOn('title')}
                    lastChangedBy={state.changedBy.title ?? null}
                    onEditing={onEditing('title')}
                    save={saveField('title')}
                  />
                  <CaseTextField
                    field="description"
                    label={t('board.detail.description')}
                    value={doc().description.value}
                    version={doc().description.version}
                    multiline
                    mayEdit={doc().viewerMayEdit}
                    editors={othersOn('description')}
                    lastChangedBy={state.changedBy.description ?? null}
                    onEditing={onEditing('description')}
                    save={saveField('description')}
                  />
                  <Show when={doc().internalNote}>
                    {(note) => (
                      <CaseTextField
                        field="internalNote"
                        label={t('board.detail.internalNote')}
                        value={note().value}
                        version={note().version}
                        multiline
                        mayEdit={doc().viewerMayEdit}
                        editors={othersOn('internalNote')}
                        lastChangedBy={state.changedBy.internalNote ?? null}
                        onEditing={onEditing('internalNote')}
                        save={saveField('internalNote')}
                      />
                    )}
                  </Show>
                  <CaseChecklist
                    items={doc().checklist}
                    mayEdit={doc().viewerMayEdit}
                    toggle={(itemId, done, baseVersion) => settle(actions.toggleItem({ itemId, done, baseVersion }))}
                    add={(text, afterItemId) => settle(actions.addItem({ caseId: doc().id, text, afterItemId }))}
                  />
                </div>
                <aside class="case-side">
                  <section>
                    <h2 class="case-field-label">{t('board.detail.status')}</h2>
                    <Show when={doc().viewerMayEdit}>
                      <div class="case-moves">
                        <For each={doc().allowedMoves}>
                          {(status) => (
                            <button type="button" class="button button-small" onClick={() => void move(status)} data-testid={`case-move-${status}`}>
                              {t('board.detail.moveTo', { column: t(`board.columns.${status}`) })}
                            </button>
                          )}
                        </For>
                      </div>
                    </Show>
                    <Show when={moveFailure()}>{(message) => <p class="form-error" role="alert">{message()}</p>}</Show>
                  </section>
                  <section>
                    <h2 class="case-field-label">{t('board.priority.label')}</h2>
                    <select
                      class="input"
                      value={doc().priority}
                      disabled={!doc().viewerMayEdit}
                      aria-label={t('board.priority.label')}
                      onFocus={() => setEditing('priority')}
                      onBlur={() => editing() === 'priority' && setEditing(null)}
                      onChange={(event) => void setPriority(event.currentTarget, event.currentTarget.value as CaseDoc['priority'])}
                      data-testid="case-priority"
                    >
                      <For each={CASE_PRIORITIES}>{(priority) => <option value={priority}>{t(`board.priority.${priority}`)}</option>}</For>
                    </select>
                    <PresenceAvatars viewers={othersOn('priority')} doing="editing" testId="presence-priority" />
                    <Show when={priorityFailure()}>{(message) => <p class="form-error" role="alert">{message()}</p>}</Show>
                  </section>
                  <section data-testid="case-assignments">
                    <h2 class="case-field-label">{t('board.detail.assignments')}</h2>
                    <Show when={doc().assignments.length > 0} fallback={<p class="empty">{t('board.detail.assignmentsEmpty')}</p>}>
                      <ul class="plain-list">
                        <For each={doc().assignments}>{(assignment) => <li>{assignment.name}</li>}</For>
                      </ul>
                    </Show>
                  </section>
                  <section data-testid="case-links">
                    <h2 class="case-field-label">{t('board.detail.links')}</h2>
                    <Show when={doc().links.length > 0} fallback={<p class="empty">{t('board.detail.linksEmpty')}</p>}>
                      <ul class="plain-list">
                        <For each={doc().links}>
                          {(link) => (
                            <li>
                              <Show when={link.ticket}>{(ticket) => <A href={`/tickets/${encodeURIComponent(ticket().number)}`}>{t('board.detail.ticket', { number: ticket().number })}</A>}</Show>
                              <Show when={link.whistle}>
                                {(whistle) => (
                                  <>
                                    <A href={`/whistles/${encodeURIComponent(whistle().number)}`}>{t('board.detail.whistle', { number: whistle().number })}</A>{' '}
                                    <Show when={nextWhistleDeadline([link.whistle])}>{(due) => <Countdown by={due()} now={now()} />}</Show>
                                  </>
                                )}
                              </Show>
                              <Show when={link.agendaItemTitle}>{(title) => <span>{t('board.detail.agendaItem', { title: title() })}</span>}</Show>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </section>
                </aside>
              </div>
            </article>
          );
        }}
      </RecordPage>
    </div>
  );
};
