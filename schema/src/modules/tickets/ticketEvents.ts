import type { TicketEventNotice } from '../../pubsub.ts';
import { builder } from '../../builder.ts';
import { ticketsWhereVisibleTo } from './ticketVisibility.ts';

const TicketEventNoticeRef = builder.objectRef<TicketEventNotice>('TicketEventNotice').implement({
  description: 'A change to a ticket of the street: new, dispatched, accepted, resolved, called back, overdue …',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The event type (RECEIVED, DISPATCHED, ACCEPTED, PROGRESS, RESOLVED, CALLED_BACK, CLOSED, REOPENED, MERGED).' }),
    seq: t.exposeInt('seq', { description: 'The event number in the ticket history; apply events in this order.' }),
    ticket: t.prismaField({
      type: 'Ticket',
      nullable: true,
      description: 'The ticket as it is now, loaded for the subscriber (personal data masked by its own rules); null if no longer visible.',
      resolve: (query, notice, _args, ctx) =>
        ctx.prisma.ticket.findFirst({ ...query, where: { AND: [{ id: notice.ticketId }, ticketsWhereVisibleTo(ctx.viewer)] } }),
    }),
  }),
});

builder.subscriptionField('ticketEvents', (t) =>
  t.field({
    type: TicketEventNoticeRef,
    description: 'Live changes to the tickets of a street office, for its officers and its district dispatcher (authorized when subscribing).',
    args: { streetCode: t.arg.string({ description: 'The street office code, e.g. 110101011.' }) },
    authScopes: async (_root, args, ctx) => {
      const street = await ctx.prisma.street.findUnique({ where: { code: args.streetCode }, select: { id: true } });
      return street ? { streetOfficer: street.id } : false;
    },
    subscribe: async (_root, args, ctx) => {
      const street = await ctx.prisma.street.findUniqueOrThrow({ where: { code: args.streetCode }, select: { id: true } });
      return ctx.pubsub.subscribe('ticket:street', street.id);
    },
    resolve: (notice) => notice,
  }),
);
