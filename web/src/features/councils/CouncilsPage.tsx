import { A, useSearchParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { formatDateTime, locale, t, unitName } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePageTitle } from '../shell/title.ts';
import { ActionItemList } from './ActionItemList.tsx';
import { CouncilLive, useCouncilPosition } from './CouncilLive.tsx';
import { DEFAULT_COMMUNITY, meetingPath } from './paths.ts';

const CouncilsPageQuery = graphql(`
  query CouncilsPageQuery($communityCode: String!) {
    councils(communityCode: $communityCode) {
      id
      name
      nameEn
      households
      viewerMayManage
      community {
        id
        code
        name
        nameEn
      }
      members {
        name
        role
        alleySteward
        isViewer
      }
      upcoming: meetings(upcoming: true) {
        id
        title
        startsAt
        place
        status
        attendanceCount
      }
      meetings {
        id
        title
        startsAt
        place
        status
        minutes
        motions {
          id
          text
          result
          needed
          tally {
            yes
            no
            abstain
          }
        }
      }
    }
    councilActionItems(communityCode: $communityCode, openOnly: true) {
      id
      text
      dueOn
      overdue
      ownerName
      status
      meeting {
        id
        title
      }
    }
  }
`);

type Council = ResultOf<typeof CouncilsPageQuery>['councils'][number];

/** A meeting's line in a list: title (to meeting mode), when and where, its status. */
const MeetingLine: Component<{ meeting: { id: string; title: string; startsAt: string; place: string; status: 'SCHEDULED' | 'OPEN' | 'CLOSED' } }> = (props) => (
  <div class="meeting-line">
    <A href={meetingPath(props.meeting.id)} class="meeting-line-title" data-testid="meeting-link">
      {props.meeting.title}
    </A>
    <span class="badge" classList={{ 'badge-live': props.meeting.status === 'OPEN' }}>
      {t(`councils.meetingStatus.${props.meeting.status}`)}
    </span>
    <span class="muted">
      {formatDateTime(props.meeting.startsAt)} · {props.meeting.place}
    </span>
  </div>
);

/** One council: its seats, upcoming meetings, and past meetings with their motions' frozen results. */
const CouncilPanel: Component<{ council: Council }> = (props) => {
  const past = () => props.council.meetings.filter((meeting) => meeting.status === 'CLOSED');
  return (
    <section class="panel council-panel" data-testid="council-panel">
      <header class="council-heading">
        <h2>{locale() === 'en' ? props.council.nameEn : props.council.name}</h2>
        <p class="muted">
          {unitName(props.council.community)} · {t('councils.households', { count: props.council.households })} · {t('councils.memberCount', { count: props.council.members.length })}
        </p>
      </header>
      <div class="council-columns">
        <div>
          <h3>{t('councils.members')}</h3>
          <ul class="council-seats" data-testid="council-seats">
            <For each={props.council.members}>
              {(member) => (
                <li classList={{ 'seat-viewer': member.isViewer }}>
                  <span class="seat-name">
                    {member.name}
                    <Show when={member.isViewer}>{t('councils.you')}</Show>
                  </span>
                  <span class="badge">{t(`councils.role.${member.role}`)}</span>
                  <Show when={member.alleySteward}>
                    <span class="badge badge-soft">{t('councils.alleySteward')}</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </div>
        <div>
          <h3>{t('councils.upcoming')}</h3>
          <Show when={props.council.upcoming.length > 0} fallback={<p class="empty">{t('councils.noUpcoming')}</p>}>
            <ul class="meeting-list" data-testid="upcoming-meetings">
              <For each={props.council.upcoming}>{(meeting) => <li><MeetingLine meeting={meeting} /></li>}</For>
            </ul>
          </Show>
          <h3>{t('councils.past')}</h3>
          <Show when={past().length > 0} fallback={<p class="empty">{t('councils.noPast')}</p>}>
            <ul class="meeting-list" data-testid="past-meetings">
              <For each={past()}>
                {(meeting) => (
                  <li>
                    <MeetingLine meeting={meeting} />
                    <ul class="past-motions">
                      <For each={meeting.motions}>
                        {(motion) => (
                          <li data-testid="past-motion">
                            <Show when={motion.result}>
                              {(result) => <span class={`badge motion-result motion-result-${result().toLowerCase()}`}>{t(`councils.motion.result.${result()}`)}</span>}
                            </Show>
                            <span>{motion.text}</span>
                            <span class="muted"> · {t('councils.motion.frozenShort', motion.tally)}</span>
                          </li>
                        )}
                      </For>
                    </ul>
                    <Show when={meeting.minutes}>{(minutes) => <p class="meeting-minutes">{minutes()}</p>}</Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      </div>
    </section>
  );
};

/**
 * The councils page (议事厅): a community's councils (草厂社区 unless `?community=` names another), their
 * seats and meetings, and the open action items of their minutes, overdue ones in red. Live over the
 * community's council feed: a meeting scheduled, opened or closed elsewhere shows without a reload.
 */
export const CouncilsPage: Component = () => {
  const [params, setParams] = useSearchParams<{ community?: string }>();
  const communityCode = () => (params.community && /^\d{12}$/.test(params.community) ? params.community : DEFAULT_COMMUNITY);
  const position = useCouncilPosition();
  const [result, reexecute] = createQuery({ query: CouncilsPageQuery, variables: () => ({ communityCode: communityCode() }), pause: () => !position.ready() });
  const [draft, setDraft] = createSignal('');
  usePageTitle(() => t('councils.title'));
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <div class="councils-page">
      <header class="page-heading">
        <h1>{t('councils.title')}</h1>
        <CouncilLive feed={{ communityCode: communityCode() }} after={position.after()} onNotice={reload} />
      </header>
      <p class="muted">{t('councils.intro')}</p>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (/^\d{12}$/.test(draft().trim())) setParams({ community: draft().trim() });
        }}
      >
        <label for="council-community">{t('councils.community')}</label>
        <input id="council-community" class="input" inputmode="numeric" placeholder={communityCode()} value={draft()} onInput={(event) => setDraft(event.currentTarget.value)} />
        <button type="submit" class="button">
          {t('councils.show')}
        </button>
      </form>
      <QueryState state={result} onRetry={reload}>
        <Show when={(result.data?.councils.length ?? 0) > 0} fallback={<p class="empty" data-testid="councils-none">{t('councils.none')}</p>}>
          <For each={result.data?.councils}>{(council) => <CouncilPanel council={council} />}</For>
        </Show>
        <section class="panel" data-testid="action-items">
          <h2>{t('councils.actionItems')}</h2>
          <Show when={(result.data?.councilActionItems.length ?? 0) > 0} fallback={<p class="empty">{t('councils.noActionItems')}</p>}>
            <ActionItemList items={result.data?.councilActionItems ?? []} />
          </Show>
        </section>
      </QueryState>
    </div>
  );
};
