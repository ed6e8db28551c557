// The volunteer reports (双报到): hours per member, category or workplace branch; claimed against open
// places per community; and the quarterly report back to a workplace branch with its report rate.
// Readers: the community's staff, the street's officers, the district's dispatchers, admins, integrators.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Prisma } from '@whistlehub/prisma';
import { GraphQLError } from 'graphql';
import { holds } from '../../auth/orgScope.ts';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { forbidden } from '../../spine/aggregate.ts';
import { CommunityNode } from '../org/Community.ts';
import { communityScopeSelect, mayReadReports, reportCommunitiesWhere, scopeOfCommunity } from './volunteerPolicy.ts';
import { branchReportRate, CATEGORY_LABELS, countsAsHours, hoursOf, hoursReport, periodBounds, type PostCategory, type ReportShift } from './volunteerRules.ts';

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
const notFound = (what: string) => new GraphQLError(`${what} not found`, { extensions: { code: 'NOT_FOUND' } });

/** The roles that read volunteer reports somewhere (ADMIN counts for every role). */
const REPORT_ROLES = ['DISTRICT_DISPATCHER', 'STREET_OFFICER', 'GRID_WORKER', 'INTEGRATOR'] as const;

/** The communities a report covers: the one named (FORBIDDEN outside the viewer's reach) or all the viewer may read. */
async function reportCommunities(ctx: Context, communityCode: string | null | undefined): Promise<Prisma.CommunityWhereInput> {
  if (communityCode) {
    const c = await ctx.prisma.community.findUnique({ where: { code: communityCode }, select: communityScopeSelect });
    if (!c) throw notFound(`Community ${communityCode}`);
    if (!mayReadReports(ctx.viewer, scopeOfCommunity(c))) throw forbidden();
    return { id: c.id };
  }
  if (!holds(ctx.viewer, REPORT_ROLES)) throw forbidden();
  return reportCommunitiesWhere(ctx.viewer);
}

function boundsOf(period: { month?: string; quarter?: string }) {
  try {
    return periodBounds(period);
  } catch (error) {
    throw badInput((error as Error).message);
  }
}

/** The shifts that count as hours (countsAsHours: verified, not rejected, on site at both ends), in the period's bounds. */
async function countingShifts(prisma: Context['prisma'], where: Prisma.ShiftWhereInput, period: { month?: string; quarter?: string }) {
  const bounds = boundsOf(period);
  const rows = await prisma.shift.findMany({
    where: { AND: [where, { verifiedAt: { not: null }, rejected: false, checkInOnSite: true, checkOutOnSite: true, checkOutAt: { not: null }, minutes: { not: null } }, bounds ? { checkInAt: { gte: bounds.from, lt: bounds.to } } : {}] },
    select: { memberId: true, minutes: true, checkInAt: true, checkOutAt: true, verifiedAt: true, rejected: true, checkInOnSite: true, checkOutOnSite: true, post: { select: { category: true } }, member: { select: { branch: true, person: { select: { name: true } } } } },
  });
  return rows.filter((s) => countsAsHours({ ...s, checkOutOnSite: s.checkOutOnSite === true }));
}

const toReportShift = (s: Awaited<ReturnType<typeof countingShifts>>[number]): ReportShift => ({ memberId: s.memberId, category: s.post.category, branch: s.member.branch, minutes: s.minutes!, at: s.checkInAt });

const period = (args: { month?: string | null; quarter?: string | null }) => ({ ...(args.month ? { month: args.month } : {}), ...(args.quarter ? { quarter: args.quarter } : {}) });

const VolunteerHoursGroupEnum = builder.enumType('VolunteerHoursGroup', {
  description: 'How the hours report groups the shifts.',
  values: { MEMBER: { description: 'Per party member.' }, CATEGORY: { description: 'Per post category.' }, BRANCH: { description: 'Per workplace party branch (what goes back to the workplace).' } } as const,
});

const VolunteerHoursRow = builder.simpleObject('VolunteerHoursRow', {
  description: 'One group of the hours report: verified on-site minutes summed, then rounded to hours.',
  fields: (t) => ({
    key: t.string({ description: 'The group: the PartyMember global id, the PostCategory, or the branch.' }),
    label: t.string({ description: "What to show: the member's name, the category's Chinese name, or the branch." }),
    minutes: t.int({ description: 'Minutes that count.' }),
    hours: t.float({ description: 'Those minutes as hours, to one decimal (half up).' }),
    shifts: t.int({ description: 'How many shifts.' }),
  }),
});

const CommunityPlaces = builder.simpleObject('CommunityPlaces', {
  description: "A community's open posts: places claimed against places still open.",
  fields: (t) => ({
    community: t.field({ type: CommunityNode, description: 'The community.' }),
    posts: t.int({ description: 'Open posts.' }),
    places: t.int({ description: 'Their places.' }),
    claimed: t.int({ description: 'Places taken.' }),
    open: t.int({ description: 'places − claimed.' }),
    waitlisted: t.int({ description: 'Members waiting for a place.' }),
  }),
});

const BranchReportRow = builder.simpleObject('BranchReportRow', {
  description: "One member of a branch in its quarterly report: the member's verified hours.",
  fields: (t) => ({
    memberId: t.id({ description: "The PartyMember's global id (the node itself is seen only by the member and the community's staff)." }),
    name: t.string({ description: "The member's name." }),
    minutes: t.int({ description: 'Minutes that count in the quarter.' }),
    hours: t.float({ description: 'As hours, to one decimal.' }),
    shifts: t.int({ description: 'Shifts that count in the quarter.' }),
  }),
});

const BranchReport = builder.simpleObject('BranchReport', {
  description: "The quarterly report back to a workplace branch (双报到): each member's verified hours and the branch's report rate.",
  fields: (t) => ({
    branch: t.string({ description: 'The branch.' }),
    quarter: t.string({ description: 'YYYY-Qn (Beijing time).' }),
    members: t.field({ type: [BranchReportRow], description: 'Every member of the branch the viewer may report on, most hours first, then by name.' }),
    memberCount: t.int({ description: 'How many members.' }),
    reporting: t.int({ description: 'How many of them have verified hours in the quarter.' }),
    reportRate: t.float({ description: 'reporting / memberCount, to four decimals.' }),
  }),
});


builder.queryFields((t) => ({
  volunteerHours: t.field({
    type: [VolunteerHoursRow],
    authScopes: { signedIn: true },
    description: 'Verified volunteer hours (on site at both ends, not rejected), per member, category or branch, most minutes first; narrowed by community, branch and Beijing month and/or quarter of the check-in.',
    args: {
      communityCode: t.arg.string({ required: false, description: 'Only posts of this community; all the viewer may read when absent.' }),
      branch: t.arg.string({ required: false, description: 'Only members of this workplace branch.' }),
      month: t.arg.string({ required: false, description: 'YYYY-MM.' }),
      quarter: t.arg.string({ required: false, description: 'YYYY-Qn.' }),
      groupBy: t.arg({ type: VolunteerHoursGroupEnum, description: 'MEMBER, CATEGORY or BRANCH.' }),
    },
    resolve: async (_root, args, ctx) => {
      const communities = await reportCommunities(ctx, args.communityCode);
      const shifts = await countingShifts(ctx.prisma, { post: { community: communities }, ...(args.branch ? { member: { branch: args.branch } } : {}) }, period(args));
      const names = new Map(shifts.map((s) => [s.memberId, s.member.person.name]));
      const groupBy = args.groupBy === 'MEMBER' ? 'member' : args.groupBy === 'CATEGORY' ? 'category' : 'branch';
      return hoursReport(shifts.map(toReportShift), groupBy, period(args)).map((r) => ({
        ...r,
        key: groupBy === 'member' ? encodeGlobalID('PartyMember', r.key) : r.key,
        label: groupBy === 'member' ? names.get(r.key)! : groupBy === 'category' ? CATEGORY_LABELS[r.key as PostCategory] : r.key,
      }));
    },
  }),
  volunteerPlaces: t.field({
    type: [CommunityPlaces],
    authScopes: { signedIn: true },
    description: "Per community of a street (those the viewer may read), its open posts' places: claimed, open and waitlisted, by community code.",
    args: { streetCode: t.arg.string({ description: 'The street, e.g. 110101011 (前门街道).' }) },
    resolve: async (_root, args, ctx) => {
      const street = await ctx.prisma.street.findUnique({ where: { code: args.streetCode }, select: { id: true } });
      if (!street) throw notFound(`Street ${args.streetCode}`);
      if (!holds(ctx.viewer, REPORT_ROLES)) throw forbidden();
      const communities = await ctx.prisma.community.findMany({
        where: { AND: [{ streetId: street.id }, reportCommunitiesWhere(ctx.viewer)] },
        include: { volunteerPosts: { where: { open: true }, select: { places: true, claimed: true, _count: { select: { claims: { where: { status: 'WAITLISTED' } } } } } } },
        orderBy: { code: 'asc' },
      });
      if (!communities.length) throw forbidden();
      return communities.map(({ volunteerPosts: posts, ...community }) => {
        const places = posts.reduce((n, p) => n + p.places, 0);
        const claimed = posts.reduce((n, p) => n + p.claimed, 0);
        return { community, posts: posts.length, places, claimed, open: places - claimed, waitlisted: posts.reduce((n, p) => n + p._count.claims, 0) };
      });
    },
  }),
  branchReport: t.field({
    type: BranchReport,
    nullable: true,
    authScopes: { signedIn: true },
    description: "The quarterly report back to a workplace branch: each of its members (in the communities the viewer may read) with their verified hours, and the branch's report rate; null when it has no such member.",
    args: { branch: t.arg.string({ description: 'The branch, as members record it.' }), quarter: t.arg.string({ description: 'YYYY-Qn (Beijing time).' }) },
    resolve: async (_root, args, ctx) => {
      if (!holds(ctx.viewer, REPORT_ROLES)) throw forbidden();
      boundsOf({ quarter: args.quarter });
      const members = await ctx.prisma.partyMember.findMany({ where: { branch: args.branch, community: reportCommunitiesWhere(ctx.viewer) }, include: { person: { select: { name: true } } }, orderBy: { id: 'asc' } });
      if (!members.length) return null;
      const shifts = await countingShifts(ctx.prisma, { memberId: { in: members.map((m) => m.id) } }, { quarter: args.quarter });
      const byMember = new Map(hoursReport(shifts.map(toReportShift), 'member', { quarter: args.quarter }).map((r) => [r.key, r]));
      const [rate] = branchReportRate(members.map((m) => ({ memberId: m.id, branch: m.branch })), new Set(byMember.keys()));
      const rows = members
        .map((m) => ({ memberId: encodeGlobalID('PartyMember', m.id), name: m.person.name, minutes: byMember.get(m.id)?.minutes ?? 0, hours: byMember.get(m.id)?.hours ?? hoursOf(0), shifts: byMember.get(m.id)?.shifts ?? 0 }))
        .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name, 'zh-CN'));
      return { branch: args.branch, quarter: args.quarter, members: rows, memberCount: rate!.members, reporting: rate!.reporting, reportRate: rate!.rate };
    },
  }),
}));
