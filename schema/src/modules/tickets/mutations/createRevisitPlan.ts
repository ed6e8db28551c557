import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { IdempotencyKeyReusedError, NotFoundError, validateInput } from '../../../errors/index.ts';
import { applyChange } from '../../../spine/aggregate.ts';
import { clientMutationIdSchema, runWrite } from '../../../spine/writes.ts';
import { ticketsWhereVisibleTo } from '../ticketPolicy.ts';
import { ticketIdOf, ticketStore } from '../ticketStore.ts';
import { CLIENT_MUTATION_ID } from '../TicketMutationSuccess.ts';

const RevisitPlanSuccess = builder.objectRef<{ planId: string; replayed: boolean }>('CreateRevisitPlanSuccess').implement({
  description: 'The new plan.',
  fields: (t) => ({
    plan: t.prismaField({
      type: 'RevisitPlan',
      description: 'The plan with its items.',
      resolve: (query, parent, _args, ctx) => ctx.prisma.revisitPlan.findUniqueOrThrow({ ...query, where: { id: parent.planId } }),
    }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this is the stored answer to an earlier request with the same clientMutationId.' }),
  }),
});

/** The narrowest unit holding every ticket: the one street, else the one district, else none. */
const commonPlace = (tickets: { streetId: string | null; districtId: string | null }[]) => {
  const streets = new Set(tickets.map((t) => t.streetId));
  const districts = new Set(tickets.map((t) => t.districtId));
  const [street] = streets;
  const [district] = districts;
  return { streetId: streets.size === 1 ? (street ?? null) : null, districtId: districts.size === 1 ? (district ?? null) : null };
};

builder.mutationField('createRevisitPlan', (t) =>
  t.fieldWithInput({
    description: 'Plans a revisit (回头看) of chosen past tickets, each due at `dueAt`; each ticket records REVISIT_PLANNED in its history. Staff only; every ticket must be visible to the caller.',
    authScopes: { staff: true },
    input: {
      name: t.input.string({ description: 'What the plan is (1–100 characters).' }),
      keyword: t.input.string({ required: false, description: 'The keyword the tickets were found with.' }),
      ticketIds: t.input.idList({ description: 'Global ids of the tickets (1–500).' }),
      dueAt: t.input.field({ type: 'DateTime', description: 'When the revisits are due.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: RevisitPlanSuccess,
    errors: { types: [NotFoundError, InputValidationError, IdempotencyKeyReusedError], union: { name: 'CreateRevisitPlanPayload' }, dataField: { name: 'created', description: 'The new plan.' }, result: { name: 'CreateRevisitPlanResult' } },
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(
        z.object({ name: z.string().trim().min(1).max(100), keyword: z.string().trim().max(100).nullish(), ticketIds: z.array(z.unknown()).min(1).max(500), dueAt: z.date(), clientMutationId: clientMutationIdSchema }),
        args.input,
      );
      const ids = [...new Set(input.ticketIds.map((id) => ticketIdOf(String(id))))];
      return runWrite(ctx, { mutation: 'createRevisitPlan', input: args.input, clientMutationId: input.clientMutationId }, async (tx, now) => {
        const tickets = await Promise.all(ids.map((id) => ticketStore.load(tx, id, ctx.viewer)));
        const missing = ids.find((_, i) => !tickets[i]);
        if (missing) throw new NotFoundError('Ticket', missing);
        const rows = tickets.map((ticket) => ticket!);
        const plan = await tx.revisitPlan.create({
          data: { name: input.name, keyword: input.keyword ?? null, createdById: ctx.viewer!.userId, ...commonPlace(rows), items: { create: ids.map((ticketId) => ({ ticketId, dueAt: input.dueAt })) } },
          select: { id: true },
        });
        const notes: (() => void)[] = [];
        for (const ticket of rows) {
          const { notify } = await applyChange(tx, ctx, ticketStore, ticket, { data: {}, events: [{ type: 'REVISIT_PLANNED', note: `${input.name} · ${input.dueAt.toISOString()}` }] }, now);
          notes.push(notify);
        }
        return { result: { planId: plan.id }, afterCommit: () => notes.forEach((n) => n()) };
      });
    },
  }),
);
