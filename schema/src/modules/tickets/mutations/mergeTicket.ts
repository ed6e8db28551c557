import { builder } from '../../../builder.ts';
import { NotFoundError } from '../../../errors/index.ts';
import { IllegalTransitionError, TicketConflictError } from '../ticketErrors.ts';
import { changeTicket, orIllegal, ticketIdOf } from '../ticketWrites.ts';
import { transition } from '../ticketStates.ts';
import { TicketMutationSuccess, ticketPayload } from '../TicketMutationSuccess.ts';

builder.mutationField('mergeTicket', (t) =>
  t.fieldWithInput({
    description: 'Merges a duplicate into another ticket about the same problem; the duplicate leaves the rates and the surviving ticket carries the clock.',
    authScopes: { signedIn: true },
    input: {
      id: t.input.id({ description: 'Global id of the duplicate.' }),
      intoId: t.input.id({ description: 'Global id of the ticket that survives.' }),
      expectedVersion: t.input.int({ required: false, description: 'The version of the duplicate the caller saw.' }),
    },
    type: TicketMutationSuccess,
    errors: ticketPayload('MergeTicket', [NotFoundError, IllegalTransitionError, TicketConflictError]),
    resolve: async (_root, { input }, ctx) => {
      const intoId = ticketIdOf(input.intoId);
      const into = await ctx.prisma.ticket.findUnique({ where: { id: intoId }, select: { id: true, number: true, status: true } });
      if (!into || into.status === 'MERGED') throw new NotFoundError('Ticket', String(input.intoId));
      const ticketId = await changeTicket(ctx, { id: input.id, expectedVersion: input.expectedVersion, action: 'merge' }, (ticket) => {
        if (ticket.id === into.id) throw new IllegalTransitionError(ticket.status, 'merge');
        const next = orIllegal(transition(ticket.status, 'merge')).next;
        return { data: { status: next, mergedIntoId: into.id }, events: [{ type: 'MERGED', fromStatus: ticket.status, toStatus: next, note: `merged into ${into.number}` }] };
      });
      return { ticketId };
    },
  }),
);
