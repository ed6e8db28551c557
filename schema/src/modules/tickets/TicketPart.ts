import { builder } from '../../builder.ts';
import { DispatchPartKindEnum, PartStatusEnum, SatisfactionEnum } from './enums.ts';
import { TicketActionEnum } from './Ticket.ts';
import { partActionsFor } from './ticketDispatch.ts';
import { ticketsWhereVisibleTo } from './ticketPolicy.ts';

builder.prismaNode('TicketPart', {
  id: { field: 'id' },
  // a part is visible with its ticket
  findUnique: (id, ctx) => ({ id, ticket: ticketsWhereVisibleTo(ctx.viewer) }),
  nullable: true,
  description: 'One dispatch of a ticket, with its own assignee, status and clock (双派单 has two).',
  fields: (t) => ({
    kind: t.expose('kind', { type: DispatchPartKindEnum, description: 'Street office or community side.' }),
    status: t.expose('status', { type: PartStatusEnum, description: 'Progress of this part.' }),
    version: t.exposeInt('version', { description: 'Bumped by every write to the part.' }),
    assigneeStreet: t.relation('assigneeStreet', { nullable: true, description: 'The street office it went to (street part).' }),
    assigneeCommunity: t.relation('assigneeCommunity', { nullable: true, description: 'The community it went to (community part).' }),
    assigneeLabel: t.exposeString('assigneeLabel', { nullable: true, description: 'Who on the community side, e.g. the property manager.' }),
    dispatchedAt: t.expose('dispatchedAt', { type: 'DateTime', description: 'When it was dispatched.' }),
    respondBy: t.expose('respondBy', { type: 'DateTime', description: "This part's response deadline." }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true, description: 'When the assignee accepted it.' }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true, description: 'When the assignee resolved it.' }),
    viewerCan: t.field({
      type: [TicketActionEnum],
      description: 'What the viewer may do on this part now: accept, progress or resolve, as its status and their role allow.',
      select: {
        kind: true, status: true,
        ticket: { select: { districtId: true, streetId: true, communityId: true, gridCellId: true, categoryId: true } },
      },
      resolve: (p, _args, ctx) => partActionsFor(p, p.ticket, ctx.viewer?.grants ?? null),
    }),
  }),
});

builder.prismaObject('TicketEvent', {
  description: 'One entry of a ticket\'s append-only history.',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'Position in the ticket history, from 1.' }),
    type: t.exposeString('type', { description: 'RECEIVED, DISPATCHED, ACCEPTED, PROGRESS, RESOLVED, CALLED_BACK, CLOSED, REOPENED, MERGED …' }),
    partKind: t.expose('partKind', { type: DispatchPartKindEnum, nullable: true, description: 'The part it concerns, for part events.' }),
    note: t.exposeString('note', { nullable: true, description: 'Free text written with the event.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When it happened.' }),
    actorName: t.string({
      nullable: true,
      description: 'Display name of who did it (null for imported history).',
      select: { actor: { select: { displayName: true } } },
      resolve: (e) => e.actor?.displayName ?? null,
    }),
  }),
});

builder.prismaObject('CallbackSurvey', {
  description: 'The call-back survey (回访) of a resolved ticket.',
  fields: (t) => ({
    resolved: t.exposeBoolean('resolved', { description: 'Whether the resident says the problem is solved.' }),
    satisfaction: t.expose('satisfaction', { type: SatisfactionEnum, description: 'Satisfied, basically satisfied or unsatisfied.' }),
    comment: t.exposeString('comment', { nullable: true, description: "The resident's words." }),
    at: t.expose('at', { type: 'DateTime', description: 'When the call-back was made.' }),
  }),
});
