import { InputValidationError } from '@pothos/plugin-validation';
import { builder } from '../../../builder.ts';
import { NotFoundError } from '../../../errors/index.ts';
import { idOfType } from '../../../spine/globalIds.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { clientMutationIdOf } from '../../../spine/writes.ts';
import { ClaimError, VolunteerConflictError } from '../volunteerErrors.ts';
import { VolunteerPostMutationSuccess, postPayload } from '../VolunteerMutationSuccess.ts';
import { isCommunityStaff } from '../volunteerPolicy.ts';
import { promotionOrder } from '../volunteerRules.ts';
import { changePost, type PostChange, scopeOfPost, viewerMember } from '../volunteerStore.ts';

builder.mutationField('cancelPostClaim', (t) =>
  t.fieldWithInput({
    description:
      "The member gives up a claim (a place or a waitlist position); the community's staff may cancel one too. A freed place goes, in the same transaction, to the first on the waitlist (PROMOTED) while the post is open.",
    authScopes: { signedIn: true },
    input: {
      claimId: t.input.id({ description: 'Global id of the PostClaim.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: VolunteerPostMutationSuccess,
    errors: postPayload('CancelPostClaim', [NotFoundError, ClaimError, VolunteerConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const clientMutationId = await clientMutationIdOf(args.input);
      const claimId = idOfType('PostClaim', args.input.claimId);
      const ref = await ctx.prisma.postClaim.findUnique({ where: { id: claimId }, select: { postId: true, memberId: true } });
      if (!ref) throw new NotFoundError('PostClaim', String(args.input.claimId));
      const member = await viewerMember(ctx.prisma, ctx.viewer);
      const r = await changePost(
        ctx,
        { mutation: 'cancelPostClaim', input: args.input, clientMutationId, id: ref.postId, clientId: String(args.input.claimId), authorize: (p) => member?.id === ref.memberId || isCommunityStaff(ctx.viewer, scopeOfPost(p)) },
        async (p, now, tx): Promise<PostChange> => {
          const claim = await tx.postClaim.findUniqueOrThrow({ where: { id: claimId } });
          if (claim.status === 'CANCELLED') throw new ClaimError('ALREADY_CANCELLED');
          const cancel = (t2: typeof tx) => t2.postClaim.update({ where: { id: claim.id }, data: { status: 'CANCELLED', waitlistPosition: null, cancelledAt: now } });
          const cancelled = { type: 'CLAIM_CANCELLED' as const, memberId: claim.memberId, note: claim.id };
          if (claim.status === 'WAITLISTED') return { data: {}, events: [cancelled], also: cancel };
          const waiting = p.open ? await tx.postClaim.findMany({ where: { postId: p.id, status: 'WAITLISTED' }, select: { id: true, waitlistPosition: true, at: true, memberId: true } }) : [];
          const nextId = promotionOrder(waiting.map((w) => ({ id: w.id, position: w.waitlistPosition ?? 0, at: w.at })))[0];
          // no one waits: the place is free again
          if (!nextId) return { data: { claimed: { decrement: 1 } }, events: [cancelled], also: cancel };
          const next = waiting.find((w) => w.id === nextId)!;
          return {
            // the place passes from one member to the next: `claimed` stays
            data: {},
            events: [cancelled, { type: 'PROMOTED', memberId: next.memberId, note: next.id }],
            also: async (t2) => {
              await cancel(t2);
              await t2.postClaim.update({ where: { id: next.id }, data: { status: 'CLAIMED', waitlistPosition: null, promotedAt: now } });
            },
          };
        },
      );
      return { ...r, claimId, shiftId: null };
    },
  }),
);
