import { builder } from '../../../builder.ts';

const SignOutPayload = builder.simpleObject('SignOutPayload', {
  description: 'Result of signing out.',
  fields: (t) => ({
    signedOut: t.boolean({ description: 'True when a session was closed; false when there was none.' }),
  }),
});

builder.mutationField('signOut', (t) =>
  t.field({
    type: SignOutPayload,
    description: 'Ends the current session (the cookie or bearer session token). API tokens are revoked with revokeApiToken.',
    resolve: async (_root, _args, ctx) => {
      await ctx.sessionCookie.clear();
      const via = ctx.viewer?.via;
      if (via?.kind !== 'session') return { signedOut: false };
      const { count } = await ctx.prisma.session.deleteMany({ where: { id: via.sessionId } });
      return { signedOut: count > 0 };
    },
  }),
);
