import { InputValidationError } from '@pothos/plugin-validation';
import { builder } from '../../../builder.ts';
import { NotFoundError } from '../../../errors/index.ts';
import { IllegalTransitionError, TicketConflictError } from '../ticketErrors.ts';
import { ticketsWhereVisibleTo } from '../ticketPolicy.ts';
import { transition } from '../ticketStates.ts';
import { changeTicket, orIllegal, ticketIdOf } from '../ticketStore.ts';
import { CLIENT_MUTATION_ID, TicketMutationSuccess, ticketPayload } from '../TicketMutationSuccess.ts';
import { clientMutationIdOf } from '../../../spine/writes.ts';

builder.mutationField('mergeTicket', (t) =>
  t.fieldWithInput({
    description: 'Merges a duplicate into another ticket about the same problem; the duplicate leaves the rates and the surviving ticket carries the clock. Both tickets must be visible to the caller.',
    authScopes: { signedIn: true },
    input: {
      id: t.input.id({ description: 'Global id of the duplicate.' }),
      intoId: t.input.id({ description: 'Global id of the ticket that survives.' }),
      expectedVersion: t.input.int({ required: false, description: 'The version of the duplicate the caller saw.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: TicketMutationSuccess,
    errors: ticketPayload('MergeTicket', [NotFoundError, IllegalTransitionError, TicketConflictError, InputValidationError]),
    resolve: async (_root, { input }, ctx) => {
      const intoId = ticketIdOf(input.intoId);
      const clientMutationId = await clientMutationIdOf(input);
      return changeTicket(ctx, { mutation: 'mergeTicket', input, clientMutationId, id: input.id, expectedVersion: input.expectedVersion, action: 'merge' }, async (ticket, _now, tx) => {
        // the survivor is read through the caller's visibility: a dispatcher cannot merge into (and so
        // reveal through mergedInto) a ticket of a district they do not see
        const into = await tx.ticket.findFirst({ where: { AND: [{ id: intoId }, ticketsWhereVisibleTo(ctx.viewer)] }, select: { id: true, number: true, status: true } });
        if (!into || into.status === 'MERGED') throw new NotFoundError('Ticket', String(input.intoId));
        if (ticket.id === into.id) throw new IllegalTransitionError(ticket.status, 'merge');
        const next = orIllegal(transition(ticket.status, 'merge')).next;
        return { data: { status: next, mergedIntoId: into.id }, events: [{ type: 'MERGED', fromStatus: ticket.status, toStatus: next, note: `merged into ${into.number}` }] };
      });
    },
  }),
);
