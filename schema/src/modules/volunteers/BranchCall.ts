// Branch calls (支部吹哨、党员报到): a workplace branch asks its members (and those reported to a
// community) to turn out by a deadline. Visible to anyone signed in; an answer is seen with its member.
import type { Prisma } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';
import { membersWhereVisibleTo, memberScopeOf, memberScopeSelect, memberVisibleTo } from './volunteerPolicy.ts';
import { callAnswerProblem } from './volunteerRules.ts';
import { nestedArgs } from './VolunteerPost.ts';

/** The calls a viewer may see: every call, to anyone signed in. */
export const callsWhereVisibleTo = (viewer: { userId: string } | null): Prisma.BranchCallWhereInput => (viewer ? {} : { id: { in: [] } });

export const BranchCallAnswerNode = builder.prismaNode('BranchCallAnswer', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, member: membersWhereVisibleTo(ctx.viewer) }),
  nullable: true,
  select: { member: { select: memberScopeSelect } },
  authScopes: (a, ctx) => memberVisibleTo(ctx.viewer, memberScopeOf(a.member)),
  description: "A member's answer to a branch call.",
  fields: (t) => ({
    call: t.relation('call', { description: 'The call.' }),
    member: t.relation('member', { description: 'The member who answered.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
  }),
});

export const BranchCallNode = builder.prismaNode('BranchCall', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [callsWhereVisibleTo(ctx.viewer)] }),
  nullable: true,
  authScopes: { signedIn: true },
  description: "A branch's call for volunteers (支部吹哨、党员报到): a request with a deadline that its members (and those reported to its community) answer.",
  fields: (t) => ({
    branch: t.exposeString('branch', { description: 'The workplace party branch that calls.' }),
    community: t.relation('community', { nullable: true, description: 'The community the members are called to.' }),
    title: t.exposeString('title', { description: 'What for.' }),
    text: t.exposeString('text', { description: 'The call.' }),
    deadline: t.expose('deadline', { type: 'DateTime', description: 'Answers are taken until then (inclusive).' }),
    places: t.exposeInt('places', { nullable: true, description: 'How many members it asks for; null: no limit.' }),
    answered: t.exposeInt('answered', { description: 'How many answered.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When it was made.' }),
    open: t.boolean({
      description: 'Whether it takes answers now: before its deadline and with places left.',
      select: { deadline: true, places: true, answered: true },
      resolve: (c) => callAnswerProblem(c, false, new Date()) == null,
    }),
    myAnswer: t.field({
      type: BranchCallAnswerNode,
      nullable: true,
      description: "The viewer's answer; null when they have not answered.",
      select: (_args, ctx, nested) => ({ answers: { ...nestedArgs(nested(true)), where: { member: { person: { user: { id: ctx.viewer?.userId ?? '' } } } }, take: 1 } }),
      // the nested selection carries what BranchCallAnswer's authScopes read; TypeScript sees only the spread args
      resolve: (c) => (c.answers[0] ?? null) as never,
    }),
    answers: t.relation('answers', { description: 'The answers the viewer may see (their own; all for the staff of the members), in order.', query: (_args, ctx) => ({ where: { member: membersWhereVisibleTo(ctx.viewer) }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }) }),
  }),
});

builder.queryFields((t) => ({
  branchCalls: t.prismaField({
    type: ['BranchCall'],
    authScopes: { signedIn: true },
    description: 'Branch calls, soonest deadline first, narrowed by community and to the open ones.',
    args: {
      communityCode: t.arg.string({ required: false, description: 'Only calls to this community.' }),
      openOnly: t.arg.boolean({ required: false, description: 'true: only calls whose deadline has not passed.' }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.branchCall.findMany({
        ...query,
        where: { AND: [callsWhereVisibleTo(ctx.viewer), args.communityCode ? { community: { code: args.communityCode } } : {}, args.openOnly ? { deadline: { gte: new Date() } } : {}] },
        orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
      }),
  }),
}));
