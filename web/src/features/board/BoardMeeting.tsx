import { A, useSearchParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, createMemo, For, onCleanup, onMount, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePageTitle } from '../shell/title.ts';
import { BoardCardFields } from './boardCard.ts';
import { agendaIndex, casesOnAgendaItem, meetingToShow } from './meetingAgenda.ts';

/** 草厂社区: the community shown when the address names none. */
const DEFAULT_COMMUNITY = '110101011003';

const BoardMeetingQuery = graphql(
  `
    query BoardMeetingQuery($communityCode: String!, $streetCode: String!) {
      councils(communityCode: $communityCode) {
        id
        name
        meetings {
          id
          title
          startsAt
          place
          status
          agenda {
            id
            position
            title
            outcome
          }
        }
      }
      board(streetCode: $streetCode) {
        status
        cases {
          ...BoardCardFields
        }
      }
    }
  `,
  [BoardCardFields],
);

/**
 * Meeting mode, for a projector: one agenda item at a time in large type, the cases on the board that
 * link it with their progress, and navigation by agenda (buttons, the agenda list, ← and →).
 */
export const BoardMeeting: Component = () => {
  const [search, setSearch] = useSearchParams();
  const communityCode = () => (typeof search.community === 'string' && search.community ? search.community : DEFAULT_COMMUNITY);
  const [result, reexecute] = createQuery({ query: BoardMeetingQuery, variables: () => ({ communityCode: communityCode(), streetCode: communityCode().slice(0, 9) }) });
  usePageTitle(() => t('board.meeting.title'));

  const meetings = createMemo(() => (result.data?.councils ?? []).flatMap((council) => council.meetings.map((meeting) => ({ ...meeting, council: council.name }))));
  const meeting = createMemo(() => meetingToShow(meetings(), typeof search.meeting === 'string' ? search.meeting : undefined));
  const agenda = () => [...(meeting()?.agenda ?? [])].sort((a, b) => a.position - b.position);
  const index = () => agendaIndex(typeof search.item === 'string' ? search.item : undefined, agenda().length);
  const item = () => agenda()[index() - 1];
  const cards = () => (result.data?.board ?? []).flatMap((column) => column.cases);
  const go = (to: number) => setSearch({ item: String(agendaIndex(String(to), agenda().length)) });

  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown') go(index() + 1);
      if (event.key === 'ArrowLeft' || event.key === 'PageUp') go(index() - 1);
    };
    window.addEventListener('keydown', onKey);
    onCleanup(() => window.removeEventListener('keydown', onKey));
  });

  return (
    <div class="board-meeting-mode" data-testid="board-meeting">
      <p class="back-link">
        <A href={`/board?street=${communityCode().slice(0, 9)}`}>← {t('board.detail.back')}</A>
      </p>
      <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        <Show when={meeting()} fallback={<p class="empty board-meeting-empty">{t('board.meeting.noMeeting')}</p>}>
          {(shown) => (
            <>
              <header class="board-meeting-mode-head">
                <h1 data-testid="meeting-title">{shown().title}</h1>
                <p>
                  {shown().council} · {formatDateTime(shown().startsAt)} · {shown().place} · {t(`board.meeting.status.${shown().status}`)}
                </p>
              </header>
              <Show when={item()} fallback={<p class="empty board-meeting-empty">{t('board.meeting.noAgenda')}</p>}>
                {(current) => (
                  <div class="board-meeting-mode-body">
                    <nav class="board-meeting-agenda" aria-label={t('board.meeting.agenda')}>
                      <ol>
                        <For each={agenda()}>
                          {(entry, at) => (
                            <li>
                              <button type="button" classList={{ current: at() + 1 === index() }} aria-current={at() + 1 === index() ? 'step' : undefined} onClick={() => go(at() + 1)}>
                                {entry.title}
                              </button>
                            </li>
                          )}
                        </For>
                      </ol>
                    </nav>
                    <section class="board-meeting-item" aria-live="polite">
                      <p class="board-meeting-item-position" data-testid="meeting-item-position">
                        {t('board.meeting.item', { position: index(), total: agenda().length })}
                      </p>
                      <h2 class="board-meeting-item-title" data-testid="meeting-item-title">
                        {current().title}
                      </h2>
                      <Show when={current().outcome}>{(outcome) => <p class="board-meeting-item-outcome">{t('board.meeting.outcome', { outcome: outcome() })}</p>}</Show>
                      <h3>{t('board.meeting.cases')}</h3>
                      <Show when={casesOnAgendaItem(cards(), current().title).length > 0} fallback={<p class="empty">{t('board.meeting.noCases')}</p>}>
                        <ul class="board-meeting-cases" data-testid="meeting-cases">
                          <For each={casesOnAgendaItem(cards(), current().title)}>
                            {(card) => (
                              <li>
                                <A href={`/board/${encodeURIComponent(card.number)}`}>{card.title.value}</A> · {t(`board.columns.${card.status}`)}
                                <Show when={card.checklistProgress.total > 0}> · {t('board.card.checklist', card.checklistProgress)}</Show>
                              </li>
                            )}
                          </For>
                        </ul>
                      </Show>
                      <div class="board-meeting-nav">
                        <button type="button" class="button" disabled={index() <= 1} onClick={() => go(index() - 1)} data-testid="meeting-previous">
                          ← {t('board.meeting.previous')}
                        </button>
                        <button type="button" class="button button-primary" disabled={index() >= agenda().length} onClick={() => go(index() + 1)} data-testid="meeting-next">
                          {t('board.meeting.next')} →
                        </button>
                      </div>
                      <p class="hint">{t('board.meeting.keys')}</p>
                    </section>
                  </div>
                )}
              </Show>
            </>
          )}
        </Show>
      </QueryState>
    </div>
  );
};
