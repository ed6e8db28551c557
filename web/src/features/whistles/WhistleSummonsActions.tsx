import { createMutation } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { withClientMutationId } from '../../ui/actionForm.ts';
import { WhistleActionErrorFields, useWhistleActionFailure, whistleOutcomeNames } from './whistleAction.ts';
import { type WhistleCard, WhistleCardFields, type WhistleCardSummons } from './whistleCard.ts';
import { isLiveStage } from './whistleFeeds.ts';

const WhistleSummonsActionsAcknowledgeMutation = graphql(
  `
    mutation WhistleSummonsActionsAcknowledgeMutation($input: AcknowledgeSummonsInput!) {
      acknowledgeSummons(input: $input) {
        __typename
        ... on AcknowledgeSummonsResult {
          result {
            whistle {
              ...WhistleCardFields
            }
          }
        }
        ...WhistleActionErrorFields
      }
    }
  `,
  [WhistleCardFields, WhistleActionErrorFields],
);

const WhistleSummonsActionsCheckInMutation = graphql(
  `
    mutation WhistleSummonsActionsCheckInMutation($input: CheckInInput!) {
      checkIn(input: $input) {
        __typename
        ... on CheckInResult {
          result {
            whistle {
              ...WhistleCardFields
            }
          }
        }
        ...WhistleActionErrorFields
      }
    }
  `,
  [WhistleCardFields, WhistleActionErrorFields],
);

interface WhistleSummonsActionsProps {
  whistle: WhistleCard;
  summons: WhistleCardSummons;
  onReload: () => void;
}

/** Parses a coordinate field: a finite number, or null. */
const coordinate = (text: string) => {
  const value = Number.parseFloat(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
};

/**
 * A summoned department's own steps: acknowledge (its first clock) and check in on site (its second),
 * with the officer's coordinates from the browser's geolocation when it has one, or typed in.
 */
export const WhistleSummonsActions: Component<WhistleSummonsActionsProps> = (props) => {
  const [acknowledging, sendAcknowledge] = createMutation(WhistleSummonsActionsAcknowledgeMutation);
  const [checkingIn, sendCheckIn] = createMutation(WhistleSummonsActionsCheckInMutation);
  const acknowledge = withClientMutationId(sendAcknowledge);
  const checkIn = withClientMutationId(sendCheckIn);
  const { failure, setFailure, settle } = useWhistleActionFailure(() => props.whistle.version);
  const [checkInOpen, setCheckInOpen] = createSignal(false);
  const [lng, setLng] = createSignal('');
  const [lat, setLat] = createSignal('');
  const [locating, setLocating] = createSignal(false);
  const [locateFailed, setLocateFailed] = createSignal(false);
  const busy = () => acknowledging.fetching || checkingIn.fetching;
  const live = () => isLiveStage(props.whistle.stage);
  const canAcknowledge = () => live() && !props.summons.acknowledgedAt && !props.summons.checkedInAt;
  const canCheckIn = () => live() && !props.summons.checkedInAt;
  const code = () => props.summons.department.code;
  const hasGeolocation = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const onAcknowledge = async () => {
    const result = await acknowledge({ summonsId: props.summons.id, expectedVersion: props.whistle.version });
    settle(result, result.data?.acknowledgeSummons);
  };

  const locate = () => {
    if (!hasGeolocation) return;
    setLocating(true);
    setLocateFailed(false);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLng(position.coords.longitude.toFixed(6));
        setLat(position.coords.latitude.toFixed(6));
        setLocating(false);
      },
      () => {
        setLocateFailed(true);
        setLocating(false);
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 30_000 },
    );
  };

  const openCheckIn = () => {
    setCheckInOpen(true);
    locate();
  };

  const onCheckIn = async (event: SubmitEvent) => {
    event.preventDefault();
    const location = { lng: coordinate(lng()), lat: coordinate(lat()) };
    if (location.lng === null || location.lat === null) {
      setFailure({ kind: 'invalid', fields: [...(location.lng === null ? ['lng'] : []), ...(location.lat === null ? ['lat'] : [])] });
      return;
    }
    const result = await checkIn({ summonsId: props.summons.id, expectedVersion: props.whistle.version, location: { lng: location.lng, lat: location.lat } });
    if (settle(result, result.data?.checkIn)) setCheckInOpen(false);
  };

  return (
    <Show when={canAcknowledge() || canCheckIn() || failure()}>
      <div class="summons-actions" data-testid={`summons-actions-${code()}`}>
        <div class="button-row">
          <Show when={canAcknowledge()}>
            <button
              type="button"
              class="button button-primary"
              disabled={busy()}
              onClick={() => void onAcknowledge()}
              data-testid={`summons-acknowledge-${code()}`}
            >
              {acknowledging.fetching ? t('whistles.actions.working') : t('whistles.actions.acknowledge')}
            </button>
          </Show>
          <Show when={canCheckIn() && !checkInOpen()}>
            <button type="button" class="button" disabled={busy()} onClick={openCheckIn} data-testid={`summons-check-in-${code()}`}>
              {t('whistles.actions.checkIn')}
            </button>
          </Show>
        </div>
        <Show when={canCheckIn() && checkInOpen()}>
          <form class="check-in-form" onSubmit={(event) => void onCheckIn(event)} data-testid={`check-in-form-${code()}`}>
            <div class="form-row">
              <label class="field">
                <span class="field-sublabel">{t('whistles.actions.lng')}</span>
                <input
                  type="text"
                  inputmode="decimal"
                  value={lng()}
                  onInput={(event) => setLng(event.currentTarget.value)}
                  data-testid={`check-in-lng-${code()}`}
                />
              </label>
              <label class="field">
                <span class="field-sublabel">{t('whistles.actions.lat')}</span>
                <input
                  type="text"
                  inputmode="decimal"
                  value={lat()}
                  onInput={(event) => setLat(event.currentTarget.value)}
                  data-testid={`check-in-lat-${code()}`}
                />
              </label>
            </div>
            <Show when={locateFailed()}>
              <p class="field-hint" role="status" data-testid={`check-in-locate-failed-${code()}`}>
                {t('whistles.actions.locateFailed')}
              </p>
            </Show>
            <div class="button-row">
              <button type="submit" class="button button-primary" disabled={busy() || locating()} data-testid={`check-in-submit-${code()}`}>
                {checkingIn.fetching ? t('whistles.actions.working') : t('whistles.actions.confirmCheckIn')}
              </button>
              <Show when={hasGeolocation}>
                <button type="button" class="button" disabled={busy() || locating()} onClick={locate} data-testid={`check-in-locate-${code()}`}>
                  {locating() ? t('whistles.actions.locating') : t('whistles.actions.locate')}
                </button>
              </Show>
              <button type="button" class="button" onClick={() => setCheckInOpen(false)}>
                {t('whistles.actions.cancel')}
              </button>
            </div>
          </form>
        </Show>
        <ActionOutcome failure={failure()} names={whistleOutcomeNames} onReload={props.onReload} />
      </div>
    </Show>
  );
};
