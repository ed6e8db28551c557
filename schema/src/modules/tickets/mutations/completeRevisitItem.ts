import { decodeGlobalID } from '@pothos/plugin-relay';
import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { changeAggregate } from '../../../spine/aggregate.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';
import { IllegalTransitionError, TicketConflictError } from '../ticketErrors.ts';
import { mayRevisit, revisitPlansWhereVisibleTo } from '../ticketPolicy.ts';
import { ticketIdOf, ticketStore } from '../ticketStore.ts';
import { CLIENT_MUTATION_ID, TicketMutationSuccess, ticketPayload } from '../TicketMutationSuccess.ts';

builder.mutationField('completeRevisitItem', (t) =>
  t.fieldWithInput({
    description: 'Records that a planned revisit (回头看) was made and what it found; the ticket records REVISITED in its history. If the problem is back, reopen the ticket as well.',
    authScopes: { signedIn: true },
    input: {
      planId: t.input.id({ description: 'Global id of the revisit plan.' }),
      ticketId: t.input.id({ description: 'Global id of the ticket revisited.' }),
      note: t.input.string({ description: 'What the revisit found (1–2000 characters).' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: TicketMutationSuccess,
    errors: ticketPayload('CompleteRevisitItem', [NotFoundError, IllegalTransitionError, TicketConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(z.object({ note: z.string().trim().min(1).max(2000), clientMutationId: clientMutationIdSchema }).passthrough(), args.input);
      const plan = (() => {
        try {
          const { typename, id } = decodeGlobalID(String(args.input.planId));
          return typename === 'RevisitPlan' ? id : null;
        } catch {
          return null;
        }
      })();
      if (!plan) throw new NotFoundError('RevisitPlan', String(args.input.planId));
      const ticketId = ticketIdOf(args.input.ticketId);
      return changeAggregate(
        ctx,
        ticketStore,
        { mutation: 'completeRevisitItem', input: args.input, clientMutationId: input.clientMutationId, id: ticketId, clientId: String(args.input.ticketId), authorize: (ticket) => mayRevisit(ctx.viewer, ticket) },
        async (ticket, now, tx) => {
          const item = await tx.revisitItem.findFirst({ where: { ticketId: ticket.id, plan: { AND: [{ id: plan }, revisitPlansWhereVisibleTo(ctx.viewer)] } }, select: { id: true, doneAt: true } });
          if (!item) throw new NotFoundError('RevisitPlan', String(args.input.planId));
          if (item.doneAt) throw new IllegalTransitionError('REVISITED', 'completeRevisitItem');
          return {
            data: {},
            events: [{ type: 'REVISITED', note: input.note }],
            also: async (tx) => {
              await tx.revisitItem.update({ where: { id: item.id }, data: { doneAt: now, note: input.note } });
              await tx.revisitPlan.update({ where: { id: plan }, data: { version: { increment: 1 } } });
            },
          };
        },
      );
    },
  }),
);
