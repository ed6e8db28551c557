import { createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { formatDateTime, formatNumber, t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useVolunteerStep, VolunteerActionErrorFields, volunteerOutcomeNames } from './volunteerAction.ts';
import { claimLabel, hoursOf } from './volunteerFigures.ts';

/** A shift as the member's list shows it. Unmasked: the page reads it. */
export const MyVolunteerPostsShiftFields = graphql(`
  fragment MyVolunteerPostsShiftFields on Shift @_unmask {
    id
    status
    checkInAt
    checkOutAt
    minutes
    checkInOnSite
    checkInDistanceM
    checkOutOnSite
    countsAsHours
    note
    post {
      id
      title
    }
  }
`);

const MyVolunteerPostsQuery = graphql(
  `
    query MyVolunteerPostsQuery {
      myPartyMember {
        id
        name
        branch
        organisation
        claims {
          id
          status
          waitlistPosition
          at
          post {
            id
            title
            category
            schedule
            open
            location {
              lng
              lat
            }
          }
        }
        shifts {
          ...MyVolunteerPostsShiftFields
        }
      }
    }
  `,
  [MyVolunteerPostsShiftFields],
);

const MyVolunteerPostsCancelMutation = graphql(
  `
    mutation MyVolunteerPostsCancelMutation($input: CancelPostClaimInput!) {
      cancelPostClaim(input: $input) {
        __typename
        ... on CancelPostClaimResult {
          result {
            claim {
              id
              status
              waitlistPosition
            }
            post {
              id
              claimed
              placesLeft
              waitlisted
            }
          }
        }
        ...VolunteerActionErrorFields
      }
    }
  `,
  [VolunteerActionErrorFields],
);

const MyVolunteerPostsCheckInMutation = graphql(
  `
    mutation MyVolunteerPostsCheckInMutation($input: CheckInShiftInput!) {
      checkInShift(input: $input) {
        __typename
        ... on CheckInShiftResult {
          result {
            shift {
              ...MyVolunteerPostsShiftFields
            }
          }
        }
        ...VolunteerActionErrorFields
      }
    }
  `,
  [MyVolunteerPostsShiftFields, VolunteerActionErrorFields],
);

const MyVolunteerPostsCheckOutMutation = graphql(
  `
    mutation MyVolunteerPostsCheckOutMutation($input: CheckOutShiftInput!) {
      checkOutShift(input: $input) {
        __typename
        ... on CheckOutShiftResult {
          result {
            shift {
              ...MyVolunteerPostsShiftFields
            }
          }
        }
        ...VolunteerActionErrorFields
      }
    }
  `,
  [MyVolunteerPostsShiftFields, VolunteerActionErrorFields],
);

type Member = NonNullable<ResultOf<typeof MyVolunteerPostsQuery>['myPartyMember']>;
type Claim = Member['claims'][number];
type Shift = ResultOf<typeof MyVolunteerPostsShiftFields>;
type LngLat = { lng: number; lat: number };

/** Where the browser is, or null when it will not say within a few seconds (no permission, no fix). */
function browserLocation(): Promise<LngLat | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ lng: position.coords.longitude, lat: position.coords.latitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 5000, maximumAge: 60_000 },
    );
  });
}

/** One claim: the post, the claim's state (a place, or the waitlist position), check in / out, cancel. */
const ClaimRow: Component<{ claim: Claim; openShift: Shift | undefined; onChanged: () => void }> = (props) => {
  const cancel = useVolunteerStep(MyVolunteerPostsCancelMutation, (data) => data.cancelPostClaim);
  const checkIn = useVolunteerStep(MyVolunteerPostsCheckInMutation, (data) => data.checkInShift);
  const checkOut = useVolunteerStep(MyVolunteerPostsCheckOutMutation, (data) => data.checkOutShift);
  const [note, setNote] = createSignal<string | null>(null);
  const busy = () => cancel.state.fetching || checkIn.state.fetching || checkOut.state.fetching;
  const failure = () => cancel.failure() ?? checkIn.failure() ?? checkOut.failure();
  // the browser's location, or the post's (the API then records the distance: 0 m, but the staff see the note)
  const where = async () => {
    setNote(t('volunteers.mine.locating'));
    const found = await browserLocation();
    setNote(found ? null : t('volunteers.mine.locationFallback'));
    return found ?? { lng: props.claim.post.location.lng, lat: props.claim.post.location.lat };
  };
  const doCheckIn = async () => {
    if (await checkIn.send({ postId: props.claim.post.id, location: await where() })) props.onChanged();
  };
  const doCheckOut = async (shift: Shift) => {
    if (await checkOut.send({ shiftId: shift.id, location: await where() })) props.onChanged();
  };
  const doCancel = async () => {
    if (await cancel.send({ claimId: props.claim.id })) props.onChanged();
  };
  return (
    <li class="claim-row" data-testid="my-claim" data-title={props.claim.post.title} data-status={props.claim.status}>
      <div class="claim-main">
        <span class="badge">{t(`volunteers.category.${props.claim.post.category}`)}</span>
        <strong>{props.claim.post.title}</strong>
        <span class="badge" classList={{ 'badge-ok': props.claim.status === 'CLAIMED' }} data-testid="my-claim-status">
          {claimLabel(props.claim)}
        </span>
        <span class="muted">{props.claim.post.schedule}</span>
      </div>
      <Show when={props.claim.status !== 'CANCELLED'}>
        <div class="claim-actions">
          <Show when={props.claim.status === 'CLAIMED'}>
            <Show
              when={props.openShift}
              fallback={
                <button type="button" class="button button-primary" disabled={busy()} onClick={() => void doCheckIn()} data-testid="shift-check-in">
                  {t('volunteers.mine.checkIn')}
                </button>
              }
            >
              {(shift) => (
                <button type="button" class="button button-primary" disabled={busy()} onClick={() => void doCheckOut(shift())} data-testid="shift-check-out">
                  {t('volunteers.mine.checkOut')}
                </button>
              )}
            </Show>
          </Show>
          <button type="button" class="button button-quiet" disabled={busy()} onClick={() => void doCancel()} data-testid="claim-cancel">
            {t('volunteers.mine.cancel')}
          </button>
        </div>
      </Show>
      <Show when={note()}>{(text) => <p class="muted" role="status">{text()}</p>}</Show>
      <ActionOutcome failure={failure()} names={volunteerOutcomeNames} onReload={props.onChanged} />
    </li>
  );
};

/** My posts (我的岗位): the member's claims with check-in and check-out, and their shifts and verified hours. */
export const MyVolunteerPosts: Component = () => {
  // a claim made on the catalogue is not in a cached list of the member's claims: ask the API each time
  const [result, reexecute] = createQuery({ query: MyVolunteerPostsQuery, requestPolicy: 'cache-and-network' });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const member = () => result.data?.myPartyMember ?? null;
  const openShift = (postId: string) => member()?.shifts.find((shift) => shift.status === 'OPEN' && shift.post.id === postId);
  const verifiedHours = () => hoursOf((member()?.shifts ?? []).filter((shift) => shift.countsAsHours).reduce((sum, shift) => sum + (shift.minutes ?? 0), 0));

  return (
    <div class="volunteers-page">
      <h1>{t('volunteers.nav.mine')}</h1>
      <QueryState state={result} onRetry={reload}>
        <Show when={member()} fallback={<p class="empty">{t('volunteers.mine.notMember')}</p>}>
          {(current) => (
            <>
              <p class="muted">{t('volunteers.mine.member', { name: current().name, branch: current().branch })}</p>
              <p class="kpi-inline" data-testid="my-hours">
                {t('volunteers.mine.totalHours', { hours: formatNumber(verifiedHours()) })}
              </p>
              <section class="panel">
                <h2>{t('volunteers.mine.claims')}</h2>
                <Show when={current().claims.length > 0} fallback={<p class="empty">{t('volunteers.mine.noClaims')}</p>}>
                  <ul class="claim-list" data-testid="my-claims">
                    <For each={current().claims}>{(claim) => <ClaimRow claim={claim} openShift={openShift(claim.post.id)} onChanged={reload} />}</For>
                  </ul>
                </Show>
              </section>
              <section class="panel">
                <h2>{t('volunteers.mine.shifts')}</h2>
                <Show when={current().shifts.length > 0} fallback={<p class="empty">{t('volunteers.mine.noShifts')}</p>}>
                  <ul class="shift-list" data-testid="my-shifts">
                    <For each={current().shifts}>
                      {(shift) => (
                        <li data-testid="my-shift" data-status={shift.status}>
                          <strong>{shift.post.title}</strong>
                          <span class="badge" classList={{ 'badge-ok': shift.status === 'VERIFIED', 'badge-danger': shift.status === 'REJECTED' }}>
                            {t(`volunteers.shift.status.${shift.status}`)}
                          </span>
                          <span class="muted">{t('volunteers.shift.checkInAt', { at: formatDateTime(shift.checkInAt) })}</span>
                          <Show when={shift.checkOutAt}>{(at) => <span class="muted">{t('volunteers.shift.checkOutAt', { at: formatDateTime(at()) })}</span>}</Show>
                          <Show when={shift.minutes !== null}>
                            <span>{t('volunteers.shift.minutes', { minutes: shift.minutes ?? 0 })}</span>
                          </Show>
                          <Show when={!shift.checkInOnSite}>
                            <span class="deadline-over">{t('volunteers.shift.offSite', { metres: Math.round(shift.checkInDistanceM) })}</span>
                          </Show>
                          <Show when={shift.note}>{(text) => <span class="muted">{t('volunteers.shift.note', { note: text() })}</span>}</Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            </>
          )}
        </Show>
      </QueryState>
    </div>
  );
};
