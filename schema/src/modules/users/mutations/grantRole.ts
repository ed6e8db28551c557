import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { ROLE_SCOPE } from '../../../auth/orgScope.ts';
import { builder } from '../../../builder.ts';
import { IdempotencyKeyReusedError, NotFoundError, validateInput } from '../../../errors/index.ts';
import { clientMutationIdSchema, runWrite } from '../../../spine/writes.ts';
import { CLIENT_MUTATION_ID } from '../../tickets/TicketMutationSuccess.ts';
import { RoleEnum } from '../RoleAssignment.ts';

const RoleChangeSuccess = builder.objectRef<{ roleId: string; replayed: boolean }>('GrantRoleSuccess').implement({
  description: 'The new role assignment.',
  fields: (t) => ({
    role: t.prismaField({
      type: 'RoleAssignment',
      description: 'The assignment.',
      resolve: (query, parent, _args, ctx) => ctx.prisma.roleAssignment.findUniqueOrThrow({ ...query, where: { id: parent.roleId } }),
    }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this is the stored answer to an earlier request with the same clientMutationId.' }),
  }),
});

builder.mutationField('grantRole', (t) =>
  t.fieldWithInput({
    description:
      'Gives a user a role in an org unit (admins only): `unitCode` is a district code for DISTRICT_DISPATCHER, a street code for STREET_OFFICER, a community code for COUNCIL_MEMBER and PARTY_MEMBER, a grid cell code for GRID_WORKER, a department code for DEPARTMENT_OFFICER, and absent for ADMIN and INTEGRATOR. Open sessions of the user pick it up when they reconnect.',
    authScopes: { admin: true },
    input: {
      userLogin: t.input.string({ description: 'The account.' }),
      role: t.input.field({ type: RoleEnum, description: 'The role.' }),
      unitCode: t.input.string({ required: false, description: 'The org unit the role is scoped to (see above).' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: RoleChangeSuccess,
    errors: { types: [NotFoundError, InputValidationError, IdempotencyKeyReusedError], union: { name: 'GrantRolePayload' }, dataField: { name: 'granted', description: 'The new role.' }, result: { name: 'GrantRoleResult' } },
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(z.object({ userLogin: z.string().trim().min(1), unitCode: z.string().trim().min(1).nullish(), clientMutationId: clientMutationIdSchema }), args.input);
      const level = ROLE_SCOPE[args.input.role];
      const scoped = level !== 'everywhere' && level !== 'none';
      if (scoped !== Boolean(input.unitCode)) {
        throw new InputValidationError({ issues: [{ path: ['input', 'unitCode'], message: scoped ? `${args.input.role} needs the code of its ${level}` : `${args.input.role} takes no org unit` }] });
      }
      return runWrite(ctx, { mutation: 'grantRole', input: args.input, clientMutationId: input.clientMutationId }, async (tx) => {
        const user = await tx.user.findUnique({ where: { login: input.userLogin }, select: { id: true } });
        if (!user) throw new NotFoundError('User', input.userLogin);
        const code = input.unitCode ?? '';
        const unit =
          level === 'district' ? await tx.district.findUnique({ where: { code }, select: { id: true } })
          : level === 'street' ? await tx.street.findUnique({ where: { code }, select: { id: true } })
          : level === 'community' ? await tx.community.findUnique({ where: { code }, select: { id: true } })
          : level === 'gridCell' ? await tx.gridCell.findUnique({ where: { code }, select: { id: true } })
          : level === 'department' ? await tx.department.findUnique({ where: { code }, select: { id: true } })
          : { id: null };
        if (!unit) throw new NotFoundError(level, code);
        const column = { district: 'districtId', street: 'streetId', community: 'communityId', gridCell: 'gridCellId', department: 'departmentId' } as const;
        const role = await tx.roleAssignment.create({
          data: { userId: user.id, role: args.input.role, ...(scoped ? { [column[level as keyof typeof column]]: unit.id } : {}) },
          select: { id: true },
        });
        return { result: { roleId: role.id, userId: user.id }, afterCommit: () => ctx.pubsub.publish('user:changed', user.id, { userId: user.id }) };
      });
    },
  }),
);
