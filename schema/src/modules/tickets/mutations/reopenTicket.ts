import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { IllegalTransitionError, TicketConflictError } from '../ticketErrors.ts';
import { changeTicket, orIllegal } from '../ticketWrites.ts';
import { transition } from '../ticketStates.ts';
import { TicketMutationSuccess, ticketPayload } from '../TicketMutationSuccess.ts';

builder.mutationField('reopenTicket', (t) =>
  t.fieldWithInput({
    description: 'Reopens a resolved, called-back or closed ticket (a repeat call, or a revisit 回头看 that finds the problem back); its parts return to their assignees unaccepted.',
    authScopes: { signedIn: true },
    input: {
      id: t.input.id({ description: 'Global id of the ticket.' }),
      expectedVersion: t.input.int({ required: false, description: 'The version the caller saw; a newer one is a conflict.' }),
      reason: t.input.string({ description: 'Why it is reopened (1–2000 characters).' }),
    },
    type: TicketMutationSuccess,
    errors: ticketPayload('ReopenTicket', [NotFoundError, IllegalTransitionError, TicketConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const { reason } = await validateInput(z.object({ reason: z.string().trim().min(1).max(2000) }), { reason: args.input.reason });
      const ticketId = await changeTicket(ctx, { id: args.input.id, expectedVersion: args.input.expectedVersion, action: 'reopen' }, (ticket) => {
        const next = orIllegal(transition(ticket.status, 'reopen')).next;
        return {
          data: { status: next, resolvedAt: null, closedAt: null },
          events: [{ type: 'REOPENED', fromStatus: ticket.status, toStatus: next, note: reason }],
          also: (tx) => tx.ticketPart.updateMany({ where: { ticketId: ticket.id }, data: { status: 'DISPATCHED', acceptedAt: null, resolvedAt: null, version: { increment: 1 } } }),
        };
      });
      return { ticketId };
    },
  }),
);
