import { encodeGlobalID } from '@pothos/plugin-relay';
import { InputValidationError } from '@pothos/plugin-validation';
import { verifyPassword } from '@whistlehub/prisma';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { hashToken, newSessionToken, SESSION_TTL_MS } from '../../../auth/tokens.ts';
import { InvalidCredentialsError, TooManyAttemptsError, validateInput } from '../../../errors/index.ts';

// Verifying against this when the login does not exist keeps the answer time the same either way.
const UNKNOWN_USER_HASH = 'scrypt$17$8$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const SignInInputSchema = z.object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) });

const SignInSuccess = builder.simpleObject('SignInSuccess', {
  description: 'A new session. Browsers also get it as an HTTP-only cookie.',
  fields: (t) => ({
    token: t.string({ description: 'Session token for `Authorization: Bearer` or graphql-ws `connection_init`.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the session ends.' }),
    userId: t.id({ description: 'Global id of the signed-in user (query `viewer` for the rest).' }),
  }),
});

builder.mutationField('signIn', (t) =>
  t.fieldWithInput({
    description: 'Signs in with login and password and opens a session.',
    input: {
      login: t.input.string({ description: 'The sign-in name.' }),
      password: t.input.string({ description: 'The password.' }),
    },
    type: SignInSuccess,
    errors: {
      types: [InvalidCredentialsError, TooManyAttemptsError, InputValidationError],
      union: { name: 'SignInPayload' },
      dataField: { name: 'session', description: 'The new session.' },
      result: { name: 'SignInResult' },
    },
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(SignInInputSchema, args.input);
      const login = input.login;
      const wait = ctx.signInThrottle.retryAfter(login, ctx.clientIp);
      if (wait > 0) throw new TooManyAttemptsError(wait);
      const user = await ctx.prisma.user.findUnique({ where: { login }, select: { id: true, passwordHash: true, disabledAt: true } });
      const ok = await verifyPassword(input.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
      if (!user || !ok || user.disabledAt) {
        ctx.signInThrottle.fail(login, ctx.clientIp);
        throw new InvalidCredentialsError();
      }
      ctx.signInThrottle.succeed(login);
      const token = newSessionToken();
      const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
      await ctx.prisma.session.create({ data: { tokenHash: hashToken(token), userId: user.id, expiresAt } });
      await ctx.sessionCookie.set(token, expiresAt);
      return { token, expiresAt, userId: encodeGlobalID('User', user.id) };
    },
  }),
);
