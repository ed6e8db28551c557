import { builder } from '../../builder.ts';
import type { Prisma } from '@whistlehub/prisma';
import { holds } from '../../auth/orgScope.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { canSeeContact } from './orgRules.ts';
import { maskPhone } from '../../lib/personalData.ts';

/** The persons a viewer may look up: grid workers (public), themself, and everyone for admins. */
export function personsWhereVisibleTo(viewer: Viewer | null): Prisma.PersonWhereInput {
  if (holds(viewer, [])) return {};
  return { OR: [{ gridCells: { some: {} } }, ...(viewer ? [{ user: { id: viewer.userId } }] : [])] };
}

export const PersonNode = builder.prismaNode('Person', {
  id: { field: 'id' },
  // grid workers are public (their names are on the org pages), anyone else only to themself and to
  // admins: a complainant is a Person, and their name must not be reachable by id
  findUnique: (id, ctx) => ({ id, AND: [personsWhereVisibleTo(ctx.viewer)] }),
  nullable: true,
  description: 'A natural person (grid worker, complainant, party member). Contact data is masked unless the viewer is entitled to it.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Full name.' }),
    phone: t.string({
      nullable: true,
      description:
        'Mobile number. Full for admins, the person themself, and the staff of the units the person works in; masked (138****5678) for everyone else.',
      // what the rule needs, loaded with the person in the same query (no query in the resolver)
      select: {
        phone: true,
        user: { select: { id: true } },
        gridCells: { select: { id: true, communityId: true, community: { select: { streetId: true, street: { select: { districtId: true } } } } } },
      },
      resolve: (person, _args, ctx) => {
        if (person.phone == null) return null;
        const cells = person.gridCells;
        const entitled = canSeeContact(
          ctx.viewer?.grants ?? [],
          {
            gridCellIds: cells.map((c) => c.id),
            communityIds: cells.map((c) => c.communityId),
            streetIds: cells.map((c) => c.community.streetId),
            districtIds: cells.map((c) => c.community.street.districtId),
          },
          ctx.viewer != null && person.user?.id === ctx.viewer.userId,
        );
        return entitled ? person.phone : maskPhone(person.phone);
      },
    }),
  }),
});
