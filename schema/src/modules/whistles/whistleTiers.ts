// The tier deadline table (per district) and the whistle power list: documented data, the tiers
// editable by the district's platform (its dispatchers) and admins.
import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { NotFoundError, validateInput } from '../../errors/index.ts';
import { forbidden } from '../../spine/aggregate.ts';
import { CLIENT_MUTATION_ID, writePayload } from '../../spine/payloads.ts';
import { clientMutationIdSchema, runWrite } from '../../spine/writes.ts';
import { WhistleTierEnum } from './enums.ts';
import { tierProblem } from './whistleDeadlines.ts';
import { mayAdministerDistrict } from './whistlePolicy.ts';

const WhistleTierRef = builder.prismaObject('WhistleTier', {
  description: "A tier's deadlines in one district (seeded: emergency 10 min / 30 min, key 2 h / 24 h, routine 24 h / 72 h, and the platform's 退单 decision 30 min / 4 h / 24 h; Pinggu's emergency rule is on site within 30 minutes).",
  fields: (t) => ({
    tier: t.expose('tier', { type: WhistleTierEnum, description: 'The tier.' }),
    ackMinutes: t.exposeInt('ackMinutes', { description: 'Minutes from the summons to the acknowledgement.' }),
    onSiteMinutes: t.exposeInt('onSiteMinutes', { description: 'Minutes from the summons to the check-in on site.' }),
    returnDecisionMinutes: t.exposeInt('returnDecisionMinutes', { description: "Minutes from a 退单 request to the district platform's decision (its own clock)." }),
    district: t.relation('district', { description: 'The district these deadlines apply in.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When they were last set.' }),
  }),
});

builder.prismaObject('PowerListEntry', {
  description: 'The power list (权力清单): a department holding the duty for a problem category, in a district or city-wide.',
  fields: (t) => ({
    category: t.relation('category', { description: 'The problem category.' }),
    department: t.relation('department', { description: 'The department holding the duty.' }),
    duty: t.exposeString('duty', { description: 'The duty, e.g. 违法建设查处.' }),
  }),
});

builder.queryFields((t) => ({
  whistleTiers: t.prismaField({
    type: ['WhistleTier'],
    description: "A district's tier deadlines, emergency first. For anyone signed in: the deadlines are published.",
    authScopes: { signedIn: true },
    args: { districtCode: t.arg.string({ description: 'The district code, e.g. 110117.' }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.whistleTier.findMany({ ...query, where: { district: { code: args.districtCode } }, orderBy: { tier: 'asc' } }),
  }),
  whistleSuggestions: t.prismaField({
    type: ['PowerListEntry'],
    description: "The departments the power list suggests summoning for a problem category at a street: its district's and the city's duty holders.",
    authScopes: { signedIn: true },
    args: {
      streetCode: t.arg.string({ description: 'The street office that whistles.' }),
      categoryCode: t.arg.string({ description: 'The problem category code, e.g. ILLEGAL_BUILDING.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const street = await ctx.prisma.street.findUnique({ where: { code: args.streetCode }, select: { districtId: true } });
      if (!street) return [];
      return ctx.prisma.powerListEntry.findMany({
        ...query,
        where: { category: { code: args.categoryCode }, OR: [{ districtId: street.districtId }, { districtId: null }] },
        // district duty holders first (null district sorts last on both providers when asked explicitly)
        orderBy: [{ districtId: { sort: 'asc', nulls: 'last' } }, { departmentId: 'asc' }],
      });
    },
  }),
}));

builder.mutationField('setWhistleTier', (t) =>
  t.fieldWithInput({
    description: "Sets a tier's deadlines in a district, for whistles blown from now on (running ones keep their deadlines). For the district's dispatchers (its platform) and admins.",
    authScopes: { signedIn: true },
    input: {
      districtCode: t.input.string({ description: 'The district code.' }),
      tier: t.input.field({ type: WhistleTierEnum, description: 'The tier.' }),
      ackMinutes: t.input.int({ description: 'Minutes to acknowledge (≥ 1).' }),
      onSiteMinutes: t.input.int({ description: 'Minutes to be on site (≥ ackMinutes, ≤ 30 days).' }),
      returnDecisionMinutes: t.input.int({ required: false, description: "Minutes for the platform to decide a 退单 request (1 min – 30 days); unchanged when left out (1440 for a new tier)." }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: WhistleTierRef,
    errors: writePayload('SetWhistleTier', [NotFoundError, InputValidationError], 'The tier as it is now.'),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(
        z.object({ ackMinutes: z.number(), onSiteMinutes: z.number(), returnDecisionMinutes: z.number().int().min(1).max(30 * 24 * 60).nullish(), clientMutationId: clientMutationIdSchema })
          .passthrough()
          .superRefine((v, c) => {
            const problem = tierProblem(v);
            if (problem) c.addIssue({ code: 'custom', path: ['onSiteMinutes'], message: problem });
          }),
        args.input,
      );
      const district = await ctx.prisma.district.findUnique({ where: { code: args.input.districtCode }, select: { id: true } });
      if (!district) throw new NotFoundError('District', args.input.districtCode);
      if (!mayAdministerDistrict(ctx.viewer, district.id)) throw forbidden();
      const returnClock = input.returnDecisionMinutes != null ? { returnDecisionMinutes: input.returnDecisionMinutes } : {};
      const { id } = await runWrite<{ id: string }>(ctx, { mutation: 'setWhistleTier', input: args.input, clientMutationId: input.clientMutationId }, async (tx, now) => ({
        result: await tx.whistleTier.upsert({
          where: { districtId_tier: { districtId: district.id, tier: args.input.tier } },
          create: { districtId: district.id, tier: args.input.tier, ackMinutes: args.input.ackMinutes, onSiteMinutes: args.input.onSiteMinutes, ...returnClock, updatedById: ctx.viewer?.userId ?? null, updatedAt: now },
          update: { ackMinutes: args.input.ackMinutes, onSiteMinutes: args.input.onSiteMinutes, ...returnClock, updatedById: ctx.viewer?.userId ?? null, updatedAt: now },
          select: { id: true },
        }),
      }));
      return ctx.prisma.whistleTier.findUniqueOrThrow({ where: { id } });
    },
  }),
);
