import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { SatisfactionEnum } from '../enums.ts';
import { IllegalTransitionError, TicketConflictError } from '../ticketErrors.ts';
import { changeTicket, orIllegal } from '../ticketStore.ts';
import { callbackReopens, transition } from '../ticketStates.ts';
import { CLIENT_MUTATION_ID, TicketMutationSuccess, ticketPayload } from '../TicketMutationSuccess.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';

builder.mutationField('recordTicketCallback', (t) =>
  t.fieldWithInput({
    description: 'Records the call-back survey (回访) of a resolved ticket. Satisfied or basically satisfied closes it; unsatisfied reopens it to its assignees.',
    authScopes: { signedIn: true },
    input: {
      id: t.input.id({ description: 'Global id of the ticket.' }),
      expectedVersion: t.input.int({ required: false, description: 'The version the caller saw; a newer one is a conflict.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
      resolved: t.input.boolean({ description: 'Does the resident say the problem is solved?' }),
      satisfaction: t.input.field({ type: SatisfactionEnum, description: 'Satisfied, basically satisfied or unsatisfied.' }),
      comment: t.input.string({ required: false, description: "The resident's words (up to 2000 characters)." }),
    },
    type: TicketMutationSuccess,
    errors: ticketPayload('RecordTicketCallback', [NotFoundError, IllegalTransitionError, TicketConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const { comment } = await validateInput(z.object({ comment: z.string().trim().max(2000).nullish(), clientMutationId: clientMutationIdSchema }), { comment: args.input.comment, clientMutationId: args.input.clientMutationId });
      const answer = { resolved: args.input.resolved, satisfaction: args.input.satisfaction };
      return changeTicket(ctx, { mutation: 'recordTicketCallback', input: args.input, clientMutationId: args.input.clientMutationId, id: args.input.id, expectedVersion: args.input.expectedVersion, action: 'recordCallback' }, (ticket, now) => {
        const next = orIllegal(transition(ticket.status, 'recordCallback', answer)).next;
        const reopen = callbackReopens(answer);
        const closed = reopen ? null : orIllegal(transition(next, 'close')).next;
        return {
          data: {
            status: closed ?? next,
            callbackResolved: answer.resolved,
            callbackSatisfaction: answer.satisfaction,
            callbackAt: now,
            ...(closed ? { closedAt: now } : { resolvedAt: null }),
          },
          events: [
            // the history reads as the state machine does: RESOLVED → CALLED_BACK, then CLOSED or REOPENED from there
            { type: 'CALLED_BACK', fromStatus: ticket.status, toStatus: 'CALLED_BACK', note: comment ?? null },
            closed
              ? { type: 'CLOSED', fromStatus: 'CALLED_BACK', toStatus: closed }
              : { type: 'REOPENED', fromStatus: 'CALLED_BACK', toStatus: next, note: 'unsatisfied call-back' },
          ],
          also: async (tx) => {
            await tx.callbackSurvey.create({ data: { ticketId: ticket.id, ...answer, comment: comment ?? null, recordedById: ctx.viewer?.userId ?? null, at: now } });
            if (reopen) await tx.ticketPart.updateMany({ where: { ticketId: ticket.id }, data: { status: 'DISPATCHED', acceptedAt: null, resolvedAt: null, version: { increment: 1 } } });
          },
        };
      });
    },
  }),
);
