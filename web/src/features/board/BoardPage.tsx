import { A, useSearchParams } from '@solidjs/router';
import { createQuery, createSubscription, useClient } from '@urql/solid';
import { type Component, createSignal, For, onCleanup, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { isLiveConnected } from '../../graphql/liveConnection.ts';
import { t } from '../../i18n/index.ts';
import { useNow } from '../../ui/clock.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePageTitle } from '../shell/title.ts';
import { type BoardCard, BoardCardFields, BoardCardWhistleFields, CASE_STATUSES, type CaseStatus, followsBoardFeed, nextWhistleDeadline, type ViewerRoles } from './boardCard.ts';
import { caseActions } from './caseActions.ts';
import { CaseCard } from './CaseCard.tsx';
import { ConnectionState } from './ConnectionState.tsx';

/** 前门街道: the board shown when the address names no street. */
export const DEFAULT_STREET = '110101011';
/** How often a board without a live feed (a council member's, a department's) is fetched again. */
const POLL_MS = 15_000;

const BoardPageLogSeqQuery = graphql(`
  query BoardPageLogSeqQuery {
    logSeq
    viewer {
      id
      roles {
        id
        role
        street {
          id
          code
        }
        district {
          id
          code
        }
      }
    }
  }
`);

const BoardPageQuery = graphql(
  `
    query BoardPageQuery($streetCode: String!) {
      board(streetCode: $streetCode) {
        status
        count
        cases {
          ...BoardCardFields
        }
      }
    }
  `,
  [BoardCardFields],
);

/** The street's live whistles with their deadlines, for the countdown on the cards that link them. */
const BoardPageWhistlesQuery = graphql(
  `
    query BoardPageWhistlesQuery($streetCode: String!) {
      whistles(first: 20, filter: { streetCode: $streetCode, live: true }) {
        edges {
          node {
            ...BoardCardWhistleFields
          }
        }
      }
    }
  `,
  [BoardCardWhistleFields],
);

const BoardPageSubscription = graphql(
  `
    subscription BoardPageSubscription($streetCode: String!, $afterSeq: Int) {
      boardEvents(streetCode: $streetCode, afterSeq: $afterSeq) {
        __typename
        ... on CaseEventNotice {
          kind
          seq
          logSeq
          case {
            ...BoardCardFields
          }
        }
        ... on FeedResync {
          resyncSeq: logSeq
          missed
        }
      }
    }
  `,
  [BoardCardFields],
);

/**
 * A street's board: one column per status, the cases the viewer may see, most recently changed first.
 * The street's staff follow the board feed (a card changed in place by Graphcache, the columns fetched
 * again when a case is created or moved); everyone else's board is fetched again every 15 s.
 */
export const BoardPage: Component = () => {
  const [search] = useSearchParams();
  const streetCode = () => (typeof search.street === 'string' && search.street ? search.street : DEFAULT_STREET);
  const client = useClient();
  const actions = caseActions(client);
  const now = useNow();
  usePageTitle(() => t('board.title'));

  const [position] = createQuery({ query: BoardPageLogSeqQuery, requestPolicy: 'network-only' });
  const positionRead = () => position.data !== undefined || position.error !== undefined;
  const [result, reexecute] = createQuery({ query: BoardPageQuery, variables: () => ({ streetCode: streetCode() }), pause: () => !positionRead() });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const live = () => followsBoardFeed((position.data?.viewer?.roles ?? []) as ViewerRoles, streetCode());
  // the street's staff see its whistles; the cards of others show the whistles' count without a clock
  const [whistles] = createQuery({ query: BoardPageWhistlesQuery, variables: () => ({ streetCode: streetCode() }), pause: () => !live() });
  const dueOf = (card: BoardCard) => {
    const ids = new Set(card.links.map((link) => link.whistle?.id).filter(Boolean));
    return nextWhistleDeadline((whistles.data?.whistles.edges ?? []).map((edge) => edge.node).filter((whistle) => ids.has(whistle.id)));
  };

  const [feed] = createSubscription(
    { query: BoardPageSubscription, variables: () => ({ streetCode: streetCode(), afterSeq: position.data?.logSeq ?? null }), pause: () => !positionRead() || !live() },
    (_previous, data) => {
      const item = data.boardEvents as { __typename: string; kind?: string; case?: unknown };
      // a card's own change is in the cache already; a new card, a move or a card gone changes the columns
      if (item.__typename === 'FeedResync' || item.kind === 'CREATED' || item.kind === 'MOVED' || !item.case) reload();
      return data;
    },
  );
  const poll = setInterval(() => {
    if (!live()) reload();
  }, POLL_MS);
  onCleanup(() => clearInterval(poll));

  const [dragging, setDragging] = createSignal<BoardCard | null>(null);
  const [over, setOver] = createSignal<CaseStatus | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const canDrop = (status: CaseStatus) => dragging()?.allowedMoves.includes(status) ?? false;
  const move = async (card: BoardCard, status: CaseStatus) => {
    setFailure(null);
    const outcome = await actions.move({ caseId: card.id, status, baseVersion: card.statusVersion });
    if (outcome.kind === 'conflict') setFailure(t('board.move.conflict'));
    else if (outcome.kind === 'refused') setFailure(outcome.message);
    reload();
  };

  return (
    <div class="board-page">
      <div class="page-heading">
        <h1 data-testid="page-title">{t('board.title')}</h1>
        <div class="page-heading-meta">
          <Show when={live() && feed.fetching && isLiveConnected()}>
            <span class="live-mark" role="status" data-testid="board-live">
              <span class="live-dot" aria-hidden="true" />
              {t('board.live')}
            </span>
          </Show>
          <Show when={positionRead() && !live()}>
            <span class="count">{t('board.polling')}</span>
          </Show>
          <Show when={live()}>
            <ConnectionState />
          </Show>
        </div>
        <A href="/board/meeting" class="button heading-action" data-testid="board-meeting-mode">
          {t('board.meetingMode')}
        </A>
      </div>
      <p class="hint">{t('board.card.dragHint')}</p>
      <Show when={failure()}>
        {(message) => (
          <p class="form-error" role="alert" data-testid="board-move-failure">
            {message()}
          </p>
        )}
      </Show>
      <QueryState state={result} onRetry={reload}>
        <div class="board-columns" data-testid="board">
          <For each={CASE_STATUSES}>
            {(status) => {
              const column = () => result.data?.board.find((entry) => entry.status === status);
              return (
                <section
                  class="board-column"
                  classList={{ 'board-column-target': canDrop(status), 'board-column-over': over() === status && canDrop(status) }}
                  aria-labelledby={`board-column-${status}`}
                  data-testid={`board-column-${status}`}
                  onDragOver={(event) => {
                    if (!canDrop(status)) return;
                    event.preventDefault();
                    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
                    setOver(status);
                  }}
                  onDragLeave={() => over() === status && setOver(null)}
                  onDrop={(event) => {
                    event.preventDefault();
                    const card = dragging();
                    setDragging(null);
                    setOver(null);
                    if (card && card.allowedMoves.includes(status)) void move(card, status);
                  }}
                >
                  <h2 id={`board-column-${status}`} class="board-column-head">
                    {t(`board.columns.${status}`)}
                    <span class="count" data-testid={`board-count-${status}`}>
                      {column()?.count ?? 0}
                    </span>
                  </h2>
                  <Show when={(column()?.cases.length ?? 0) > 0} fallback={<p class="empty">{t('board.empty')}</p>}>
                    <ul class="board-cards">
                      <For each={column()?.cases ?? []}>
                        {(card) => (
                          <CaseCard
                            card={card}
                            due={dueOf(card)}
                            now={now()}
                            onDragStart={setDragging}
                            onDragEnd={() => {
                              setDragging(null);
                              setOver(null);
                            }}
                            onMove={(moved, to) => void move(moved, to)}
                          />
                        )}
                      </For>
                    </ul>
                  </Show>
                </section>
              );
            }}
          </For>
        </div>
      </QueryState>
    </div>
  );
};
