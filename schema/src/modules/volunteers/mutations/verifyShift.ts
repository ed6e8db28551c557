import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { idOfType } from '../../../spine/globalIds.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';
import { ShiftError, VolunteerConflictError } from '../volunteerErrors.ts';
import { note } from '../volunteerInputs.ts';
import { VolunteerPostMutationSuccess, postPayload } from '../VolunteerMutationSuccess.ts';
import { isCommunityStaff } from '../volunteerPolicy.ts';
import { verifyProblem } from '../volunteerRules.ts';
import { changePost, scopeOfPost } from '../volunteerStore.ts';

builder.mutationField('verifyShift', (t) =>
  t.fieldWithInput({
    description:
      "The community's staff verify (accept: true) or reject a checked-out shift, once; a shift left open longer than 12 h (the member forgot to check out) may be rejected, which closes it. Its minutes count in the hours reports only when verified with both check-in and check-out on site.",
    authScopes: { signedIn: true },
    input: {
      shiftId: t.input.id({ description: 'Global id of the shift.' }),
      accept: t.input.boolean({ description: 'true: the member served; false: rejected (its hours never count).' }),
      note: t.input.string({ required: false, description: 'Why (up to 2000 characters).' }),
      expectedVersion: t.input.int({ required: false, description: 'The version of the post the caller saw; a newer one is a conflict.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: VolunteerPostMutationSuccess,
    errors: postPayload('VerifyShift', [NotFoundError, ShiftError, VolunteerConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(z.object({ note, clientMutationId: clientMutationIdSchema }).passthrough(), args.input);
      const shiftId = idOfType('Shift', args.input.shiftId);
      const ref = await ctx.prisma.shift.findUnique({ where: { id: shiftId }, select: { postId: true } });
      if (!ref) throw new NotFoundError('Shift', String(args.input.shiftId));
      const r = await changePost(
        ctx,
        { mutation: 'verifyShift', input: args.input, clientMutationId: input.clientMutationId, id: ref.postId, clientId: String(args.input.shiftId), expectedVersion: args.input.expectedVersion, authorize: (p) => isCommunityStaff(ctx.viewer, scopeOfPost(p)) },
        async (_p, now, tx) => {
          const shift = await tx.shift.findUniqueOrThrow({ where: { id: shiftId } });
          const problem = verifyProblem(shift, { accept: args.input.accept, now });
          if (problem) throw new ShiftError(problem);
          return {
            data: {},
            events: [{ type: args.input.accept ? 'VERIFIED' : 'REJECTED', memberId: shift.memberId, note: shiftId }],
            also: (t2) => t2.shift.update({ where: { id: shiftId }, data: { verifiedAt: now, verifiedById: ctx.viewer?.userId ?? null, rejected: !args.input.accept, note: input.note ?? null } }),
          };
        },
      );
      return { ...r, claimId: null, shiftId };
    },
  }),
);
