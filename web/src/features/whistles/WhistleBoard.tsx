import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, createMemo, For, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { formatDateTime, locale, t } from '../../i18n/index.ts';
import { useNow } from '../../ui/clock.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePageTitle } from '../shell/title.ts';
import { type WhistleCard, WhistleCardFields, type WhistleCardSummons } from './whistleCard.ts';
import { WhistleLiveUpdates } from './WhistleLiveUpdates.tsx';
import { clockText, viewerDepartments, whistleFeeds } from './whistleFeeds.ts';
import { WhistleSummonsActions } from './WhistleSummonsActions.tsx';

const WhistleBoardViewerQuery = graphql(`
  query WhistleBoardViewerQuery {
    viewer {
      id
      roles {
        id
        role
        street {
          id
          code
        }
        department {
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

const WhistleBoardLogSeqQuery = graphql(`
  query WhistleBoardLogSeqQuery {
    logSeq
  }
`);

const WhistleBoardQuery = graphql(
  `
    query WhistleBoardQuery($filter: WhistleFilter) {
      whistles(first: 20, filter: $filter) {
        totalCount
        edges {
          node {
            ...WhistleCardFields
          }
        }
      }
    }
  `,
  [WhistleCardFields],
);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface SummonsClockProps {
  summons: WhistleCardSummons;
  kind: 'ACK' | 'ON_SITE';
  now: number;
}

/** One clock of a summons: counting down each second while it runs (red once late), or how it was met. */
const SummonsClock: Component<SummonsClockProps> = (props) => {
  const deadline = () => props.summons.deadlines.find((row) => row.kind === props.kind);
  const metAt = () => (props.kind === 'ACK' ? props.summons.acknowledgedAt : props.summons.checkedInAt);
  const metLate = () => (props.kind === 'ACK' ? props.summons.ackLate : props.summons.onSiteLate);
  const ms = () => {
    const row = deadline();
    return row ? Date.parse(row.dueAt) - props.now : 0;
  };
  const testId = () => `summons-${props.kind === 'ACK' ? 'ack' : 'onsite'}-${props.summons.department.code}`;
  return (
    <Show
      when={!metAt()}
      fallback={
        <span class="deadline-clock" classList={{ 'deadline-over': metLate() }} data-testid={testId()} data-state="met">
          {props.kind === 'ACK'
            ? metLate()
              ? t('whistles.clock.acknowledgedLate')
              : t('whistles.clock.acknowledged')
            : metLate()
              ? t('whistles.clock.checkedInLate')
              : t('whistles.clock.checkedIn')}
          <Show when={props.kind === 'ON_SITE' && props.summons.checkInFlagged}>
            <span class="muted" data-testid={`summons-flagged-${props.summons.department.code}`}>
              {' '}
              {t('whistles.clock.flagged', { metres: Math.round(props.summons.checkInDistanceM ?? 0) })}
            </span>
          </Show>
        </span>
      }
    >
      <Show
        when={deadline()?.state !== 'CANCELLED'}
        fallback={
          <span class="muted" data-testid={testId()} data-state="cancelled">
            {t('whistles.clock.cancelled')}
          </span>
        }
      >
        <span class="deadline-clock countdown" classList={{ 'deadline-over': ms() < 0 }} data-testid={testId()} data-state={ms() < 0 ? 'late' : 'running'}>
          {ms() < 0 ? t('whistles.clock.over', { time: clockText(ms()) }) : t('whistles.clock.left', { time: clockText(ms()) })}
        </span>
      </Show>
    </Show>
  );
};

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
          <span class="whistle-number" data-testid="whistle-number">
            {props.whistle.number}
          </span>{' '}
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

/**
 * The live countdown board (吹哨报到): every live whistle the viewer may see, each summons' two clocks
 * counting down every second on the page's own clock, kept live by the viewer's whistle feeds. The log
 * position is read first, then the list, and the feeds replay from it, so nothing written in between
 * is missed. A department officer acknowledges and checks in on its own summonses here.
 */
export const WhistleBoard: Component = () => {
  usePageTitle(() => t('whistles.title'));
  const [viewerResult, reexecuteViewer] = createQuery({ query: WhistleBoardViewerQuery });
  const viewer = () => viewerResult.data?.viewer ?? null;
  const feeds = createMemo(() => (viewer() ? whistleFeeds(viewer()!) : []), undefined, { equals: sameJson });
  const departments = createMemo(() => (viewer() ? viewerDepartments(viewer()!) : new Set<string>()));
  const [position] = createQuery({ query: WhistleBoardLogSeqQuery, requestPolicy: 'network-only', pause: () => !viewer() });
  const positionRead = () => position.data !== undefined || position.error !== undefined;
  const [result, reexecute] = createQuery({
    query: WhistleBoardQuery,
    variables: { filter: { live: true } },
    pause: () => !viewer() || !positionRead(),
  });
  const now = useNow(1000);
  const whistles = () => result.data?.whistles.edges.map((edge) => edge.node) ?? [];
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <QueryState state={viewerResult} onRetry={() => reexecuteViewer({ requestPolicy: 'network-only' })}>
      <Show
        when={viewer()}
        fallback={
          <section class="panel narrow" data-testid="whistles-sign-in">
            <h1>{t('whistles.title')}</h1>
            <p>{t('whistles.signInRequired')}</p>
            <A href="/sign-in" class="button button-primary">
              {t('auth.signIn')}
            </A>
          </section>
        }
      >
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
            <For each={feeds()}>{(feed) => <WhistleLiveUpdates feed={feed} after={positionRead() ? (position.data?.logSeq ?? null) : undefined} />}</For>
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
          </Show>
        </QueryState>
      </Show>
    </QueryState>
  );
};
