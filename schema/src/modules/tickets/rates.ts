// The three rates (三率) and the monthly review (月度点评), aggregated in SQL — one grouped scan of
// Ticket per month, never rows loaded into JavaScript. The definitions are in ticketsRules.ts
// (`threeRates` is the reference these queries are tested against). The SQL is portable: the same text
// runs on SQLite and PostgreSQL.
import { Prisma, type PrismaClient } from '@whistlehub/prisma';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { beijingMonth, monthsEndingAt } from '../../lib/beijingTime.ts';
import { monthlyRanking, RATE_WEIGHTS } from './rateRules.ts';

const RateGroupEnum = builder.enumType('RateGroup', {
  description: 'What the rates are grouped by.',
  values: {
    STREET: { description: 'Owning street office.' },
    COMMUNITY: { description: 'Community.' },
    GRID_CELL: { description: 'Grid cell.' },
    DEPARTMENT: { description: 'Departments concerned with the ticket: holding the duty for its category, city-wide or in its district (a ticket counts for each).' },
  } as const,
});
type RateGroup = 'STREET' | 'COMMUNITY' | 'GRID_CELL' | 'DEPARTMENT';

interface Counts {
  month: string;
  unitId: string | null;
  tickets: number;
  responseDue: number;
  respondedInTime: number;
  callbacks: number;
  resolved: number;
  satisfied: number;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** Which tickets the counts cover besides the months: one district and/or one street. */
export interface RateScope {
  districtId?: string | null;
  streetId?: string | null;
}

/**
 * Counts per Beijing month and unit for the tickets received in the given months, as of `asOf`: one
 * scan of Ticket whatever the number of months (each row is bucketed into its month by a CASE), so the
 * twelve-month chart costs what one month does. The SQL is the same text on SQLite and PostgreSQL.
 */
export async function rateCounts(
  prisma: PrismaClient,
  group: RateGroup | null,
  months: readonly string[],
  asOf: Date,
  scope: RateScope = {},
): Promise<Counts[]> {
  const unit = {
    STREET: Prisma.sql`t."streetId"`,
    COMMUNITY: Prisma.sql`t."communityId"`,
    GRID_CELL: Prisma.sql`t."gridCellId"`,
    DEPARTMENT: Prisma.sql`d."departmentId"`,
  };
  const periods = months.map((month) => ({ month, ...beijingMonth(month) }));
  const from = periods.reduce((a, p) => (p.from < a ? p.from : a), periods[0]!.from);
  const to = periods.reduce((a, p) => (p.to > a ? p.to : a), periods[0]!.to);
  const monthExpr = Prisma.sql`CASE ${Prisma.join(
    periods.map((p) => Prisma.sql`WHEN t."receivedAt" >= ${p.from} AND t."receivedAt" < ${p.to} THEN ${p.month}`),
    ' ',
  )} END`;
  const unitExpr = group ? unit[group] : Prisma.sql`NULL`;
  // a ticket counts for the departments concerned with it (ticketPolicy.departmentConcerned): those
  // holding the duty for its category that are city departments or of the ticket's own district
  const join =
    group === 'DEPARTMENT'
      ? Prisma.sql`JOIN "CategoryDuty" d ON d."categoryId" = t."categoryId" JOIN "Department" dep ON dep."id" = d."departmentId" AND (dep."level" = 'CITY' OR dep."districtId" = t."districtId")`
      : Prisma.empty;
  const district = scope.districtId ? Prisma.sql`AND t."districtId" = ${scope.districtId}` : Prisma.empty;
  const street = scope.streetId ? Prisma.sql`AND t."streetId" = ${scope.streetId}` : Prisma.empty;
  const rows = await prisma.$queryRaw<Record<keyof Counts, bigint | number | string | null>[]>(Prisma.sql`
    SELECT ${monthExpr} AS "month", ${unitExpr} AS "unitId",
      COUNT(*) AS "tickets",
      SUM(CASE WHEN t."respondedAt" IS NOT NULL OR t."respondBy" < ${asOf} THEN 1 ELSE 0 END) AS "responseDue",
      SUM(CASE WHEN t."respondedAt" IS NOT NULL AND t."respondedAt" <= t."respondBy" THEN 1 ELSE 0 END) AS "respondedInTime",
      SUM(CASE WHEN t."callbackAt" IS NOT NULL THEN 1 ELSE 0 END) AS "callbacks",
      SUM(CASE WHEN t."callbackAt" IS NOT NULL AND t."callbackResolved" THEN 1 ELSE 0 END) AS "resolved",
      SUM(CASE WHEN t."callbackSatisfaction" IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END) AS "satisfied"
    FROM "Ticket" t ${join}
    WHERE t."status" <> 'MERGED' AND t."receivedAt" >= ${from} AND t."receivedAt" < ${to} ${district} ${street}
    GROUP BY ${group ? Prisma.sql`1, 2` : Prisma.sql`1`}`);
  return rows.map((r) => ({
    month: String(r.month),
    unitId: r.unitId == null ? null : String(r.unitId),
    tickets: Number(r.tickets ?? 0),
    responseDue: Number(r.responseDue ?? 0),
    respondedInTime: Number(r.respondedInTime ?? 0),
    callbacks: Number(r.callbacks ?? 0),
    resolved: Number(r.resolved ?? 0),
    satisfied: Number(r.satisfied ?? 0),
  }));
}

/** The rates of a set of counts (null where the denominator is 0). */
export const ratesOf = (c: Counts) => ({
  responseRate: ratio(c.respondedInTime, c.responseDue),
  resolutionRate: ratio(c.resolved, c.callbacks),
  satisfactionRate: ratio(c.satisfied, c.callbacks),
});

interface RateLine extends Counts {
  unit: { kind: RateGroup | 'ALL'; id: string | null; code: string | null; name: string; nameEn: string };
}

const TicketRates = builder.objectRef<RateLine>('TicketRates').implement({
  description: 'The three rates (三率) of one unit for one Beijing month, with the counts behind them. Definitions: see README "The three rates".',
  fields: (t) => ({
    month: t.exposeString('month', { description: 'Beijing calendar month, YYYY-MM.' }),
    unitKind: t.string({ description: 'STREET, COMMUNITY, GRID_CELL, DEPARTMENT, or ALL for the whole scope.', resolve: (r) => r.unit.kind }),
    unitCode: t.string({ nullable: true, description: 'Code of the unit (null for ALL or unrouted tickets).', resolve: (r) => r.unit.code }),
    unitName: t.string({ description: 'Chinese name of the unit.', resolve: (r) => r.unit.name }),
    unitNameEn: t.string({ description: 'English name of the unit.', resolve: (r) => r.unit.nameEn }),
    tickets: t.exposeInt('tickets', { description: 'Tickets received in the month (merged duplicates excluded).' }),
    responseDue: t.exposeInt('responseDue', { description: 'Tickets whose response is due or done: the response-rate denominator.' }),
    respondedInTime: t.exposeInt('respondedInTime', { description: 'Tickets first accepted by their response deadline.' }),
    callbacks: t.exposeInt('callbacks', { description: 'Tickets with a call-back: the denominator of the other two rates.' }),
    resolved: t.exposeInt('resolved', { description: 'Call-backs where the resident says the problem is solved.' }),
    satisfied: t.exposeInt('satisfied', { description: 'Call-backs answered satisfied or basically satisfied.' }),
    responseRate: t.float({ nullable: true, description: 'respondedInTime / responseDue (0–1), null when nothing is due.', resolve: (r) => ratesOf(r).responseRate }),
    resolutionRate: t.float({ nullable: true, description: 'resolved / callbacks (0–1), null without call-backs.', resolve: (r) => ratesOf(r).resolutionRate }),
    satisfactionRate: t.float({ nullable: true, description: 'satisfied / callbacks (0–1), null without call-backs.', resolve: (r) => ratesOf(r).satisfactionRate }),
  }),
});

async function unitNames(prisma: PrismaClient, group: RateGroup, ids: string[]) {
  const select = { id: true, code: true, name: true, nameEn: true } as const;
  const where = { id: { in: ids } };
  const rows =
    group === 'STREET' ? await prisma.street.findMany({ where, select })
    : group === 'COMMUNITY' ? await prisma.community.findMany({ where, select })
    : group === 'DEPARTMENT' ? await prisma.department.findMany({ where, select })
    : (await prisma.gridCell.findMany({ where, select: { id: true, code: true, name: true } })).map((c) => ({ ...c, nameEn: `Grid cell ${c.code}` }));
  return new Map(rows.map((r) => [r.id, r]));
}

const ALL_UNIT = { kind: 'ALL' as const, id: null, code: null, name: '全部', nameEn: 'All' };
const emptyLine = (month: string, unit: RateLine['unit']): RateLine => ({
  month, unitId: unit.id, tickets: 0, responseDue: 0, respondedInTime: 0, callbacks: 0, resolved: 0, satisfied: 0, unit,
});

/** One month's lines: per unit of `group` (by code), or one total line (zero counts when there are no tickets). */
async function ratesFor(prisma: PrismaClient, group: RateGroup | null, month: string, scope: RateScope, asOf: Date): Promise<RateLine[]> {
  const counts = await rateCounts(prisma, group, [month], asOf, scope);
  if (!group) return [counts[0] ? { ...counts[0], unit: ALL_UNIT } : emptyLine(month, ALL_UNIT)];
  const names = await unitNames(prisma, group, counts.flatMap((c) => (c.unitId ? [c.unitId] : [])));
  return counts
    .map((c) => {
      const u = c.unitId ? names.get(c.unitId) : undefined;
      return { ...c, unit: { kind: group, id: c.unitId, code: u?.code ?? null, name: u?.name ?? '未派发', nameEn: u?.nameEn ?? 'Not routed' } };
    })
    .sort((a, b) => ((a.unit.code ?? '~') < (b.unit.code ?? '~') ? -1 : 1));
}

const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

// An unknown code selects nothing rather than everything: the sentinel id matches no row.
const NO_UNIT = 'none';

async function districtIdOf(prisma: PrismaClient, code: string | null | undefined) {
  if (!code) return null;
  return (await prisma.district.findUnique({ where: { code }, select: { id: true } }))?.id ?? NO_UNIT;
}

const RankedStreetRef = builder.objectRef<{ rank: number | null; score: number | null; bottom: boolean; rates: RateLine }>('RankedStreet').implement({
  description: 'One line of the monthly review.',
  fields: (t) => ({
    rank: t.exposeInt('rank', { nullable: true, description: 'Rank, 1 = best; shared by exact ties; null without any rate.' }),
    score: t.exposeFloat('score', { nullable: true, description: 'Composite score 0–100 (weights in `MonthlyRanking.weights`).' }),
    bottom: t.exposeBoolean('bottom', { description: 'Named at the bottom of the monthly review (月度点评).' }),
    rates: t.field({ type: TicketRates, description: 'The rates and counts behind the score.', resolve: (r) => r.rates }),
  }),
});

const RateWeightsRef = builder.simpleObject('RateWeights', {
  description: 'The published weights of the composite score.',
  fields: (t) => ({
    response: t.float({ description: 'Weight of the response rate.' }),
    resolution: t.float({ description: 'Weight of the resolution rate.' }),
    satisfaction: t.float({ description: 'Weight of the satisfaction rate.' }),
  }),
});

const MonthlyRankingRef = builder.objectRef<{ month: string; rows: { rank: number | null; score: number | null; bottom: boolean; rates: RateLine }[] }>('MonthlyRanking').implement({
  description: 'The monthly review (月度点评): streets ranked by the composite of the three rates, the bottom named.',
  fields: (t) => ({
    month: t.exposeString('month', { description: 'Beijing month, YYYY-MM.' }),
    weights: t.field({ type: RateWeightsRef, description: 'Weights of the composite score.', resolve: () => ({ ...RATE_WEIGHTS }) }),
    rows: t.field({ type: [RankedStreetRef], description: 'Streets, best first; streets without tickets last.', resolve: (r) => r.rows }),
  }),
});

builder.queryFields((t) => ({
  ticketRates: t.field({
    type: [TicketRates],
    description: 'The three rates for one month, per street, community, grid cell or department (or in total without `groupBy`). Signed-in users.',
    authScopes: { signedIn: true },
    args: {
      month: t.arg.string({ description: 'Beijing month, YYYY-MM.', validate: MONTH }),
      groupBy: t.arg({ type: RateGroupEnum, required: false, description: 'Group by this unit; omit for one total line.' }),
      districtCode: t.arg.string({ required: false, description: 'Only tickets of this district.' }),
    },
    resolve: async (_root, args, ctx) =>
      ratesFor(ctx.prisma, args.groupBy ?? null, args.month, { districtId: await districtIdOf(ctx.prisma, args.districtCode) }, new Date()),
  }),
  ticketRatesByMonth: t.field({
    type: [TicketRates],
    description: 'The three rates month by month (oldest first) for one street, or for all tickets of the scope: the monthly chart. Signed-in users.',
    authScopes: { signedIn: true },
    args: {
      months: t.arg.int({ defaultValue: 12, description: 'How many months, ending with the current one (1–24).', validate: z.number().int().min(1).max(24) }),
      streetCode: t.arg.string({ required: false, description: 'One street office; omit for the whole scope.' }),
      districtCode: t.arg.string({ required: false, description: 'Only tickets of this district.' }),
    },
    resolve: async (_root, args, ctx) => {
      const now = new Date();
      const street = args.streetCode
        ? await ctx.prisma.street.findUnique({ where: { code: args.streetCode }, select: { id: true, code: true, name: true, nameEn: true } })
        : null;
      const unit = args.streetCode
        ? { kind: 'STREET' as const, id: street?.id ?? null, code: args.streetCode, name: street?.name ?? '', nameEn: street?.nameEn ?? '' }
        : ALL_UNIT;
      const months = monthsEndingAt(now, args.months ?? 12);
      const scope = { districtId: await districtIdOf(ctx.prisma, args.districtCode), streetId: args.streetCode ? (street?.id ?? NO_UNIT) : null };
      const counts = new Map((await rateCounts(ctx.prisma, null, months, now, scope)).map((c) => [c.month, c]));
      return months.map((month) => {
        const c = counts.get(month);
        return c ? { ...c, unitId: unit.id, unit } : emptyLine(month, unit);
      });
    },
  }),
  monthlyRanking: t.field({
    type: MonthlyRankingRef,
    description: 'The monthly review (月度点评): every street with tickets that month ranked by the composite score, the bottom named. Signed-in users.',
    authScopes: { signedIn: true },
    args: {
      month: t.arg.string({ description: 'Beijing month, YYYY-MM.', validate: MONTH }),
      districtCode: t.arg.string({ required: false, description: 'Rank only the streets of this district.' }),
    },
    resolve: async (_root, args, ctx) => {
      const scope = { districtId: await districtIdOf(ctx.prisma, args.districtCode) };
      const lines = (await ratesFor(ctx.prisma, 'STREET', args.month, scope, new Date())).filter((l) => l.unitId);
      const { ranking } = monthlyRanking(lines.map((l) => ({ streetId: l.unitId!, ...ratesOf(l), line: l })));
      return { month: args.month, rows: ranking.map((r) => ({ rank: r.rank, score: r.score, bottom: r.bottom, rates: r.street.line })) };
    },
  }),
}));
