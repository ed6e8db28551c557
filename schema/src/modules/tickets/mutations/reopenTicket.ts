import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { IllegalTransitionError, TicketConflictError } from '../ticketErrors.ts';
import { changeTicket, orIllegal } from '../ticketStore.ts';
import { transition } from '../ticketStates.ts';
import { CLIENT_MUTATION_ID, TicketMutationSuccess, ticketPayload } from '../TicketMutationSuccess.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';

builder.mutationField('reopenTicket', (t) =>
  t.fieldWithInput({
    description: 'Reopens a resolved, called-back or closed ticket (a repeat call, or a revisit 回头看 that finds the problem back); its parts return to their assignees unaccepted.',
    authScopes: { signedIn: true },
    input: {
      id: t.input.id({ description: 'Global id of the ticket.' }),
      expectedVersion: t.input.int({ required: false, description: 'The version the caller saw; a newer one is a conflict.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
      reason: t.input.string({ description: 'Why it is reopened (1–2000 characters).' }),
    },
    type: TicketMutationSuccess,
    errors: ticketPayload('ReopenTicket', [NotFoundError, IllegalTransitionError, TicketConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const { reason } = await validateInput(z.object({ reason: z.string().trim().min(1).max(2000), clientMutationId: clientMutationIdSchema }), { reason: args.input.reason, clientMutationId: args.input.clientMutationId });
      return changeTicket(ctx, { mutation: 'reopenTicket', input: args.input, clientMutationId: args.input.clientMutationId, id: args.input.id, expectedVersion: args.input.expectedVersion, action: 'reopen' }, (ticket) => {
        const next = orIllegal(transition(ticket.status, 'reopen')).next;
        return {
          data: { status: next, resolvedAt: null, closedAt: null },
          events: [{ type: 'REOPENED', fromStatus: ticket.status, toStatus: next, note: reason }],
          also: (tx) => tx.ticketPart.updateMany({ where: { ticketId: ticket.id }, data: { status: 'DISPATCHED', acceptedAt: null, resolvedAt: null, version: { increment: 1 } } }),
        };
      });
    },
  }),
);
