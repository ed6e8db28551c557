import { InputValidationError } from '@pothos/plugin-validation';
import { builder } from '../../../builder.ts';
import { NotFoundError } from '../../../errors/index.ts';
import { clientMutationIdOf } from '../../../spine/writes.ts';
import { DispatchTargetError, IllegalTransitionError, TicketConflictError } from '../ticketErrors.ts';
import { deadlinesFor } from '../ticketDeadlines.ts';
import { mayRouteTo } from '../ticketPolicy.ts';
import { transition } from '../ticketStates.ts';
import { changeTicket, orIllegal } from '../ticketStore.ts';
import { CLIENT_MUTATION_ID, TicketMutationSuccess, ticketPayload } from '../TicketMutationSuccess.ts';

builder.mutationField('dispatchTicket', (t) =>
  t.fieldWithInput({
    description:
      'Dispatches a ticket to its street office, or in parallel to the street office and the community / property manager (双派单), each part on its own clock. Dispatching again before acceptance re-routes it (改派). A dispatcher routes a ticket that has no street yet (the city-level pool, or its district) with `streetCode`.',
    authScopes: { signedIn: true },
    input: {
      id: t.input.id({ description: 'Global id of the ticket.' }),
      expectedVersion: t.input.int({ required: false, description: 'The version the caller saw; a newer one is a conflict.' }),
      dual: t.input.boolean({ defaultValue: false, required: false, description: 'Also dispatch a community part (双派单).' }),
      communityAssignee: t.input.string({ required: false, description: 'Who handles the community part, e.g. the property manager.' }),
      streetCode: t.input.string({ required: false, description: 'Dispatchers: the street office to send it to (routes an unrouted ticket, or re-routes one).' }),
      communityCode: t.input.string({ required: false, description: 'The community within that street (needed for a dual dispatch of a ticket that has none).' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: TicketMutationSuccess,
    errors: ticketPayload('DispatchTicket', [NotFoundError, IllegalTransitionError, TicketConflictError, DispatchTargetError, InputValidationError]),
    resolve: async (_root, { input }, ctx) => {
      const clientMutationId = await clientMutationIdOf(input);
      return changeTicket(ctx, { mutation: 'dispatchTicket', input, clientMutationId, id: input.id, expectedVersion: input.expectedVersion, action: 'dispatch' }, async (ticket, now, tx) => {
        const next = orIllegal(transition(ticket.status, 'dispatch')).next;
        // re-routing (改派) is for work nobody has taken yet: a part already accepted keeps its history
        const taken = ticket.parts.find((p) => p.status !== 'DISPATCHED');
        if (taken) throw new IllegalTransitionError(taken.status, 'dispatch');
        let place = { districtId: ticket.districtId, streetId: ticket.streetId, communityId: ticket.communityId, gridCellId: ticket.gridCellId };
        if (input.streetCode) {
          const street = await tx.street.findUnique({ where: { code: input.streetCode }, select: { id: true, districtId: true } });
          if (!street) throw new DispatchTargetError('UNKNOWN_STREET');
          if (street.id !== ticket.streetId && !mayRouteTo(ctx.viewer, ticket, street)) throw new DispatchTargetError('STREET_OUTSIDE_SCOPE');
          if (street.id !== ticket.streetId) place = { districtId: street.districtId, streetId: street.id, communityId: null, gridCellId: null };
        }
        if (input.communityCode) {
          const community = await tx.community.findFirst({ where: { code: input.communityCode, streetId: place.streetId ?? '' }, select: { id: true } });
          if (!community) throw new DispatchTargetError('UNKNOWN_COMMUNITY');
          if (community.id !== place.communityId) place = { ...place, communityId: community.id, gridCellId: null };
        }
        if (!place.streetId) throw new DispatchTargetError('UNROUTED');
        if (input.dual && !place.communityId) throw new DispatchTargetError('NO_COMMUNITY');
        const kinds = input.dual ? (['STREET', 'COMMUNITY'] as const) : (['STREET'] as const);
        const respondBy = deadlinesFor(now, ticket.category).respondBy;
        const moved = place.streetId !== ticket.streetId || place.communityId !== ticket.communityId;
        return {
          data: { status: next, ...place },
          events: [{ type: 'DISPATCHED', fromStatus: ticket.status, toStatus: next, note: [input.dual ? 'dual dispatch' : null, moved ? 'routed by dispatcher' : null].filter(Boolean).join('; ') || null }],
          also: async (tx) => {
            // re-dispatch replaces the unaccepted parts
            await tx.ticketPart.deleteMany({ where: { ticketId: ticket.id } });
            await tx.ticketPart.createMany({
              data: kinds.map((kind) => ({
                ticketId: ticket.id, kind, dispatchedAt: now, respondBy,
                assigneeStreetId: kind === 'STREET' ? place.streetId : null,
                assigneeCommunityId: kind === 'COMMUNITY' ? place.communityId : null,
                assigneeLabel: kind === 'COMMUNITY' ? (input.communityAssignee ?? null) : null,
              })),
            });
          },
        };
      });
    },
  }),
);
