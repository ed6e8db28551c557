import { InputValidationError } from '@pothos/plugin-validation';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { forbidden } from '../../../spine/aggregate.ts';
import { idOfType } from '../../../spine/globalIds.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { LngLatInput } from '../../org/enums.ts';
import { ShiftError, VolunteerConflictError } from '../volunteerErrors.ts';
import { atOr, DEVICE_LOCATION, DEVICE_TIME, deviceStepSchema } from '../volunteerInputs.ts';
import { VolunteerPostMutationSuccess, postPayload } from '../VolunteerMutationSuccess.ts';
import { checkOutProblem, judgeOnSite, shiftMinutes } from '../volunteerRules.ts';
import { changePost, viewerMember } from '../volunteerStore.ts';

builder.mutationField('checkOutShift', (t) =>
  t.fieldWithInput({
    description:
      'The member checks out of their open shift: the time and the place (on site within 300 m) and the whole minutes worked. Refused (ShiftError) when checked out already, before the check-in, or more than 12 hours after it.',
    authScopes: { signedIn: true },
    input: {
      shiftId: t.input.id({ description: 'Global id of the shift.' }),
      location: t.input.field({ type: LngLatInput, description: DEVICE_LOCATION }),
      at: t.input.field({ type: 'DateTime', required: false, description: DEVICE_TIME }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: VolunteerPostMutationSuccess,
    errors: postPayload('CheckOutShift', [NotFoundError, ShiftError, VolunteerConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(deviceStepSchema, args.input);
      const shiftId = idOfType('Shift', args.input.shiftId);
      const member = await viewerMember(ctx.prisma, ctx.viewer);
      const ref = await ctx.prisma.shift.findUnique({ where: { id: shiftId }, select: { postId: true, memberId: true } });
      // another member's shift is not theirs to see
      if (!ref || (member && ref.memberId !== member.id)) throw new NotFoundError('Shift', String(args.input.shiftId));
      if (!member) throw forbidden();
      const r = await changePost(
        ctx,
        { mutation: 'checkOutShift', input: args.input, clientMutationId: input.clientMutationId, id: ref.postId, clientId: String(args.input.shiftId), authorize: () => true },
        async (p, now, tx) => {
          const at = atOr(input.at, now);
          const shift = await tx.shift.findUniqueOrThrow({ where: { id: shiftId } });
          const problem = checkOutProblem(shift, at);
          if (problem) throw new ShiftError(problem);
          const where = judgeOnSite([p.lng, p.lat], [input.location.lng, input.location.lat]);
          return {
            data: {},
            events: [{ type: 'CHECKED_OUT', memberId: member.id, note: shiftId }],
            also: (t2) =>
              t2.shift.update({
                where: { id: shiftId },
                data: { checkOutAt: at, checkOutLng: input.location.lng, checkOutLat: input.location.lat, checkOutDistanceM: where.distanceM, checkOutOnSite: where.onSite, minutes: shiftMinutes(shift.checkInAt, at) },
              }),
          };
        },
      );
      return { ...r, claimId: null, shiftId };
    },
  }),
);
