import { randomUUID } from 'node:crypto';
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
import { checkInProblem, judgeOnSite } from '../volunteerRules.ts';
import { changePost, viewerMember } from '../volunteerStore.ts';

builder.mutationField('checkInShift', (t) =>
  t.fieldWithInput({
    description:
      'A member with a place on the post checks in: a new shift with the time and the place, judged on site within 300 m of the post. Refused (ShiftError) without a place, when checked in on the post already, or when another of their shifts covers the time.',
    authScopes: { signedIn: true },
    input: {
      postId: t.input.id({ description: 'Global id of the post.' }),
      location: t.input.field({ type: LngLatInput, description: DEVICE_LOCATION }),
      at: t.input.field({ type: 'DateTime', required: false, description: DEVICE_TIME }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: VolunteerPostMutationSuccess,
    errors: postPayload('CheckInShift', [NotFoundError, ShiftError, VolunteerConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(deviceStepSchema, args.input);
      const member = await viewerMember(ctx.prisma, ctx.viewer);
      if (!member) throw forbidden();
      const r = await changePost(
        ctx,
        { mutation: 'checkInShift', input: args.input, clientMutationId: input.clientMutationId, id: idOfType('VolunteerPost', args.input.postId), clientId: String(args.input.postId), authorize: () => true },
        async (p, now, tx) => {
          const at = atOr(input.at, now);
          const claim = await tx.postClaim.findUnique({ where: { postId_memberId: { postId: p.id, memberId: member.id } }, select: { id: true, status: true } });
          const claimed = claim?.status === 'CLAIMED';
          const openShift = claimed ? (await tx.shift.count({ where: { claimId: claim.id, checkOutAt: null, rejected: false } })) > 0 : false;
          // the member's shifts that could cover `at`: open ones, and those ending after it
          const spans = await tx.shift.findMany({ where: { memberId: member.id, rejected: false, OR: [{ checkOutAt: null }, { checkOutAt: { gt: at } }] }, select: { checkInAt: true, checkOutAt: true } });
          const problem = checkInProblem({ claimed, openShift }, spans.map((s) => ({ start: s.checkInAt, end: s.checkOutAt })), at);
          if (problem) throw new ShiftError(problem);
          const where = judgeOnSite([p.lng, p.lat], [input.location.lng, input.location.lat]);
          const shiftId = `shf_${randomUUID()}`;
          return {
            data: {},
            events: [{ type: 'CHECKED_IN', memberId: member.id, note: shiftId }],
            also: (t2) =>
              t2.shift.create({
                data: { id: shiftId, postId: p.id, memberId: member.id, claimId: claim!.id, checkInAt: at, checkInLng: input.location.lng, checkInLat: input.location.lat, checkInDistanceM: where.distanceM, checkInOnSite: where.onSite },
              }),
          };
        },
      );
      // the shift is named by the event the write appended (also on a replay)
      const event = await ctx.prisma.volunteerEvent.findUnique({ where: { postId_seq: { postId: r.id, seq: r.seq } }, select: { note: true } });
      return { ...r, claimId: null, shiftId: event?.note ?? null };
    },
  }),
);
