import { InputValidationError } from '@pothos/plugin-validation';
import { builder } from '../../../builder.ts';
import { NotFoundError } from '../../../errors/index.ts';
import { forbidden } from '../../../spine/aggregate.ts';
import { idOfType } from '../../../spine/globalIds.ts';
import { CLIENT_MUTATION_ID, writePayload } from '../../../spine/payloads.ts';
import { clientMutationIdOf, runWrite } from '../../../spine/writes.ts';
import { CallAnswerError } from '../volunteerErrors.ts';
import { BranchCallMutationSuccess, type CallWriteResult } from '../VolunteerMutationSuccess.ts';
import { callAnswerProblem, isCalled } from '../volunteerRules.ts';
import { viewerMember } from '../volunteerStore.ts';

builder.mutationField('answerBranchCall', (t) =>
  t.fieldWithInput({
    description:
      "A party member of the calling branch (or reported to the call's community) answers a branch call, once, until its deadline. The last place is taken by one conditional update (answered < places), as a post's.",
    authScopes: { signedIn: true },
    input: {
      callId: t.input.id({ description: 'Global id of the BranchCall.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: BranchCallMutationSuccess,
    errors: writePayload('AnswerBranchCall', [NotFoundError, CallAnswerError, InputValidationError], 'The call answered.'),
    resolve: async (_root, args, ctx) => {
      const clientMutationId = await clientMutationIdOf(args.input);
      const callId = idOfType('BranchCall', args.input.callId);
      const member = await viewerMember(ctx.prisma, ctx.viewer);
      if (!member) throw forbidden();
      return runWrite<Omit<CallWriteResult, 'replayed'>>(ctx, { mutation: 'answerBranchCall', input: args.input, clientMutationId }, async (tx, now) => {
        // the call's write lock first, before any read (why: AggregateStore.lock in spine/aggregate.ts)
        await tx.branchCall.updateMany({ where: { id: callId }, data: { answered: { increment: 0 } } });
        const call = await tx.branchCall.findUnique({ where: { id: callId } });
        if (!call) throw new NotFoundError('BranchCall', String(args.input.callId));
        if (!isCalled(call, member)) throw new CallAnswerError('NOT_CALLED');
        const already = (await tx.branchCallAnswer.count({ where: { callId, memberId: member.id } })) > 0;
        const problem = callAnswerProblem(call, already, now);
        if (problem) throw new CallAnswerError(problem);
        const took = await tx.branchCall.updateMany({
          where: { id: callId, deadline: { gte: now }, OR: [{ places: null }, { answered: { lt: tx.branchCall.fields.places } }] },
          data: { answered: { increment: 1 } },
        });
        if (took.count === 0) throw new CallAnswerError('CALL_FULL');
        await tx.branchCallAnswer.create({ data: { callId, memberId: member.id, at: now } });
        return { result: { id: callId } };
      });
    },
  }),
);
