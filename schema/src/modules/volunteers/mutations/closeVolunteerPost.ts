import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { idOfType } from '../../../spine/globalIds.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';
import { ClaimError, VolunteerConflictError } from '../volunteerErrors.ts';
import { VolunteerPostMutationSuccess, postPayload } from '../VolunteerMutationSuccess.ts';
import { note } from '../volunteerInputs.ts';
import { isCommunityStaff } from '../volunteerPolicy.ts';
import { changePost, scopeOfPost } from '../volunteerStore.ts';

builder.mutationField('closeVolunteerPost', (t) =>
  t.fieldWithInput({
    description: "The community's staff close a post: it takes no more claims; claims and shifts already made stay (shifts can still be checked out and verified).",
    authScopes: { signedIn: true },
    input: {
      postId: t.input.id({ description: 'Global id of the post.' }),
      note: t.input.string({ required: false, description: 'Why (up to 2000 characters).' }),
      expectedVersion: t.input.int({ required: false, description: 'The version the caller saw; a newer one is a conflict.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: VolunteerPostMutationSuccess,
    errors: postPayload('CloseVolunteerPost', [NotFoundError, ClaimError, VolunteerConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(z.object({ note, clientMutationId: clientMutationIdSchema }).passthrough(), args.input);
      const r = await changePost(
        ctx,
        { mutation: 'closeVolunteerPost', input: args.input, clientMutationId: input.clientMutationId, id: idOfType('VolunteerPost', args.input.postId), clientId: String(args.input.postId), expectedVersion: args.input.expectedVersion, authorize: (p) => isCommunityStaff(ctx.viewer, scopeOfPost(p)) },
        (p) => {
          if (!p.open) throw new ClaimError('POST_CLOSED');
          return { data: { open: false }, events: [{ type: 'CLOSED', note: input.note ?? null }] };
        },
      );
      return { ...r, claimId: null, shiftId: null };
    },
  }),
);
