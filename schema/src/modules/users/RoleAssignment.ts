import { Role } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';
import { usersWhereVisibleTo } from './User.ts';

export const RoleEnum = builder.enumType(Role, {
  name: 'Role',
  description: 'What a user may do, within the org unit of the assignment.',
  values: {
    ADMIN: { description: 'Runs the hub: every scope.' },
    DISTRICT_DISPATCHER: { description: 'Dispatches tickets for a district; sees its streets.' },
    STREET_OFFICER: { description: 'Works cases of one street office or township.' },
    DEPARTMENT_OFFICER: { description: 'Answers whistles and tickets for one department.' },
    COUNCIL_MEMBER: { description: 'Member of the neighbourhood council of one community.' },
    PARTY_MEMBER: { description: 'Party member reporting to one residential community (双报到).' },
    GRID_WORKER: { description: 'Grid worker (网格员) of one grid cell.' },
    INTEGRATOR: { description: 'A system (12345 hotline, district platform) using API tokens.' },
  },
});

export const RoleAssignmentNode = builder.prismaNode('RoleAssignment', {
  id: { field: 'id' },
  // a user's roles are theirs (and an admin's) to see
  findUnique: (id, ctx) => ({ id, user: usersWhereVisibleTo(ctx.viewer) }),
  nullable: true,
  description: 'One role of a user, scoped to one org unit (none for ADMIN and INTEGRATOR).',
  fields: (t) => ({
    role: t.expose('role', { type: RoleEnum, description: 'The role.' }),
    district: t.relation('district', { nullable: true, description: 'The district, for DISTRICT_DISPATCHER.' }),
    street: t.relation('street', { nullable: true, description: 'The street office, for STREET_OFFICER.' }),
    community: t.relation('community', { nullable: true, description: 'The community, for COUNCIL_MEMBER and PARTY_MEMBER.' }),
    gridCell: t.relation('gridCell', { nullable: true, description: 'The grid cell, for GRID_WORKER.' }),
    department: t.relation('department', { nullable: true, description: 'The department, for DEPARTMENT_OFFICER.' }),
  }),
});
