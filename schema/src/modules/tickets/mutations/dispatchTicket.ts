import { InputValidationError } from '@pothos/plugin-validation';
import { builder } from '../../../builder.ts';
import { NotFoundError } from '../../../errors/index.ts';
import { IllegalTransitionError, TicketConflictError } from '../ticketErrors.ts';
import { changeTicket, orIllegal } from '../ticketWrites.ts';
import { deadlinesFor } from '../ticketDeadlines.ts';
import { transition } from '../ticketStates.ts';
import { TicketMutationSuccess, ticketPayload } from '../TicketMutationSuccess.ts';

builder.mutationField('dispatchTicket', (t) =>
  t.fieldWithInput({
    description: 'Dispatches a ticket to its street office, or in parallel to the street office and the community / property manager (双派单), each part on its own clock. Dispatching again before acceptance re-routes it (改派).',
    authScopes: { signedIn: true },
    input: {
      id: t.input.id({ description: 'Global id of the ticket.' }),
      expectedVersion: t.input.int({ required: false, description: 'The version the caller saw; a newer one is a conflict.' }),
      dual: t.input.boolean({ defaultValue: false, required: false, description: 'Also dispatch a community part (双派单).' }),
      communityAssignee: t.input.string({ required: false, description: 'Who handles the community part, e.g. the property manager.' }),
    },
    type: TicketMutationSuccess,
    errors: ticketPayload('DispatchTicket', [NotFoundError, IllegalTransitionError, TicketConflictError, InputValidationError]),
    resolve: async (_root, { input }, ctx) => {
      const ticketId = await changeTicket(ctx, { id: input.id, expectedVersion: input.expectedVersion, action: 'dispatch' }, (ticket, now) => {
        const next = orIllegal(transition(ticket.status, 'dispatch')).next;
        // re-routing (改派) is for work nobody has taken yet: a part already accepted keeps its history
        const taken = ticket.parts.find((p) => p.status !== 'DISPATCHED');
        if (taken) throw new IllegalTransitionError(taken.status, 'dispatch');
        const kinds = input.dual ? (['STREET', 'COMMUNITY'] as const) : (['STREET'] as const);
        if (!ticket.streetId) throw new IllegalTransitionError('UNROUTED', 'dispatch');
        if (input.dual && !ticket.communityId) throw new IllegalTransitionError('NO_COMMUNITY', 'dispatch');
        const respondBy = deadlinesFor(now, ticket.category).respondBy;
        return {
          data: { status: next },
          events: [{ type: 'DISPATCHED', fromStatus: ticket.status, toStatus: next, note: input.dual ? 'dual dispatch' : null }],
          also: async (tx) => {
            // re-dispatch replaces the unaccepted parts
            await tx.ticketPart.deleteMany({ where: { ticketId: ticket.id } });
            await tx.ticketPart.createMany({
              data: kinds.map((kind) => ({
                ticketId: ticket.id, kind, dispatchedAt: now, respondBy,
                assigneeStreetId: kind === 'STREET' ? ticket.streetId : null,
                assigneeCommunityId: kind === 'COMMUNITY' ? ticket.communityId : null,
                assigneeLabel: kind === 'COMMUNITY' ? (input.communityAssignee ?? null) : null,
              })),
            });
          },
        };
      });
      return { ticketId };
    },
  }),
);
