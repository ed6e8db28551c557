import { randomUUID } from 'node:crypto';
import { InputValidationError } from '@pothos/plugin-validation';
import { builder } from '../../../builder.ts';
import { NotFoundError } from '../../../errors/index.ts';
import { forbidden } from '../../../spine/aggregate.ts';
import { idOfType } from '../../../spine/globalIds.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { clientMutationIdOf } from '../../../spine/writes.ts';
import { ClaimError, PostFullError, VolunteerConflictError } from '../volunteerErrors.ts';
import { VolunteerPostMutationSuccess, postPayload } from '../VolunteerMutationSuccess.ts';
import { claimProblem, nextWaitlistPosition } from '../volunteerRules.ts';
import { changePost, viewerMember } from '../volunteerStore.ts';

builder.mutationField('claimVolunteerPost', (t) =>
  t.fieldWithInput({
    description:
      'A party member claims a post of the community they reported to. The place is taken by one conditional update (claimed < places), so of two members racing for the last place exactly one gets it; the other is WAITLISTED (next position, promoted automatically when a place frees) — or, with `waitlist: false`, refused with PostFullError.',
    authScopes: { signedIn: true },
    input: {
      postId: t.input.id({ description: 'Global id of the post.' }),
      waitlist: t.input.boolean({ required: false, defaultValue: true, description: 'On a full post: true (default) joins the waitlist, false is a PostFullError.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: VolunteerPostMutationSuccess,
    errors: postPayload('ClaimVolunteerPost', [NotFoundError, ClaimError, PostFullError, VolunteerConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const clientMutationId = await clientMutationIdOf(args.input);
      const member = await viewerMember(ctx.prisma, ctx.viewer);
      if (!member) throw forbidden();
      const waitlist = args.input.waitlist ?? true;
      const r = await changePost(
        ctx,
        { mutation: 'claimVolunteerPost', input: args.input, clientMutationId, id: idOfType('VolunteerPost', args.input.postId), clientId: String(args.input.postId), authorize: () => true },
        async (p, now, tx) => {
          const existing = await tx.postClaim.findUnique({ where: { postId_memberId: { postId: p.id, memberId: member.id } } });
          const problem = claimProblem({ postOpen: p.open, alreadyClaimed: existing != null && existing.status !== 'CANCELLED', memberCommunityId: member.communityId, postCommunityId: p.communityId });
          if (problem) throw new ClaimError(problem);
          // The database decides the place, never a count read before: UPDATE … SET claimed = claimed + 1
          // WHERE claimed < places (a field reference, https://www.prisma.io/docs/orm/reference/prisma-client-reference#compare-columns-in-the-same-table).
          // A concurrent claimant waits for this row (PostgreSQL) or the write lock (SQLite) and then finds it full.
          const took = (await tx.volunteerPost.updateMany({ where: { id: p.id, claimed: { lt: tx.volunteerPost.fields.places } }, data: { claimed: { increment: 1 } } })).count === 1;
          const waiting = took ? [] : await tx.postClaim.findMany({ where: { postId: p.id, status: 'WAITLISTED' }, select: { waitlistPosition: true } });
          if (!took && !waitlist) throw new PostFullError(p.places, waiting.length);
          const claimId = existing?.id ?? `pcl_${randomUUID()}`;
          const state = took
            ? { status: 'CLAIMED' as const, waitlistPosition: null }
            : { status: 'WAITLISTED' as const, waitlistPosition: nextWaitlistPosition(waiting.map((w) => w.waitlistPosition ?? 0)) };
          const row = { ...state, at: now, promotedAt: null, cancelledAt: null };
          return {
            data: {},
            events: [{ type: took ? 'CLAIMED' : 'WAITLISTED', memberId: member.id, note: claimId }],
            also: (tx2) =>
              existing ? tx2.postClaim.update({ where: { id: existing.id }, data: row }) : tx2.postClaim.create({ data: { id: claimId, postId: p.id, memberId: member.id, ...row } }),
          };
        },
      );
      const claim = await ctx.prisma.postClaim.findUnique({ where: { postId_memberId: { postId: r.id, memberId: member.id } }, select: { id: true } });
      return { ...r, claimId: claim?.id ?? null, shiftId: null };
    },
  }),
);
