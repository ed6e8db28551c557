import { decodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../../builder.ts';
import { IdempotencyKeyReusedError, NotFoundError } from '../../../errors/index.ts';
import { clientMutationIdOf, runWrite } from '../../../spine/writes.ts';
import { CLIENT_MUTATION_ID } from '../../tickets/TicketMutationSuccess.ts';
import { InputValidationError } from '@pothos/plugin-validation';

const RevokeRoleSuccess = builder.simpleObject('RevokeRoleSuccess', {
  description: 'The role was revoked.',
  fields: (t) => ({
    userLogin: t.string({ description: 'Whose role it was.' }),
    replayed: t.boolean({ description: 'True when this is the stored answer to an earlier request with the same clientMutationId.' }),
  }),
});

builder.mutationField('revokeRole', (t) =>
  t.fieldWithInput({
    description: 'Takes a role away from a user (admins only). It stops working at once: open live subscriptions of the user end, and their WebSockets are closed with 4403.',
    authScopes: { admin: true },
    input: {
      id: t.input.id({ description: 'Global id of the RoleAssignment.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: RevokeRoleSuccess,
    errors: { types: [NotFoundError, InputValidationError, IdempotencyKeyReusedError], union: { name: 'RevokeRolePayload' }, dataField: { name: 'revoked', description: 'What was revoked.' }, result: { name: 'RevokeRoleResult' } },
    resolve: async (_root, { input }, ctx) => {
      const clientMutationId = await clientMutationIdOf(input);
      const id = (() => {
        try {
          const decoded = decodeGlobalID(String(input.id));
          return decoded.typename === 'RoleAssignment' ? decoded.id : null;
        } catch {
          return null;
        }
      })();
      if (!id) throw new NotFoundError('RoleAssignment', String(input.id));
      return runWrite(ctx, { mutation: 'revokeRole', input, clientMutationId }, async (tx) => {
        const role = await tx.roleAssignment.findUnique({ where: { id }, select: { userId: true, user: { select: { login: true } } } });
        if (!role) throw new NotFoundError('RoleAssignment', String(input.id));
        await tx.roleAssignment.delete({ where: { id } });
        return { result: { userLogin: role.user.login }, afterCommit: () => ctx.pubsub.publish('user:changed', role.userId, { userId: role.userId }) };
      });
    },
  }),
);
