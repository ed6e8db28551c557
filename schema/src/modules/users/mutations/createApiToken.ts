import { encodeGlobalID } from '@pothos/plugin-relay';
import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { hashToken, newApiToken } from '../../../auth/tokens.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';

const CreateApiTokenSuccess = builder.simpleObject('CreateApiTokenSuccess', {
  description: 'The new token. `token` is shown this once; only its hash is kept.',
  fields: (t) => ({
    token: t.string({ description: 'The secret, for `Authorization: Bearer`. Store it now.' }),
    apiTokenId: t.id({ description: 'Global id of the ApiToken record.' }),
    prefix: t.string({ description: 'The first characters, to recognise the token in lists.' }),
  }),
});

builder.mutationField('createApiToken', (t) =>
  t.fieldWithInput({
    description: 'Creates an API token for an integrator. Integrators create their own; admins may create one for any user.',
    authScopes: { integrator: true },
    input: {
      name: t.input.string({ description: 'What the token is for (1–100 characters).' }),
      userLogin: t.input.string({ required: false, description: 'Admins only: the account to create it for (default: yourself).' }),
    },
    type: CreateApiTokenSuccess,
    errors: {
      types: [NotFoundError, InputValidationError],
      union: { name: 'CreateApiTokenPayload' },
      dataField: { name: 'created', description: 'The new token.' },
      result: { name: 'CreateApiTokenResult' },
    },
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(z.object({ name: z.string().trim().min(1).max(100), userLogin: z.string().nullish() }), args.input);
      const viewer = ctx.viewer!;
      let userId = viewer.userId;
      if (input.userLogin && input.userLogin !== viewer.login) {
        if (!viewer.grants.some((g) => g.role === 'ADMIN')) throw new NotFoundError('User', input.userLogin);
        const user = await ctx.prisma.user.findUnique({ where: { login: input.userLogin }, select: { id: true } });
        if (!user) throw new NotFoundError('User', input.userLogin);
        userId = user.id;
      }
      const token = newApiToken();
      const prefix = token.slice(0, 10);
      const record = await ctx.prisma.apiToken.create({
        data: { name: input.name, prefix, tokenHash: hashToken(token), userId },
        select: { id: true },
      });
      return { token, prefix, apiTokenId: encodeGlobalID('ApiToken', record.id) };
    },
  }),
);
