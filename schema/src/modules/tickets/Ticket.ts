import { type Prisma, Prisma as PrismaSql, type PrismaClient } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';
import { LngLat } from '../org/enums.ts';
import { maskName, maskPhone } from '../../lib/personalData.ts';
import { DeadlineKindEnum, TicketChannelEnum, TicketStatusEnum } from './enums.ts';
import { keywordTerms, likePattern } from '../../lib/keywords.ts';
import { isOverdue, overdueWhere } from './ticketDeadlines.ts';
import { partActionsFor, PART_LEVEL } from './ticketDispatch.ts';
import { canSeeComplainant, mayPerform, ticketsWhereVisibleTo, ticketVisibleTo } from './ticketPolicy.ts';
import { allowedActions, TICKET_ACTIONS, type TicketAction } from './ticketStates.ts';

const TicketComplainant = builder.simpleObject('TicketComplainant', {
  description: 'Who filed the ticket. Full only for the handling street office and the dispatcher; masked (张*, 138****5678) for everyone else.',
  fields: (t) => ({
    name: t.string({ description: 'Name, or its first character followed by stars.' }),
    phone: t.string({ nullable: true, description: 'Phone, or 138****5678.' }),
    masked: t.boolean({ description: 'Whether name and phone are masked for this viewer.' }),
  }),
});

export const TicketActionEnum = builder.enumType('TicketAction', {
  values: Object.fromEntries(TICKET_ACTIONS.map((a) => [a, { description: `The ${a} action.` }])) as Record<TicketAction, { description: string }>,
  description: 'What can be done to a ticket (see the mutations of the same names).',
});

export const TicketNode = builder.prismaNode('Ticket', {
  id: { field: 'id' },
  // visibility lives on the type: node(id) and nodes(ids) find only what the viewer may see …
  findUnique: (id, ctx) => ({ id, AND: [ticketsWhereVisibleTo(ctx.viewer)] }),
  nullable: true,
  // … and a Ticket reached any other way is checked again on the loaded row (the in-memory twin of
  // the where clause; the tests check the two agree), so a relation that forgot the filter fails
  // closed instead of leaking
  authScopes: (ticket, ctx) => ticketVisibleTo(ctx.viewer, ticket),
  description: 'A citizen complaint or request (接诉即办), routed to the street office that owns its location.',
  fields: (t) => ({
    number: t.exposeString('number', { description: 'Human-readable number, e.g. 20261122-000123.' }),
    channel: t.expose('channel', { type: TicketChannelEnum, description: 'How it came in.' }),
    category: t.relation('category', { description: 'What kind of problem it is.' }),
    description: t.exposeString('description', { description: "The resident's description." }),
    address: t.exposeString('address', { nullable: true, description: 'Address as given.' }),
    location: t.field({
      type: LngLat,
      nullable: true,
      description: 'Coordinates as given (WGS84).',
      select: { lng: true, lat: true },
      resolve: (r) => (r.lng == null || r.lat == null ? null : { lng: r.lng, lat: r.lat }),
    }),
    gridCell: t.relation('gridCell', { nullable: true, description: 'The grid cell it was routed to.' }),
    asset: t.relation('asset', { nullable: true, description: 'The city component it is about, if any.' }),
    community: t.relation('community', { nullable: true, description: 'The community of the grid cell.' }),
    street: t.relation('street', { nullable: true, description: 'The owning street office (derived by routing).' }),
    district: t.relation('district', { nullable: true, description: 'The district; null only while no route was found.' }),
    status: t.expose('status', { type: TicketStatusEnum, description: 'Current status.' }),
    version: t.exposeInt('version', { description: 'Bumped by every write; pass it back to detect concurrent edits.' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', description: 'When it was received.' }),
    respondBy: t.expose('respondBy', { type: 'DateTime', description: 'Response deadline (per category).' }),
    feedbackBy: t.expose('feedbackBy', { type: 'DateTime', description: 'Feedback deadline: 48 hours after receipt.' }),
    resolveBy: t.expose('resolveBy', { type: 'DateTime', nullable: true, description: 'Resolution target, when the category has one.' }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime', nullable: true, description: 'First acceptance by the handling side.' }),
    feedbackAt: t.expose('feedbackAt', { type: 'DateTime', nullable: true, description: 'First feedback to the resident.' }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true, description: 'When it was resolved.' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When it was closed after the call-back.' }),
    missedDeadlines: t.field({
      type: [DeadlineKindEnum],
      description: 'Deadlines missed so far (done late, or not done and past due).',
      select: { status: true, respondBy: true, feedbackBy: true, resolveBy: true, respondedAt: true, feedbackAt: true, resolvedAt: true },
      resolve: (r) => isOverdue(r, new Date()),
    }),
    complainant: t.field({
      type: TicketComplainant,
      nullable: true,
      description: 'Who filed it, masked unless the viewer handles the ticket.',
      select: { streetId: true, districtId: true, createdById: true, complainant: { select: { name: true, phone: true } } },
      resolve: (r, _args, ctx) => {
        if (!r.complainant) return null;
        // the resident who filed it sees what they entered
        const full = canSeeComplainant(ctx.viewer, r) || (ctx.viewer != null && r.createdById === ctx.viewer.userId);
        const { name, phone } = r.complainant;
        return full ? { name, phone, masked: false } : { name: maskName(name), phone: phone ? maskPhone(phone) : null, masked: true };
      },
    }),
    parts: t.relation('parts', { description: 'Dispatch parts: one, or two for a dual dispatch (双派单).', query: () => ({ orderBy: { kind: 'asc' } }) }),
    events: t.relatedConnection('events', {
      description: 'The full history, oldest first.',
      cursor: 'id',
      totalCount: true,
      query: () => ({ orderBy: { seq: 'asc' } }),
    }),
    callbacks: t.relation('callbacks', { description: 'Call-back surveys, oldest first.', query: () => ({ orderBy: { at: 'asc' } }) }),
    viewerCan: t.field({
      type: [TicketActionEnum],
      description: 'The actions the viewer may take on this ticket now: ticket-level ones its status allows, plus accept / progress / resolve when the viewer may do them on some part (see TicketPart.viewerCan).',
      select: {
        status: true, districtId: true, streetId: true, communityId: true, gridCellId: true, categoryId: true,
        parts: { select: { kind: true, status: true } },
      },
      resolve: (r, _args, ctx) => {
        const scope = r;
        const grants = ctx.viewer?.grants ?? null;
        const perPart = new Set<TicketAction>(r.parts.flatMap((p) => partActionsFor(p, scope, grants)));
        const ticketLevel = allowedActions(r.status).filter((a) => !PART_LEVEL.has(a) && (mayPerform(a, grants, scope) || mayPerform(a, grants, scope, 'COMMUNITY')));
        return TICKET_ACTIONS.filter((a) => ticketLevel.includes(a) || perPart.has(a));
      },
    }),
  }),
});

// a to-one relation to a restricted model: loaded with the parent, shown only when the viewer may see it
builder.prismaObjectFields('Ticket', (t) => ({
  mergedInto: t.field({
    type: TicketNode,
    nullable: true,
    description: 'The ticket this duplicate was merged into; null when there is none or the viewer may not see it.',
    select: (_args, _ctx, nested) => ({ mergedInto: nested() }),
    resolve: (r, _args, ctx) => (r.mergedInto && ticketVisibleTo(ctx.viewer, r.mergedInto) ? r.mergedInto : null),
  }),
}));

const TicketFilter = builder.inputType('TicketFilter', {
  description: 'Narrows the tickets list; all given conditions must hold.',
  fields: (t) => ({
    status: t.field({ type: [TicketStatusEnum], required: false, description: 'Any of these statuses.' }),
    streetCode: t.string({ required: false, description: 'Owning street office code.' }),
    communityCode: t.string({ required: false, description: 'Community code.' }),
    gridCellCode: t.string({ required: false, description: 'Grid cell code.' }),
    categoryCode: t.string({ required: false, description: 'Category code, e.g. ROOF_LEAK.' }),
    channel: t.field({ type: TicketChannelEnum, required: false, description: 'Intake channel.' }),
    overdue: t.boolean({ required: false, description: 'true: open tickets past a deadline they have not met; false: the others.' }),
    receivedFrom: t.field({ type: 'DateTime', required: false, description: 'Received at or after this instant.' }),
    receivedTo: t.field({ type: 'DateTime', required: false, description: 'Received before this instant.' }),
    keyword: t.string({ required: false, description: 'Words that must all appear in the description or address (Chinese works: substring match).' }),
  }),
});

/**
 * One clause per keyword term: every term must occur in the description or the address. Prisma's
 * `contains` does not escape LIKE wildcards (a keyword of `%` matched every ticket), and SQLite's LIKE
 * has no default escape character, so a term holding `%`, `_` or `\` is matched with `LIKE … ESCAPE`
 * in SQL (the same text on both providers). So is a term with letters that have case: `contains` is
 * case-blind on SQLite but not on PostgreSQL (`wifi` missed `WiFi` there), and the SQL compares
 * lower-cased text on both. Terms without either (Chinese, digits) keep the plain `contains`.
 */
async function keywordClauses(prisma: PrismaClient, keyword: string): Promise<Prisma.TicketWhereInput[]> {
  return Promise.all(
    keywordTerms(keyword).map(async (term): Promise<Prisma.TicketWhereInput> => {
      const cased = term !== term.toUpperCase();
      if (!cased && !/[%_\\]/.test(term)) return { OR: [{ description: { contains: term } }, { address: { contains: term } }] };
      const pattern = likePattern(term);
      const rows = await prisma.$queryRaw<{ id: string }[]>(
        PrismaSql.sql`SELECT "id" FROM "Ticket" WHERE lower("description") LIKE ${pattern} ESCAPE '\\' OR lower(COALESCE("address", '')) LIKE ${pattern} ESCAPE '\\'`,
      );
      return { id: { in: rows.map((r) => r.id) } };
    }),
  );
}

/** The where clause of a TicketFilter (plus visibility, added by the caller). */
export async function ticketFilterWhere(prisma: PrismaClient, filter: typeof TicketFilter.$inferInput | null | undefined, now = new Date()): Promise<Prisma.TicketWhereInput> {
  if (!filter) return {};
  const and: Prisma.TicketWhereInput[] = [];
  if (filter.status?.length) and.push({ status: { in: filter.status } });
  if (filter.streetCode) and.push({ street: { code: filter.streetCode } });
  if (filter.communityCode) and.push({ community: { code: filter.communityCode } });
  if (filter.gridCellCode) and.push({ gridCell: { code: filter.gridCellCode } });
  if (filter.categoryCode) and.push({ category: { code: filter.categoryCode } });
  if (filter.channel) and.push({ channel: filter.channel });
  if (filter.overdue != null) and.push(filter.overdue ? overdueWhere(now) : { NOT: overdueWhere(now) });
  if (filter.receivedFrom || filter.receivedTo) {
    and.push({ receivedAt: { ...(filter.receivedFrom ? { gte: filter.receivedFrom } : {}), ...(filter.receivedTo ? { lt: filter.receivedTo } : {}) } });
  }
  and.push(...(await keywordClauses(prisma, filter.keyword ?? '')));
  return and.length ? { AND: and } : {};
}

builder.queryFields((t) => ({
  tickets: t.prismaConnection({
    type: 'Ticket',
    cursor: 'id',
    description: 'Tickets the viewer may see, newest first (received time, then id), narrowed by `filter`.',
    args: { filter: t.arg({ type: TicketFilter, required: false, description: 'Conditions that must all hold.' }) },
    totalCount: async (_root, args, ctx) =>
      ctx.prisma.ticket.count({ where: { AND: [ticketsWhereVisibleTo(ctx.viewer), await ticketFilterWhere(ctx.prisma, args.filter)] } }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.ticket.findMany({
        ...query,
        where: { AND: [ticketsWhereVisibleTo(ctx.viewer), await ticketFilterWhere(ctx.prisma, args.filter)] },
        orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      }),
  }),
  ticket: t.prismaField({
    type: 'Ticket',
    nullable: true,
    description: 'One ticket by its number, if the viewer may see it.',
    args: { number: t.arg.string({ description: 'e.g. 20261122-000123' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.ticket.findFirst({ ...query, where: { AND: [{ number: args.number }, ticketsWhereVisibleTo(ctx.viewer)] } }),
  }),
}));
