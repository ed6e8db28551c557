import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { forbidden } from '../../../spine/aggregate.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { clientMutationIdSchema, runWrite } from '../../../spine/writes.ts';
import { BranchCallMutationSuccess, type CallWriteResult } from '../VolunteerMutationSuccess.ts';
import { writePayload } from '../../../spine/payloads.ts';
import { communityScopeSelect, isCommunityStaff, scopeOfCommunity } from '../volunteerPolicy.ts';

const inputSchema = z.object({
  branch: z.string().trim().min(2).max(100),
  title: z.string().trim().min(2).max(100),
  text: z.string().trim().min(2).max(2000),
  deadline: z.date().refine((d) => d.getTime() > Date.now(), 'must be in the future'),
  places: z.number().int().min(1).max(10_000).nullish(),
  clientMutationId: clientMutationIdSchema,
}).passthrough();

builder.mutationField('callBranchVolunteers', (t) =>
  t.fieldWithInput({
    description: "The community's staff post a branch's call for volunteers (支部吹哨、党员报到): the branch's members, and those reported to the community, answer until the deadline.",
    authScopes: { signedIn: true },
    input: {
      communityCode: t.input.string({ description: 'The community the members are called to, e.g. 110101011003.' }),
      branch: t.input.string({ description: 'The workplace party branch that calls, as the members record it.' }),
      title: t.input.string({ description: '2–100 characters.' }),
      text: t.input.string({ description: 'The call (2–2000 characters).' }),
      deadline: t.input.field({ type: 'DateTime', description: 'Answers are taken until then (in the future).' }),
      places: t.input.int({ required: false, description: 'How many members; no limit when absent.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: BranchCallMutationSuccess,
    errors: writePayload('CallBranchVolunteers', [NotFoundError, InputValidationError], 'The call.'),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(inputSchema, args.input);
      const community = await ctx.prisma.community.findUnique({ where: { code: args.input.communityCode }, select: communityScopeSelect });
      if (!community) throw new NotFoundError('Community', args.input.communityCode);
      if (!isCommunityStaff(ctx.viewer, scopeOfCommunity(community))) throw forbidden();
      return runWrite<Omit<CallWriteResult, 'replayed'>>(ctx, { mutation: 'callBranchVolunteers', input: args.input, clientMutationId: input.clientMutationId }, async (tx, now) => {
        const call = await tx.branchCall.create({
          data: { branch: input.branch, communityId: community.id, title: input.title, text: input.text, deadline: input.deadline, places: input.places ?? null, createdById: ctx.viewer?.userId ?? null, at: now },
          select: { id: true },
        });
        return { result: { id: call.id } };
      });
    },
  }),
);
