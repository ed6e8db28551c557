import { decodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../../builder.ts';
import { NotFoundError } from '../../../errors/index.ts';
import { ApiTokenNode } from '../User.ts';

builder.mutationField('revokeApiToken', (t) =>
  t.fieldWithInput({
    description: 'Revokes an API token at once. Its owner or an admin may do this.',
    authScopes: { signedIn: true },
    input: { id: t.input.id({ description: 'Global id of the ApiToken.' }) },
    type: ApiTokenNode,
    errors: {
      types: [NotFoundError],
      union: { name: 'RevokeApiTokenPayload' },
      dataField: { name: 'apiToken', description: 'The revoked token.' },
      result: { name: 'RevokeApiTokenResult' },
    },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const { typename, id } = decodeGlobalID(String(input.id));
      const admin = viewer.grants.some((g) => g.role === 'ADMIN');
      // the owner check is in the WHERE, so a token of someone else looks exactly like a missing one
      const where = { id, ...(admin ? {} : { userId: viewer.userId }) };
      if (typename !== 'ApiToken' || !(await ctx.prisma.apiToken.findFirst({ where, select: { id: true } }))) {
        throw new NotFoundError('ApiToken', String(input.id));
      }
      const token = await ctx.prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
      // sockets and live streams opened with this token stop at once
      ctx.pubsub.publish('user:changed', token.userId, { userId: token.userId });
      return token;
    },
  }),
);
