import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, createMemo, createSignal, For, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { formatDateTime, locale, t } from '../../i18n/index.ts';
import { useNow } from '../../ui/clock.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePageTitle } from '../shell/title.ts';
import { type WhistleCard, WhistleCardFields, type WhistleCardSummons } from './whistleCard.ts';
import { whistlePath } from './paths.ts';
import { SummonsClock } from './SummonsClock.tsx';
import { useWhistleLive, WhistleLiveFeeds } from './WhistleLiveUpdates.tsx';
import { viewerDepartments } from './whistleFeeds.ts';
import { useWhistleViewer } from './whistleViewer.ts';
import { WhistleSummonsActions } from './WhistleSummonsActions.tsx';

const WhistleBoardQuery = graphql(
  `
    query WhistleBoardQuery($filter: WhistleFilter, $after: String) {
      whistles(first: 20, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            ...WhistleCardFields
          }
        }
      }
    }
  `,
  [WhistleCardFields],
);

interface WhistleBoardCardProps {
  whistle: WhistleCard;
  now: number;
  departments: Set<string>;
  onReload: () => void;
}

/** One live whistle: number, tier, stage, reason, and a row per summoned department with its two clocks. */
const WhistleBoardCard: Component<WhistleBoardCardProps> = (props) => {
  const departmentName = (summons: WhistleCardSummons) => (locale() === 'en' ? summons.department.nameEn : summons.department.name);
  return (
    <article class="panel whistle-card" data-testid={`whistle-${props.whistle.number}`} data-stage={props.whistle.stage}>
      <header class="whistle-card-heading">
        <h2>
          <A href={whistlePath(props.whistle.number)} class="whistle-number" data-testid="whistle-number">
            {props.whistle.number}
          </A>{' '}
          <span class="badge" data-tier={props.whistle.tier}>
            {t(`whistles.tier.${props.whistle.tier}`)}
          </span>{' '}
          <span class="badge" data-testid="whistle-stage">
            {t(`whistles.stage.${props.whistle.stage}`)}
          </span>
          <Show when={props.whistle.late}>
            {' '}
            <span class="badge deadline-over" data-testid="whistle-late">
              {t('whistles.late')}
            </span>
          </Show>
        </h2>
        <p class="muted">
          {t('whistles.street', { street: props.whistle.street.name })} · {t('whistles.blownAt', { at: formatDateTime(props.whistle.blownAt) })}
        </p>
        <p lang="zh-CN" data-testid="whistle-reason">
          {props.whistle.reason}
        </p>
      </header>
      <div class="table-scroll">
        <table class="table whistle-summonses">
          <thead>
            <tr>
              <th scope="col">{t('whistles.columns.department')}</th>
              <th scope="col">{t('whistles.columns.role')}</th>
              <th scope="col">{t('whistles.columns.ack')}</th>
              <th scope="col">{t('whistles.columns.onSite')}</th>
              <Show when={props.whistle.summonses.some((summons) => props.departments.has(summons.department.code))}>
                <th scope="col">{t('whistles.columns.actions')}</th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.whistle.summonses}>
              {(summons) => (
                <tr data-testid={`summons-${summons.department.code}`}>
                  <td data-testid={`summons-department-${summons.department.code}`}>{departmentName(summons)}</td>
                  <td data-testid={`summons-role-${summons.department.code}`}>{t(`whistles.role.${summons.role}`)}</td>
                  <td>
                    <SummonsClock summons={summons} kind="ACK" now={props.now} />
                  </td>
                  <td>
                    <SummonsClock summons={summons} kind="ON_SITE" now={props.now} />
                  </td>
                  <Show when={props.whistle.summonses.some((other) => props.departments.has(other.department.code))}>
                    <td>
                      <Show when={props.departments.has(summons.department.code)}>
                        <WhistleSummonsActions whistle={props.whistle} summons={summons} onReload={props.onReload} />
                      </Show>
                    </td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </article>
  );
};

/** How many whistles one page of the board loads (the API's query cost budget allows 20 with their summonses). */
export const BOARD_PAGE_SIZE = 20;

/**
 * The live countdown board (吹哨报到): every live whistle the viewer may see, each summons' two clocks
 * counting down every second on the page's own clock, kept live by the viewer's whistle feeds. The log
 * position is read first, then the list, and the feeds replay from it, so nothing written in between
 * is missed. A department officer acknowledges and checks in on its own summonses here. 20 whistles a
 * page; "load more" asks for the next page after the last cursor, which Graphcache appends
 * (relayPagination, graphql/cache.ts).
 */
export const WhistleBoard: Component = () => {
  usePageTitle(() => t('whistles.title'));
  const viewer = useWhistleViewer();
  const departments = createMemo(() => viewerDepartments(viewer()));
  const live = useWhistleLive(viewer);
  const [after, setAfter] = createSignal<string | null>(null);
  const [result, reexecute] = createQuery({
    query: WhistleBoardQuery,
    variables: () => ({ filter: { live: true }, after: after() }),
    pause: () => !live.ready(),
  });
  const now = useNow(1000);
  const whistles = () => result.data?.whistles.edges.map((edge) => edge.node) ?? [];
  const pageInfo = () => result.data?.whistles.pageInfo ?? null;
  const reload = () => {
    setAfter(null);
    reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <>
      <div class="page-heading">
        <h1 data-testid="page-title">{t('whistles.title')}</h1>
        <div class="page-heading-meta">
          <Show when={result.data}>
            {(data) => (
              <span class="count" data-testid="whistle-count">
                {t('whistles.count', { count: data().whistles.totalCount })}
              </span>
            )}
          </Show>
          <WhistleLiveFeeds live={live} />
        </div>
      </div>
      <QueryState state={result} onRetry={reload}>
        <Show
          when={whistles().length > 0}
          fallback={
            <p class="empty" data-testid="whistle-empty">
              {t('whistles.empty')}
            </p>
          }
        >
          <section class="whistle-board" aria-label={t('whistles.board')} data-testid="whistle-board" classList={{ 'table-stale': result.fetching }}>
            <For each={whistles()}>{(whistle) => <WhistleBoardCard whistle={whistle} now={now()} departments={departments()} onReload={reload} />}</For>
          </section>
          <Show when={pageInfo()?.hasNextPage}>
            <div class="load-more">
              <span class="muted" data-testid="whistle-shown">
                {t('whistles.shown', { shown: whistles().length, count: result.data?.whistles.totalCount ?? 0 })}
              </span>
              <button
                type="button"
                class="button"
                disabled={result.fetching}
                onClick={() => setAfter(pageInfo()?.endCursor ?? null)}
                data-testid="whistle-load-more"
              >
                {result.fetching ? t('common.loading') : t('common.loadMore')}
              </button>
            </div>
          </Show>
        </Show>
      </QueryState>
    </>
  );
};
