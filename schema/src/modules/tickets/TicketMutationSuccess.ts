import { builder } from '../../builder.ts';
import { writePayload } from '../../spine/payloads.ts';
import type { AggregateWriteResult } from '../../spine/aggregate.ts';
import { ticketsWhereVisibleTo } from './ticketPolicy.ts';

/** The result of a ticket write as mutations return it. */
export type TicketWriteResult = AggregateWriteResult & { replayed: boolean };

/** The success of every ticket mutation: the ticket as it is after the write. */
export const TicketMutationSuccess = builder.objectRef<TicketWriteResult>('TicketMutationSuccess').implement({
  description: 'The ticket after the change.',
  fields: (t) => ({
    ticket: t.prismaField({
      type: 'Ticket',
      description: 'The ticket, with its new version, status and history (as it is now).',
      resolve: (query, parent, _args, ctx) =>
        ctx.prisma.ticket.findFirstOrThrow({ ...query, where: { AND: [{ id: parent.id }, ticketsWhereVisibleTo(ctx.viewer)] } }),
    }),
    version: t.exposeInt('version', { description: 'The version this write produced.' }),
    seq: t.exposeInt('seq', { description: 'The number of the last event this write appended to the ticket history.' }),
    logSeq: t.exposeInt('position', { description: 'The position of that event in the hub event log (what live feeds carry as logSeq).' }),
    replayed: t.exposeBoolean('replayed', {
      description: 'True when this is the stored answer to an earlier request with the same clientMutationId: nothing was written this time.',
    }),
  }),
});

/** The errors plugin options of a ticket mutation named `name` (union <Name>Payload); every write can be refused a reused client mutation id. */
export const ticketPayload = <T extends (new (...args: never[]) => Error)[]>(name: string, types: T) => writePayload(name, types, 'The changed ticket.');

export { CLIENT_MUTATION_ID } from '../../spine/payloads.ts';
