import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { forbidden, createAggregate } from '../../../spine/aggregate.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';
import { LngLatInput } from '../../org/enums.ts';
import { ticketIdOf } from '../../tickets/ticketStore.ts';
import { ticketsWhereVisibleTo } from '../../tickets/ticketPolicy.ts';
import { SummonsRoleEnum, WhistleModeEnum, WhistleTierEnum } from '../enums.ts';
import { deadlinesFor } from '../whistleDeadlines.ts';
import { SummonsListError } from '../whistleErrors.ts';
import { WhistleMutationSuccess, whistlePayload } from '../WhistleMutationSuccess.ts';
import { mayPerform } from '../whistlePolicy.ts';
import { summonsListProblem, whistleNumber } from '../whistleStates.ts';
import { whistleForWrite, whistleStore } from '../whistleStore.ts';

const SummonsInput = builder.inputType('SummonsInput', {
  description: 'One department to summon and its role.',
  fields: (t) => ({
    departmentCode: t.string({ description: 'Department code, e.g. 110101-CGZF (another district for a cross-district whistle, or BJ-… for a city department).' }),
    role: t.field({ type: SummonsRoleEnum, description: 'LEAD (exactly one) or ASSIST.' }),
  }),
});

const inputSchema = z.object({
  reason: z.string().trim().min(4).max(2000),
  location: z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }),
  clientMutationId: clientMutationIdSchema,
}).passthrough();

builder.mutationField('blowWhistle', (t) =>
  t.fieldWithInput({
    description:
      "Blows a whistle (吹哨) for a street: summons the departments (exactly one LEAD), each with the tier's acknowledge and on-site deadlines of the street's district. Summoning a department of another district, or the office of a street across the boundary (a STREET-level department, e.g. 110106002-JD), makes it cross-district: both districts see it, and that street's officers act on its summons.",
    authScopes: { signedIn: true },
    input: {
      streetCode: t.input.string({ description: 'The street office that whistles, e.g. 110101011.' }),
      tier: t.input.field({ type: WhistleTierEnum, description: 'Routine, key or emergency.' }),
      mode: t.input.field({ type: WhistleModeEnum, description: 'Collaboration mode.' }),
      reason: t.input.string({ description: 'Why (4–2000 characters).' }),
      location: t.input.field({ type: LngLatInput, description: 'Where the departments must report.' }),
      summons: t.input.field({ type: [SummonsInput], description: 'The departments to summon.' }),
      categoryCode: t.input.string({ required: false, description: 'Problem category code (see whistleSuggestions).' }),
      ticketId: t.input.id({ required: false, description: 'Global id of a ticket this whistle is about.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: WhistleMutationSuccess,
    errors: whistlePayload('BlowWhistle', [NotFoundError, SummonsListError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(inputSchema, args.input);
      const street = await ctx.prisma.street.findUnique({ where: { code: args.input.streetCode }, select: { id: true, districtId: true } });
      if (!street) throw new NotFoundError('Street', args.input.streetCode);
      if (!mayPerform(ctx.viewer, 'blow', { streetId: street.id, districtId: street.districtId })) throw forbidden();
      const list = args.input.summons;
      const problem = summonsListProblem(list);
      if (problem) throw new SummonsListError(problem, []);
      const departments = await ctx.prisma.department.findMany({ where: { code: { in: list.map((s) => s.departmentCode) } }, select: { id: true, code: true, districtId: true, streetId: true } });
      const unknown = list.map((s) => s.departmentCode).filter((c) => !departments.some((d) => d.code === c));
      if (unknown.length) throw new SummonsListError('UNKNOWN_DEPARTMENT', unknown);
      const own = departments.filter((d) => d.streetId === street.id).map((d) => d.code);
      if (own.length) throw new SummonsListError('OWN_STREET', own);
      const category = args.input.categoryCode ? await ctx.prisma.ticketCategory.findUnique({ where: { code: args.input.categoryCode }, select: { id: true } }) : null;
      if (args.input.categoryCode && !category) throw new NotFoundError('TicketCategory', args.input.categoryCode);
      let ticketId: string | null = null;
      if (args.input.ticketId) {
        const ticket = await ctx.prisma.ticket.findFirst({ where: { AND: [{ id: ticketIdOf(args.input.ticketId) }, ticketsWhereVisibleTo(ctx.viewer)] }, select: { id: true } });
        if (!ticket) throw new NotFoundError('Ticket', String(args.input.ticketId));
        ticketId = ticket.id;
      }
      return createAggregate(ctx, whistleStore, { mutation: 'blowWhistle', input: args.input, clientMutationId: input.clientMutationId }, async (tx, now) => {
        const tier = await tx.whistleTier.findUniqueOrThrow({ where: { districtId_tier: { districtId: street.districtId, tier: args.input.tier } } });
        const day = whistleNumber(now, 0).slice(0, 10);
        // the day's last serial + 1 (numbers are unique: two blows racing for one serial fail one of them, which the client retries)
        const last = await tx.whistle.findFirst({ where: { number: { startsWith: day } }, orderBy: { number: 'desc' }, select: { number: true } });
        const serial = (last ? Number(last.number.slice(day.length + 1)) : 0) + 1;
        const byCode = new Map(departments.map((d) => [d.code, d]));
        const row = await tx.whistle.create({
          data: {
            number: whistleNumber(now, serial), streetId: street.id, districtId: street.districtId, ticketId, categoryId: category?.id ?? null,
            tier: args.input.tier, mode: args.input.mode, stage: 'ASSEMBLE', reason: input.reason, lng: input.location.lng, lat: input.location.lat,
            crossDistrict: departments.some((d) => d.districtId !== null && d.districtId !== street.districtId),
            blownAt: now, createdById: ctx.viewer?.userId ?? null,
            summonses: {
              create: list.map((s) => {
                const d = byCode.get(s.departmentCode)!;
                return { departmentId: d.id, departmentDistrictId: d.districtId, departmentStreetId: d.streetId, role: s.role, summonedAt: now };
              }),
            },
          },
          include: whistleForWrite,
        });
        await tx.whistleDeadline.createMany({ data: row.summonses.flatMap((s) => deadlinesFor(tier, now).map((d) => ({ summonsId: s.id, whistleId: row.id, ...d }))) });
        return { row, events: [{ type: 'BLOWN', note: input.reason }] };
      });
    },
  }),
);
