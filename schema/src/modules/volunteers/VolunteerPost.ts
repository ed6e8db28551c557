// The VolunteerPost type (a Relay node any signed-in viewer sees), its claims (PostClaim, visible with
// their member) and the `volunteerPosts` connection.
import type { Prisma } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';
import { LngLat } from '../org/enums.ts';
import { membersWhereVisibleTo, memberScopeOf, memberScopeSelect, memberVisibleTo, postsWhereVisibleTo } from './volunteerPolicy.ts';
import { CATEGORY_LABELS, POST_CATEGORIES, type PostCategory } from './volunteerRules.ts';

export const PostCategoryEnum = builder.enumType('PostCategory', {
  description: 'The five kinds of post a community publishes for reporting party members (双报到).',
  values: Object.fromEntries(POST_CATEGORIES.map((c) => [c, { description: CATEGORY_LABELS[c] }])) as Record<(typeof POST_CATEGORIES)[number], { description: string }>,
});

export const ClaimStatusEnum = builder.enumType('ClaimStatus', {
  description: 'Where a claim of a post stands.',
  values: {
    CLAIMED: { description: 'The member holds a place.' },
    WAITLISTED: { description: 'The post was full: the member waits and is promoted automatically when a place frees.' },
    CANCELLED: { description: 'The member gave the place (or the waitlist position) up.' },
  } as const,
});

/** The viewer's own claims, as a where clause on PostClaim. */
const ownClaims = (userId: string | undefined): Prisma.PostClaimWhereInput => ({ member: { person: { user: { id: userId ?? '' } } } });

export const VolunteerPostNode = builder.prismaNode('VolunteerPost', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [postsWhereVisibleTo(ctx.viewer)] }),
  nullable: true,
  authScopes: { signedIn: true },
  description: 'A volunteer post a community publishes (志愿岗位): party members who reported to the community claim its places, check in and out on site, and the staff verify their hours.',
  fields: (t) => ({
    community: t.relation('community', { description: 'The community that published it.' }),
    category: t.expose('category', { type: PostCategoryEnum, description: 'One of the five categories.' }),
    title: t.exposeString('title', { description: 'e.g. 垃圾分类桶前值守.' }),
    description: t.exposeString('description', { description: 'What the volunteers do.' }),
    schedule: t.exposeString('schedule', { description: 'When, as the notice says it, e.g. 每周六 9:00–11:00.' }),
    places: t.exposeInt('places', { description: 'How many members it needs.' }),
    claimed: t.exposeInt('claimed', { description: 'Places taken (never more than `places`).' }),
    placesLeft: t.int({ description: 'places − claimed.', select: { places: true, claimed: true }, resolve: (p) => Math.max(0, p.places - p.claimed) }),
    waitlisted: t.relationCount('claims', { where: { status: 'WAITLISTED' }, description: 'How many members wait for a place.' }),
    skills: t.stringList({ description: 'Skills wanted (may be empty).', select: { skills: true }, resolve: (p) => p.skills.split(/\s+/).filter(Boolean) }),
    location: t.field({ type: LngLat, description: 'Where the post is (WGS84): check-ins within 300 m count as on site.', select: { lng: true, lat: true }, resolve: (p) => ({ lng: p.lng, lat: p.lat }) }),
    open: t.exposeBoolean('open', { description: 'Whether it takes claims.' }),
    version: t.exposeInt('version', { description: 'Bumped by every write (claims and shifts included).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was published.' }),
    myClaim: t.field({
      type: PostClaimNode,
      nullable: true,
      description: "The viewer's claim of this post (any status); null when they have none.",
      select: (_args, ctx, nested) => ({ claims: { ...nestedArgs(nested(true)), where: ownClaims(ctx.viewer?.userId), take: 1 } }),
      // the nested selection carries what PostClaim's authScopes read; TypeScript sees only the spread args
      resolve: (p) => (p.claims[0] ?? null) as never,
    }),
    events: t.relatedConnection('events', { cursor: 'id', totalCount: true, description: 'The history of the post, oldest first.', query: () => ({ orderBy: { seq: 'asc' } }) }),
  }),
});

/** A nested selection as relation arguments (`true` selects everything), for a to-one field picked from a filtered list relation. */
export const nestedArgs = (n: unknown): object => (n && typeof n === 'object' ? n : {});

export const PostClaimNode = builder.prismaNode('PostClaim', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, member: membersWhereVisibleTo(ctx.viewer) }),
  nullable: true,
  select: { member: { select: memberScopeSelect } },
  authScopes: (c, ctx) => memberVisibleTo(ctx.viewer, memberScopeOf(c.member)),
  description: "A member's claim of a post: a place, or a waitlist position promoted automatically when a place frees. Seen by the member, the community's staff, admins and integrators.",
  fields: (t) => ({
    post: t.relation('post', { description: 'The post.' }),
    member: t.relation('member', { description: 'The member.' }),
    status: t.expose('status', { type: ClaimStatusEnum, description: 'Claimed, waitlisted or cancelled.' }),
    waitlistPosition: t.exposeInt('waitlistPosition', { nullable: true, description: 'Position on the waitlist (from 1; gaps are not refilled), while waitlisted.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When it was claimed (or waitlisted).' }),
    promotedAt: t.expose('promotedAt', { type: 'DateTime', nullable: true, description: 'When it moved from the waitlist to a place.' }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true, description: 'When it was cancelled.' }),
  }),
});

builder.prismaNode('VolunteerEvent', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, post: postsWhereVisibleTo(ctx.viewer) }),
  nullable: true,
  authScopes: { signedIn: true },
  description: 'One entry of a post history (append-only).',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'Number in the post history, from 1.' }),
    logSeq: t.exposeInt('position', { description: "Position in the hub's event log." }),
    type: t.exposeString('type', { description: 'PUBLISHED, CLOSED, CLAIMED, WAITLISTED, CLAIM_CANCELLED, PROMOTED, CHECKED_IN, CHECKED_OUT, VERIFIED, REJECTED.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When it happened.' }),
  }),
});

/** The where clause of the volunteerPosts arguments. */
function postsWhere(args: { communityCode?: string | null; category?: readonly string[] | null; openOnly?: boolean | null }): Prisma.VolunteerPostWhereInput {
  return {
    ...(args.communityCode ? { community: { code: args.communityCode } } : {}),
    ...(args.category?.length ? { category: { in: [...args.category] as PostCategory[] } } : {}),
    ...(args.openOnly ? { open: true } : {}),
  };
}

builder.queryFields((t) => ({
  volunteerPosts: t.prismaConnection({
    type: 'VolunteerPost',
    cursor: 'id',
    authScopes: { signedIn: true },
    description: 'Volunteer posts, newest first (published time, then id), narrowed by community, categories and whether they are open.',
    args: {
      communityCode: t.arg.string({ required: false, description: 'Only this community, e.g. 110101011003 (草厂社区).' }),
      category: t.arg({ type: [PostCategoryEnum], required: false, description: 'Any of these categories.' }),
      openOnly: t.arg.boolean({ required: false, description: 'true: only posts that take claims.' }),
    },
    totalCount: (_root, args, ctx) => ctx.prisma.volunteerPost.count({ where: { AND: [postsWhereVisibleTo(ctx.viewer), postsWhere(args)] } }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.volunteerPost.findMany({ ...query, where: { AND: [postsWhereVisibleTo(ctx.viewer), postsWhere(args)] }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
}));
