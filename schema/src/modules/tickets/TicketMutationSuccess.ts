import { builder } from '../../builder.ts';

/** The success of every ticket mutation: the ticket as it is after the write. */
export const TicketMutationSuccess = builder.objectRef<{ ticketId: string }>('TicketMutationSuccess').implement({
  description: 'The ticket after the change.',
  fields: (t) => ({
    ticket: t.prismaField({
      type: 'Ticket',
      description: 'The ticket, with its new version, status and history.',
      resolve: (query, parent, _args, ctx) => ctx.prisma.ticket.findUniqueOrThrow({ ...query, where: { id: parent.ticketId } }),
    }),
  }),
});

/** The errors plugin options of a ticket mutation named `name` (union <Name>Payload). */
export const ticketPayload = <T extends (new (...args: never[]) => Error)[]>(name: string, types: T) => ({
  types,
  union: { name: `${name}Payload` },
  dataField: { name: 'result', description: 'The changed ticket.' },
  result: { name: `${name}Result` },
});
