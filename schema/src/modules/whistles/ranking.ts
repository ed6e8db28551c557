// The monthly department ranking (下评上) with drill-down, and each street's whistle rate beside it.
// Arithmetic in rankingRules.ts; here the rows are read (three queries) and shaped.
import { InputValidationError } from '@pothos/plugin-validation';
import type { PrismaClient } from '@whistlehub/prisma';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { NotFoundError, validateInput } from '../../errors/index.ts';
import { beijingMonth, beijingMonthOf } from '../../lib/beijingTime.ts';
import { forbidden } from '../../spine/aggregate.ts';
import { CLIENT_MUTATION_ID, writePayload } from '../../spine/payloads.ts';
import { clientMutationIdSchema, runWrite } from '../../spine/writes.ts';
import { DepartmentNode } from '../org/Department.ts';
import { StreetNode } from '../org/Street.ts';
import { departmentScore, type DepartmentScore, rankDepartments, type RankingSummons, weightsForMonth, weightsProblem, whistleRate } from './rankingRules.ts';
import { mayAdministerDistrict } from './whistlePolicy.ts';

const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

interface DrillRow extends RankingSummons { whistleNumber: string; role: string; }
interface RankedDepartment { departmentId: string; code: string; score: DepartmentScore; rank: number | null; rows: DrillRow[] }
interface StreetFigure { streetId: string; whistles: number; tickets: number; rate: number | null }
interface RankingValue { month: string; weights: { punctuality: number; streetRating: number; satisfaction: number }; weightsFrom: string | null; departments: RankedDepartment[]; streets: StreetFigure[] }

const RankingWeightsRef = builder.simpleObject('RankingWeightsValue', {
  description: 'Published weights of the department ranking, in percent (sum 100).',
  fields: (t) => ({
    punctuality: t.int({ description: 'Check-in punctuality.' }),
    streetRating: t.int({ description: "The streets' ratings." }),
    satisfaction: t.int({ description: "Residents' call-back satisfaction on linked tickets." }),
  }),
});

const RankingInput = builder.objectRef<DrillRow>('DepartmentRankingInput').implement({
  description: 'One summons that fed a department score: its clocks, its rating and its ticket’s call-back.',
  fields: (t) => ({
    whistleNumber: t.exposeString('whistleNumber', { description: 'The whistle.' }),
    role: t.exposeString('role', { description: 'LEAD or ASSIST.' }),
    ackDueAt: t.expose('ackDueAt', { type: 'DateTime', description: 'Acknowledgement due.' }),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime', nullable: true, description: 'Acknowledged at.' }),
    onSiteDueAt: t.expose('onSiteDueAt', { type: 'DateTime', description: 'On site due.' }),
    checkedInAt: t.expose('checkedInAt', { type: 'DateTime', nullable: true, description: 'Checked in at.' }),
    returned: t.exposeBoolean('returned', { description: 'Sent back (退单 accepted): not counted.' }),
    timeliness: t.int({ nullable: true, description: 'Rating: timeliness.', resolve: (r) => r.evaluation?.timeliness ?? null }),
    effectiveness: t.int({ nullable: true, description: 'Rating: effectiveness.', resolve: (r) => r.evaluation?.effectiveness ?? null }),
    attitude: t.int({ nullable: true, description: 'Rating: attitude.', resolve: (r) => r.evaluation?.attitude ?? null }),
    ticketSatisfaction: t.string({ nullable: true, description: "The linked ticket's latest call-back satisfaction.", resolve: (r) => r.ticketSatisfaction }),
  }),
});

const DepartmentRankingRow = builder.objectRef<RankedDepartment>('DepartmentRankingRow').implement({
  description: 'One department in the monthly ranking, with every input of its score.',
  fields: (t) => ({
    department: t.prismaField({ type: DepartmentNode, description: 'The department.', resolve: (query, r, _a, ctx) => ctx.prisma.department.findUniqueOrThrow({ ...query, where: { id: r.departmentId } }) }),
    rank: t.int({ nullable: true, description: '1 = best; ties share a rank; null when nothing could be scored.', resolve: (r) => r.rank }),
    score: t.float({ nullable: true, description: '0–100: the weighted mean of the components that have data (their weights renormalised).', resolve: (r) => r.score.score }),
    punctuality: t.float({ nullable: true, description: 'Clocks met / clocks due or done (0–1).', resolve: (r) => r.score.punctuality }),
    streetRating: t.float({ nullable: true, description: 'Mean rating / 5 (0–1).', resolve: (r) => r.score.streetRating }),
    satisfaction: t.float({ nullable: true, description: 'Satisfied call-backs / call-backs on linked tickets (0–1).', resolve: (r) => r.score.satisfaction }),
    summonses: t.int({ description: 'Summonses in the month.', resolve: (r) => r.score.summonses }),
    returned: t.int({ description: 'Of which sent back (退单 accepted): a whistle sent to the wrong department.', resolve: (r) => r.score.returned }),
    clocksCounted: t.int({ description: 'Clocks due or done.', resolve: (r) => r.score.clocksCounted }),
    clocksOnTime: t.int({ description: 'Clocks met in time.', resolve: (r) => r.score.clocksOnTime }),
    ratings: t.int({ description: 'Ratings received.', resolve: (r) => r.score.ratings }),
    meanRating: t.float({ nullable: true, description: 'Mean of the per-whistle rating means (1–5).', resolve: (r) => r.score.meanRating }),
    ticketsWithCallback: t.int({ description: 'Linked tickets with a call-back.', resolve: (r) => r.score.ticketsWithCallback }),
    ticketsSatisfied: t.int({ description: 'Of which satisfied or basically satisfied.', resolve: (r) => r.score.ticketsSatisfied }),
    inputs: t.field({ type: [RankingInput], description: 'Every summons behind the score (drill-down).', resolve: (r) => r.rows }),
  }),
});

const StreetWhistleRate = builder.objectRef<StreetFigure>('StreetWhistleRate').implement({
  description: "A street's whistle rate for the month: whistles blown per ticket received.",
  fields: (t) => ({
    street: t.prismaField({ type: StreetNode, description: 'The street office.', resolve: (query, r, _a, ctx) => ctx.prisma.street.findUniqueOrThrow({ ...query, where: { id: r.streetId } }) }),
    whistles: t.exposeInt('whistles', { description: 'Whistles blown in the month.' }),
    tickets: t.exposeInt('tickets', { description: 'Tickets received in the month (merged duplicates excluded).' }),
    whistleRate: t.float({ nullable: true, description: 'whistles / tickets; null without tickets.', resolve: (r) => r.rate }),
  }),
});

const DepartmentRanking = builder.objectRef<RankingValue>('DepartmentRanking').implement({
  description: "A district's monthly department ranking (下评上), its published weights, and its streets' whistle rates.",
  fields: (t) => ({
    month: t.exposeString('month', { description: 'YYYY-MM (Beijing).' }),
    weights: t.field({ type: RankingWeightsRef, description: 'The weights in force for the month.', resolve: (r) => r.weights }),
    weightsFrom: t.exposeString('weightsFrom', { nullable: true, description: 'The month those weights were set for; null: the defaults (40/40/20).' }),
    departments: t.field({ type: [DepartmentRankingRow], description: 'Ranked departments, best first; unscored last.', resolve: (r) => r.departments }),
    streets: t.field({ type: [StreetWhistleRate], description: "The district's streets with their whistle rates, by code.", resolve: (r) => r.streets }),
  }),
});

/** Reads and scores a district's month. Departments: the district's own (wherever summoned) and city departments its whistles summoned. */
export async function departmentRanking(prisma: PrismaClient, districtId: string, month: string, asOf = new Date()): Promise<RankingValue> {
  const { from, to } = beijingMonth(month);
  const weightRows = await prisma.rankingWeights.findMany({ where: { districtId, month: { lte: month } } });
  const { weights, from: weightsFrom } = weightsForMonth(weightRows, month);
  const summonses = await prisma.whistleSummons.findMany({
    where: { whistle: { blownAt: { gte: from, lt: to } }, OR: [{ departmentDistrictId: districtId }, { departmentDistrictId: null, whistle: { districtId } }] },
    select: {
      departmentId: true, role: true, acknowledgedAt: true, checkedInAt: true, returnDecision: true,
      department: { select: { code: true } },
      deadlines: { select: { kind: true, dueAt: true } },
      evaluation: { select: { timeliness: true, effectiveness: true, attitude: true } },
      whistle: { select: { id: true, number: true, ticket: { select: { callbackSatisfaction: true } } } },
    },
    orderBy: [{ summonedAt: 'asc' }, { id: 'asc' }],
  });
  const byDept = new Map<string, { code: string; rows: DrillRow[] }>();
  for (const s of summonses) {
    const due = (k: 'ACK' | 'ON_SITE') => s.deadlines.find((d) => d.kind === k)!.dueAt;
    const entry = byDept.get(s.departmentId) ?? { code: s.department.code, rows: [] };
    entry.rows.push({
      whistleId: s.whistle.id, whistleNumber: s.whistle.number, role: s.role, ackDueAt: due('ACK'), acknowledgedAt: s.acknowledgedAt, onSiteDueAt: due('ON_SITE'), checkedInAt: s.checkedInAt,
      returned: s.returnDecision === 'ACCEPTED', evaluation: s.evaluation, ticketSatisfaction: s.whistle.ticket?.callbackSatisfaction ?? null,
    });
    byDept.set(s.departmentId, entry);
  }
  const departments = rankDepartments([...byDept].map(([departmentId, d]) => ({ departmentId, code: d.code, rows: d.rows, score: departmentScore(d.rows, weights, asOf) })));
  const [streets, whistles, tickets] = await Promise.all([
    prisma.street.findMany({ where: { districtId }, select: { id: true }, orderBy: { code: 'asc' } }),
    prisma.whistle.groupBy({ by: ['streetId'], where: { districtId, blownAt: { gte: from, lt: to } }, _count: { _all: true } }),
    prisma.ticket.groupBy({ by: ['streetId'], where: { districtId, receivedAt: { gte: from, lt: to }, status: { not: 'MERGED' } }, _count: { _all: true } }),
  ]);
  const count = (rows: { streetId: string | null; _count: { _all: number } }[], id: string) => rows.find((r) => r.streetId === id)?._count._all ?? 0;
  return {
    month, weights, weightsFrom, departments,
    streets: streets.map((s) => ({ streetId: s.id, whistles: count(whistles, s.id), tickets: count(tickets, s.id), rate: whistleRate(count(whistles, s.id), count(tickets, s.id)) })),
  };
}

builder.queryFields((t) => ({
  departmentRanking: t.field({
    type: DepartmentRanking,
    nullable: true,
    description: "A district's department ranking for a month, with the inputs of every score and its streets' whistle rates. Published: for anyone signed in. Null for an unknown district.",
    authScopes: { signedIn: true },
    args: {
      districtCode: t.arg.string({ description: 'The district code, e.g. 110117.' }),
      month: t.arg.string({ description: 'YYYY-MM (Beijing).', validate: MONTH }),
    },
    resolve: async (_root, args, ctx) => {
      const district = await ctx.prisma.district.findUnique({ where: { code: args.districtCode }, select: { id: true } });
      return district ? departmentRanking(ctx.prisma, district.id, args.month) : null;
    },
  }),
}));

builder.mutationField('setRankingWeights', (t) =>
  t.fieldWithInput({
    description: "Sets a district's ranking weights from a month on (this month or a later one: earlier months keep theirs). Whole percents summing to 100. For the district's dispatchers and admins.",
    authScopes: { signedIn: true },
    input: {
      districtCode: t.input.string({ description: 'The district code.' }),
      month: t.input.string({ description: 'YYYY-MM (Beijing), not before the current month.' }),
      punctuality: t.input.int({ description: 'Percent.' }),
      streetRating: t.input.int({ description: 'Percent.' }),
      satisfaction: t.input.int({ description: 'Percent.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: RankingWeightsRef,
    errors: writePayload('SetRankingWeights', [NotFoundError, InputValidationError], 'The weights as set.'),
    resolve: async (_root, args, ctx) => {
      const now = new Date();
      const input = await validateInput(
        z.object({ month: z.string(), clientMutationId: clientMutationIdSchema }).passthrough().superRefine((v, c) => {
          const problem = weightsProblem(args.input, v.month, beijingMonthOf(now));
          if (problem) c.addIssue({ code: 'custom', path: ['month'], message: problem });
        }),
        args.input,
      );
      const district = await ctx.prisma.district.findUnique({ where: { code: args.input.districtCode }, select: { id: true } });
      if (!district) throw new NotFoundError('District', args.input.districtCode);
      if (!mayAdministerDistrict(ctx.viewer, district.id)) throw forbidden();
      const w = { punctuality: args.input.punctuality, streetRating: args.input.streetRating, satisfaction: args.input.satisfaction };
      await runWrite(ctx, { mutation: 'setRankingWeights', input: args.input, clientMutationId: input.clientMutationId }, async (tx, at) => ({
        result: await tx.rankingWeights.upsert({
          where: { districtId_month: { districtId: district.id, month: input.month } },
          create: { districtId: district.id, month: input.month, ...w, setById: ctx.viewer?.userId ?? null, at },
          update: { ...w, setById: ctx.viewer?.userId ?? null, at },
          select: { id: true },
        }),
      }));
      return w;
    },
  }),
);
