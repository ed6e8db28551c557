import { builder } from '../../builder.ts';
import { writePayload } from '../../spine/payloads.ts';
import { membersWhereVisibleTo, postsWhereVisibleTo } from './volunteerPolicy.ts';
import type { PostWriteResult } from './volunteerStore.ts';

/** The success of every post mutation: the post after the write, and the claim or shift it concerned. */
export const VolunteerPostMutationSuccess = builder.objectRef<PostWriteResult>('VolunteerPostMutationSuccess').implement({
  description: 'The post after the change, with the claim or shift the change concerned.',
  fields: (t) => ({
    post: t.prismaField({
      type: 'VolunteerPost',
      description: 'The post as it is now.',
      resolve: (query, parent, _args, ctx) => ctx.prisma.volunteerPost.findFirstOrThrow({ ...query, where: { AND: [{ id: parent.id }, postsWhereVisibleTo(ctx.viewer)] } }),
    }),
    claim: t.prismaField({
      type: 'PostClaim',
      nullable: true,
      description: 'The claim the change concerned (claim, cancel, promotion), as it is now.',
      resolve: (query, parent, _args, ctx) => ctx.prisma.postClaim.findFirst({ ...query, where: { id: { in: parent.claimId ? [parent.claimId] : [] }, member: membersWhereVisibleTo(ctx.viewer) } }),
    }),
    shift: t.prismaField({
      type: 'Shift',
      nullable: true,
      description: 'The shift the change concerned (check-in, check-out, verification), as it is now.',
      resolve: (query, parent, _args, ctx) => ctx.prisma.shift.findFirst({ ...query, where: { id: { in: parent.shiftId ? [parent.shiftId] : [] }, member: membersWhereVisibleTo(ctx.viewer) } }),
    }),
    version: t.exposeInt('version', { description: 'The version of the post this write produced.' }),
    seq: t.exposeInt('seq', { description: 'The number of the last event this write appended to the post history.' }),
    logSeq: t.exposeInt('position', { description: 'The position of that event in the hub event log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this is the stored answer to an earlier request with the same clientMutationId: nothing was written this time.' }),
  }),
});

/** The errors plugin options of a post mutation named `name` (union <Name>Payload). */
export const postPayload = <T extends (new (...args: never[]) => Error)[]>(name: string, types: T) => writePayload(name, types, 'The changed post.');

/** The result of a branch call write. */
export interface CallWriteResult {
  id: string;
  replayed: boolean;
}

/** The success of the branch call mutations: the call after the write. */
export const BranchCallMutationSuccess = builder.objectRef<CallWriteResult>('BranchCallMutationSuccess').implement({
  description: 'The branch call after the change.',
  fields: (t) => ({
    call: t.prismaField({
      type: 'BranchCall',
      description: 'The call as it is now.',
      resolve: (query, parent, _args, ctx) => ctx.prisma.branchCall.findUniqueOrThrow({ ...query, where: { id: parent.id } }),
    }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this is the stored answer to an earlier request with the same clientMutationId: nothing was written this time.' }),
  }),
});
