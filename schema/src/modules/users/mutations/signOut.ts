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
      // open sockets and live streams signed in with this session stop (they re-check their token)
      if (count > 0) ctx.pubsub.publish('user:changed', ctx.viewer!.userId, { userId: ctx.viewer!.userId });
      return { signedOut: count > 0 };
    },
  }),
);
