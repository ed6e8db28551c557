// The PartyMember type (双报到: a member reported to a workplace branch and a residential community),
// its shifts (Shift), and the member's and the staff's queries: myPartyMember, shiftsToVerify.
import { GraphQLError } from 'graphql';
import { builder } from '../../builder.ts';
import { NotFoundError } from '../../errors/index.ts';
import { forbidden } from '../../spine/aggregate.ts';
import { LngLat } from '../org/enums.ts';
import { communityScopeSelect, holdsPartyMemberGrant, isCommunityStaff, membersWhereVisibleTo, memberScopeOf, memberScopeSelect, memberVisibleTo, scopeOfCommunity } from './volunteerPolicy.ts';
import { countsAsHours, shiftStatus } from './volunteerRules.ts';

export const PartyMemberNode = builder.prismaNode('PartyMember', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [membersWhereVisibleTo(ctx.viewer)] }),
  nullable: true,
  select: memberScopeSelect,
  authScopes: (m, ctx) => memberVisibleTo(ctx.viewer, memberScopeOf(m)),
  description: "An in-service party member who reported to their workplace party branch and to their residential community (双报到). Seen by the member, the community's staff, admins and integrators.",
  fields: (t) => ({
    name: t.string({ description: "The member's name.", select: { person: { select: { name: true } } }, resolve: (m) => m.person.name }),
    branch: t.exposeString('branch', { description: 'The workplace party branch (党支部), e.g. 国家电网北京东城供电公司党支部.' }),
    organisation: t.exposeString('organisation', { description: 'The workplace organisation of the branch.' }),
    community: t.relation('community', { description: 'The residential community the member reported to: they claim its posts.' }),
    reportedAt: t.expose('reportedAt', { type: 'DateTime', description: 'When they reported to the community.' }),
    claims: t.relation('claims', { description: 'Their claims, newest first.', query: () => ({ orderBy: [{ at: 'desc' }, { id: 'asc' }] }) }),
    shifts: t.relation('shifts', { description: 'Their shifts, newest first.', query: () => ({ orderBy: [{ checkInAt: 'desc' }, { id: 'asc' }] }) }),
  }),
});

export const ShiftStatusEnum = builder.enumType('ShiftStatus', {
  description: 'Where a shift stands.',
  values: {
    OPEN: { description: 'Checked in, not yet out.' },
    CHECKED_OUT: { description: 'Checked out; waits for the community staff.' },
    VERIFIED: { description: 'Verified by the community staff.' },
    REJECTED: { description: 'Rejected by the community staff: its hours never count.' },
  } as const,
});

builder.prismaNode('Shift', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, member: membersWhereVisibleTo(ctx.viewer) }),
  nullable: true,
  select: { member: { select: memberScopeSelect } },
  authScopes: (s, ctx) => memberVisibleTo(ctx.viewer, memberScopeOf(s.member)),
  description: "One shift on a post: check-in and check-out with time and place. Its hours count once the community staff verify it and both ends were on site. Seen with its member.",
  fields: (t) => ({
    post: t.relation('post', { description: 'The post.' }),
    member: t.relation('member', { description: 'The member.' }),
    claim: t.relation('claim', { description: 'The claim it was worked under.' }),
    checkInAt: t.expose('checkInAt', { type: 'DateTime', description: 'When the member checked in.' }),
    checkInLocation: t.field({ type: LngLat, description: 'Where.', select: { checkInLng: true, checkInLat: true }, resolve: (s) => ({ lng: s.checkInLng, lat: s.checkInLat }) }),
    checkInDistanceM: t.exposeFloat('checkInDistanceM', { description: 'Metres from the post.' }),
    checkInOnSite: t.exposeBoolean('checkInOnSite', { description: 'Within 300 m of the post.' }),
    checkOutAt: t.expose('checkOutAt', { type: 'DateTime', nullable: true, description: 'When the member checked out.' }),
    checkOutLocation: t.field({
      type: LngLat, nullable: true, description: 'Where.', select: { checkOutLng: true, checkOutLat: true },
      resolve: (s) => (s.checkOutLng == null || s.checkOutLat == null ? null : { lng: s.checkOutLng, lat: s.checkOutLat }),
    }),
    checkOutDistanceM: t.exposeFloat('checkOutDistanceM', { nullable: true, description: 'Metres from the post.' }),
    checkOutOnSite: t.exposeBoolean('checkOutOnSite', { nullable: true, description: 'Within 300 m of the post.' }),
    minutes: t.exposeInt('minutes', { nullable: true, description: 'Whole minutes between check-in and check-out.' }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true, description: 'When the staff decided on it (verified or rejected).' }),
    rejected: t.exposeBoolean('rejected', { description: 'The staff rejected it.' }),
    note: t.exposeString('note', { nullable: true, description: "The staff's note." }),
    status: t.field({ type: ShiftStatusEnum, description: 'OPEN, CHECKED_OUT, VERIFIED or REJECTED.', select: { checkOutAt: true, verifiedAt: true, rejected: true }, resolve: (s) => shiftStatus(s) }),
    countsAsHours: t.boolean({
      description: 'Whether its minutes count in the hours reports: verified, not rejected, checked in and out on site.',
      select: { checkInAt: true, checkOutAt: true, verifiedAt: true, rejected: true, checkInOnSite: true, checkOutOnSite: true },
      resolve: (s) => countsAsHours({ ...s, checkOutOnSite: s.checkOutOnSite ?? false }),
    }),
  }),
});

builder.queryFields((t) => ({
  myPartyMember: t.prismaField({
    type: 'PartyMember',
    nullable: true,
    description: "The viewer's party-member profile (双报到); null when the viewer is not a party member.",
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.partyMember.findFirst({ ...query, where: ctx.viewer && holdsPartyMemberGrant(ctx.viewer) ? { person: { user: { id: ctx.viewer.userId } } } : { id: { in: [] } } }),
  }),
  shiftsToVerify: t.prismaField({
    type: ['Shift'],
    authScopes: { signedIn: true },
    description: "The checked-out shifts on a community's posts that wait for its staff, oldest first (FORBIDDEN for anyone but the community's staff).",
    args: { communityCode: t.arg.string({ description: 'The community, e.g. 110101011003.' }) },
    resolve: async (query, _root, args, ctx) => {
      const community = await ctx.prisma.community.findUnique({ where: { code: args.communityCode }, select: communityScopeSelect });
      if (!community) throw new GraphQLError(new NotFoundError('Community', args.communityCode).message, { extensions: { code: 'NOT_FOUND' } });
      if (!isCommunityStaff(ctx.viewer, scopeOfCommunity(community))) throw forbidden();
      return ctx.prisma.shift.findMany({ ...query, where: { post: { communityId: community.id }, checkOutAt: { not: null }, verifiedAt: null }, orderBy: [{ checkInAt: 'asc' }, { id: 'asc' }] });
    },
  }),
}));
