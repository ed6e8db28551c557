import { createMutation, createQuery } from '@urql/solid';
import { type Component, createEffect, createSignal, For, on, Show } from 'solid-js';
import { type FragmentOf, graphql, readFragment } from '../../graphql/graphql.ts';
import { t, unitName } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { withClientMutationId } from '../../ui/actionForm.ts';
import { OrgUnitFields } from '../org/orgUnit.ts';
import { TicketActionErrorFields, TicketActionResultFields, useTicketActionFailure } from './ticketAction.ts';
import { ticketOutcomeNames } from './ticketOutcome.ts';
import { dispatcherDistricts, useTicketViewer } from './ticketViewer.ts';

/** What dispatching needs: where the ticket is placed (street, community), to route it or send the second part (双派单). */
export const TicketDispatchFormFields = graphql(
  `
    fragment TicketDispatchFormFields on Ticket {
      id
      version
      status
      district {
        id
        code
      }
      street {
        ...OrgUnitFields
      }
      community {
        id
      }
    }
  `,
  [OrgUnitFields],
);

const TicketDispatchFormMutation = graphql(
  `
    mutation TicketDispatchFormMutation($input: DispatchTicketInput!) {
      dispatchTicket(input: $input) {
        __typename
        ... on DispatchTicketResult {
          result {
            ticket {
              ...TicketActionResultFields
            }
          }
        }
        ...TicketActionErrorFields
      }
    }
  `,
  [TicketActionResultFields, TicketActionErrorFields],
);

/** The street offices a dispatcher can route to: those of the district. */
const TicketDispatchFormStreetsQuery = graphql(
  `
    query TicketDispatchFormStreetsQuery($districtCode: String!) {
      district(code: $districtCode) {
        id
        streets(first: 100) {
          edges {
            node {
              ...OrgUnitFields
            }
          }
        }
      }
    }
  `,
  [OrgUnitFields],
);

/** The communities the second part can go to: those of the street the ticket is sent to. */
const TicketDispatchFormCommunitiesQuery = graphql(
  `
    query TicketDispatchFormCommunitiesQuery($streetCode: String!) {
      street(code: $streetCode) {
        id
        communities(first: 100) {
          edges {
            node {
              ...OrgUnitFields
            }
          }
        }
      }
    }
  `,
  [OrgUnitFields],
);

interface TicketDispatchFormProps {
  ticket: FragmentOf<typeof TicketDispatchFormFields>;
  /** reloads the ticket from the API (after a conflict) */
  onReload: () => void;
}

/**
 * Dispatches the ticket to its street office, or also to the community / property side (双派单),
 * each part on its own clock. Dispatching a dispatched ticket again re-routes it (改派). A district
 * dispatcher chooses the street office, which routes a ticket of the city-level pool; a dual dispatch
 * of a ticket placed in no community (or sent to another street) chooses the community. What the API
 * refuses (DispatchTargetError) is explained in the interface language.
 */
export const TicketDispatchForm: Component<TicketDispatchFormProps> = (props) => {
  const [state, send] = createMutation(TicketDispatchFormMutation);
  const dispatch = withClientMutationId(send);
  const viewer = useTicketViewer();
  const ticket = () => readFragment(TicketDispatchFormFields, props.ticket);
  const { failure, settle } = useTicketActionFailure(() => ticket().version);
  const [dual, setDual] = createSignal(false);
  const [assignee, setAssignee] = createSignal('');
  const [streetCode, setStreetCode] = createSignal('');
  const [communityCode, setCommunityCode] = createSignal('');

  // a dispatcher routes within the ticket's district, or (a pool ticket) the first one dispatched for
  const routingDistrict = () => {
    const districts = dispatcherDistricts(viewer());
    return districts.find((district) => district.code === ticket().district?.code) ?? districts[0] ?? null;
  };
  const [streets] = createQuery({
    query: TicketDispatchFormStreetsQuery,
    variables: () => ({ districtCode: routingDistrict()?.code ?? '' }),
    pause: () => routingDistrict() === null,
  });
  const currentStreet = () => {
    const street = ticket().street;
    return street ? unitName(street) : null;
  };
  const streetOptions = () => streets.data?.district?.streets.edges.map((edge) => edge.node) ?? [];
  const moving = () => streetCode() !== '' && streetCode() !== ticket().street?.code;
  const targetStreet = () => (moving() ? streetCode() : (ticket().street?.code ?? ''));
  // the API keeps the ticket's community unless it moves to another street, which places it in none
  const chooseCommunity = () => dual() && targetStreet() !== '' && (moving() || ticket().community === null);
  const [communities] = createQuery({
    query: TicketDispatchFormCommunitiesQuery,
    variables: () => ({ streetCode: targetStreet() }),
    pause: () => !chooseCommunity(),
  });
  const communityOptions = () => communities.data?.street?.communities.edges.map((edge) => edge.node) ?? [];
  createEffect(on(targetStreet, () => setCommunityCode(''), { defer: true }));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const result = await dispatch({
      id: ticket().id,
      expectedVersion: ticket().version,
      dual: dual(),
      ...(moving() ? { streetCode: streetCode() } : {}),
      ...(chooseCommunity() && communityCode() ? { communityCode: communityCode() } : {}),
      ...(dual() && assignee().trim() ? { communityAssignee: assignee().trim() } : {}),
    });
    if (settle(result, result.data?.dispatchTicket)) {
      setDual(false);
      setAssignee('');
      setStreetCode('');
      setCommunityCode('');
    }
  };

  return (
    <form class="action-form" onSubmit={(event) => void submit(event)} data-testid="dispatch-form">
      <Show when={routingDistrict()}>
        <label class="field">
          <span class="field-sublabel">{t('tickets.forms.street')}</span>
          <select value={streetCode()} onChange={(event) => setStreetCode(event.currentTarget.value)} data-testid="dispatch-street">
            <option value="">{currentStreet() ? t('tickets.forms.streetKeep', { name: currentStreet()! }) : t('tickets.forms.streetChoose')}</option>
            <For each={streetOptions()}>{(street) => <option value={street.code}>{unitName(street)}</option>}</For>
          </select>
        </label>
      </Show>
      <label class="check">
        <input type="checkbox" checked={dual()} onChange={(event) => setDual(event.currentTarget.checked)} data-testid="dispatch-dual" />
        <span>
          {t('tickets.forms.dual')}
          <span class="field-hint">{t('tickets.forms.dualHint')}</span>
        </span>
      </label>
      <Show when={chooseCommunity()}>
        <label class="field">
          <span class="field-sublabel">{t('tickets.forms.community')}</span>
          <select value={communityCode()} onChange={(event) => setCommunityCode(event.currentTarget.value)} data-testid="dispatch-community">
            <option value="">{t('tickets.forms.communityChoose')}</option>
            <For each={communityOptions()}>{(community) => <option value={community.code}>{unitName(community)}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={dual()}>
        <label class="field">
          <span class="field-sublabel">{t('tickets.forms.communityAssignee')}</span>
          <input
            value={assignee()}
            maxLength={100}
            placeholder={t('tickets.forms.communityAssigneePlaceholder')}
            onInput={(event) => setAssignee(event.currentTarget.value)}
            data-testid="dispatch-assignee"
          />
        </label>
      </Show>
      <button type="submit" class="button button-primary" disabled={state.fetching} data-testid="dispatch-submit">
        {state.fetching ? t('tickets.forms.working') : ticket().status === 'RECEIVED' ? t('tickets.forms.dispatch') : t('tickets.forms.redispatch')}
      </button>
      <ActionOutcome failure={failure()} names={ticketOutcomeNames} onReload={props.onReload} />
    </form>
  );
};
