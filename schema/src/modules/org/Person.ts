import { builder } from '../../builder.ts';
import { canSeeContact, maskPhone } from './orgRules.ts';

export const PersonNode = builder.prismaNode('Person', {
  id: { field: 'id' },
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
