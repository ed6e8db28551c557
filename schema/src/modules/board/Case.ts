// The board types — Case (fields with their versions, checklist in order, assignments, links) and the
// board columns with their counts — and the queries. The internal note is staff only, here and in
// every streamed event (caseFeeds.ts).
import type { Prisma } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';
import { ticketsWhereVisibleTo } from '../tickets/ticketPolicy.ts';
import { whistlesWhereVisibleTo } from '../whistles/whistlePolicy.ts';
import { displayNameOf } from '../../spine/lastChange.ts';
import { sharedLoad } from '../../spine/sharedLoads.ts';
import { caseScopeSelect, casesWhereVisibleTo, caseVisibleTo, isCaseStaff, mayEditCase, scopeOf } from './casePolicy.ts';
import { allowedMoves, byOrderKey, CASE_PRIORITIES, CASE_STATUSES } from './caseRules.ts';

export const CaseStatusEnum = builder.enumType('CaseStatus', { values: CASE_STATUSES, description: 'Board column: BACKLOG, TODO, IN_PROGRESS, REVIEW, DONE.' });
export const CasePriorityEnum = builder.enumType('CasePriority', { values: CASE_PRIORITIES, description: 'LOW, NORMAL, HIGH, URGENT.' });

const Versioned = builder.objectRef<{ value: string; version: number }>('VersionedText').implement({
  description: 'A field value and its own version: pass the version as `baseVersion` when you change it.',
  fields: (t) => ({ value: t.exposeString('value', { description: 'The value.' }), version: t.exposeInt('version', { description: 'Its version.' }) }),
});

export const CaseNode = builder.prismaNode('Case', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [casesWhereVisibleTo(ctx.viewer)] }),
  nullable: true,
  select: caseScopeSelect,
  authScopes: (c, ctx) => caseVisibleTo(ctx.viewer, scopeOf(c)),
  description: 'A case on a street’s live board, co-edited by the street office, departments and the community’s council. Each field has its own version; every change is an event numbered per case (seq).',
  fields: (t) => ({
    number: t.exposeString('number', { description: 'e.g. C20261203-0001.' }),
    street: t.relation('street', { description: 'The street whose board it is on.' }),
    community: t.relation('community', { nullable: true, description: 'The community whose council works it, if any.' }),
    title: t.field({ type: Versioned, description: 'Title and its version.', select: { title: true, titleVersion: true }, resolve: (c) => ({ value: c.title, version: c.titleVersion }) }),
    description: t.field({ type: Versioned, description: 'Description and its version.', select: { description: true, descriptionVersion: true }, resolve: (c) => ({ value: c.description, version: c.descriptionVersion }) }),
    status: t.expose('status', { type: CaseStatusEnum, description: 'Its column.' }),
    statusVersion: t.exposeInt('statusVersion', { description: 'The version of its column (pass it to moveCase).' }),
    allowedMoves: t.field({ type: [CaseStatusEnum], description: 'The columns it may move to now.', select: { status: true }, resolve: (c) => [...allowedMoves(c.status)] }),
    priority: t.expose('priority', { type: CasePriorityEnum, description: 'Priority.' }),
    priorityVersion: t.exposeInt('priorityVersion', { description: 'The version of its priority.' }),
    tags: t.field({ type: ['String'], description: 'Tags.', select: { tags: true }, resolve: (c) => c.tags.split(' ').filter(Boolean) }),
    tagsVersion: t.exposeInt('tagsVersion', { description: 'The version of its tags.' }),
    internalNote: t.field({
      type: Versioned, nullable: true, description: "Staff only (the street's and district's staff, assigned departments): null for everyone else.",
      select: { internalNote: true, internalNoteVersion: true, ...caseScopeSelect },
      resolve: (c, _a, ctx) => (isCaseStaff(ctx.viewer, scopeOf(c)) ? { value: c.internalNote, version: c.internalNoteVersion } : null),
    }),
    version: t.exposeInt('version', { description: 'Bumped by every write (the per-field versions are what writes compare).' }),
    seq: t.int({
      description: 'The seq of its last event: a subscriber that applied it is up to date.',
      select: { events: { orderBy: { seq: 'desc' }, take: 1, select: { seq: true } } },
      resolve: (c) => c.events[0]?.seq ?? 0,
    }),
    checklist: t.field({
      type: [ChecklistItemRef], description: 'The checklist in order (by order key).',
      select: { checklist: { where: { deletedAt: null }, select: { id: true, text: true, done: true, orderKey: true, version: true } } },
      resolve: (c) => byOrderKey(c.checklist),
    }),
    checklistProgress: t.field({
      type: ChecklistProgress, description: 'Done of all, for the card.',
      select: { checklist: { where: { deletedAt: null }, select: { done: true } } },
      resolve: (c) => ({ done: c.checklist.filter((i) => i.done).length, total: c.checklist.length }),
    }),
    assignments: t.relation('assignments', { description: 'Who is assigned: people and departments.', query: () => ({ orderBy: { at: 'asc' } }) }),
    links: t.relation('links', { description: 'Linked tickets, whistles and agenda items.', query: () => ({ orderBy: { at: 'asc' } }) }),
    viewerMayEdit: t.boolean({ description: 'Whether the viewer may edit it.', select: caseScopeSelect, resolve: (c, _a, ctx) => mayEditCase(ctx.viewer, scopeOf(c)) }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
  }),
});

type ItemRow = { id: string; text: string; done: boolean; orderKey: string; version: number };
const ChecklistItemRef = builder.objectRef<ItemRow>('CaseChecklistItem').implement({
  description: 'A checklist item, with its own version.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Its id (for the checklist mutations).' }),
    text: t.exposeString('text', { description: 'What is to be done.' }),
    done: t.exposeBoolean('done', { description: 'Done.' }),
    orderKey: t.exposeString('orderKey', { description: 'Its fractional order key (compare as plain strings).' }),
    version: t.exposeInt('version', { description: 'Its version: pass it as baseVersion.' }),
  }),
});

const ChecklistProgress = builder.objectRef<{ done: number; total: number }>('ChecklistProgress').implement({
  description: 'Checklist progress.',
  fields: (t) => ({ done: t.exposeInt('done', { description: 'Done items.' }), total: t.exposeInt('total', { description: 'All items.' }) }),
});

builder.prismaObject('CaseAssignment', {
  description: 'A person or a department assigned to a case.',
  fields: (t) => ({
    key: t.exposeString('assigneeKey', { description: 'user:<id> or dept:<id> (for unassignCase).' }),
    name: t.string({
      description: 'The assignee’s name.',
      select: { userId: true, departmentId: true },
      // a board names few people and departments: each is loaded once for all its cards
      resolve: async (a, _args, ctx) => {
        const departmentId = a.departmentId;
        if (!departmentId) return (await displayNameOf(ctx.prisma, a.userId)) ?? '';
        return (await sharedLoad(ctx.prisma, `Department.name:${departmentId}`, () => ctx.prisma.department.findUnique({ where: { id: departmentId }, select: { name: true } })))?.name ?? '';
      },
    }),
    kind: t.string({ description: 'PERSON or DEPARTMENT.', select: { departmentId: true }, resolve: (a) => (a.departmentId ? 'DEPARTMENT' : 'PERSON') }),
    at: t.expose('at', { type: 'DateTime', description: 'When assigned.' }),
  }),
});

builder.prismaObject('CaseLink', {
  description: 'A link to a ticket, a whistle or an agenda item (each shown only when the viewer may see it).',
  fields: (t) => ({
    key: t.exposeString('targetKey', { description: 'ticket:<id>, whistle:<id> or agenda:<id> (for unlinkCase).' }),
    ticket: t.prismaField({
      type: 'Ticket', nullable: true, description: 'The linked ticket, if visible.', select: { ticketId: true },
      resolve: (query, l, _args, ctx) => {
        const select = { ...query };
        return l.ticketId ? ctx.prisma.ticket.findFirst({ ...select, where: { AND: [{ id: l.ticketId }, ticketsWhereVisibleTo(ctx.viewer)] } }) : null;
      },
    }),
    whistle: t.prismaField({
      type: 'Whistle', nullable: true, description: 'The linked whistle (with its countdown), if visible.', select: { whistleId: true },
      resolve: (query, l, _args, ctx) => {
        const select = { ...query };
        return l.whistleId ? ctx.prisma.whistle.findFirst({ ...select, where: { AND: [{ id: l.whistleId }, whistlesWhereVisibleTo(ctx.viewer)] } }) : null;
      },
    }),
    agendaItemTitle: t.string({
      nullable: true, description: 'The linked council agenda item’s title.', select: { agendaItemId: true },
      resolve: async (l, _a, ctx) => {
        const agendaItemId = l.agendaItemId;
        if (!agendaItemId) return null;
        return (await sharedLoad(ctx.prisma, `AgendaItem.title:${agendaItemId}`, () => ctx.prisma.agendaItem.findUnique({ where: { id: agendaItemId }, select: { title: true } })))?.title ?? null;
      },
    }),
    at: t.expose('at', { type: 'DateTime', description: 'When linked.' }),
  }),
});

const BoardColumn = builder.objectRef<{ status: (typeof CASE_STATUSES)[number]; count: number; where: Prisma.CaseWhereInput }>('BoardColumn').implement({
  description: 'One column of a board.',
  fields: (t) => ({
    status: t.expose('status', { type: CaseStatusEnum, description: 'The column.' }),
    count: t.exposeInt('count', { description: 'Cases in it (that the viewer may see).' }),
    cases: t.prismaField({
      type: ['Case'], description: 'Its cases, most recently changed first (at most 50).',
      resolve: (query, col, _args, ctx) => ctx.prisma.case.findMany({ ...query, where: col.where, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], take: 50 }),
    }),
  }),
});

builder.queryFields((t) => ({
  board: t.field({
    type: [BoardColumn],
    description: "A street's live board: its columns in order, each with its count and cases (those the viewer may see).",
    authScopes: { signedIn: true },
    args: { streetCode: t.arg.string({ description: 'The street office code, e.g. 110101011.' }) },
    resolve: async (_root, args, ctx) => {
      const base: Prisma.CaseWhereInput = { AND: [{ street: { code: args.streetCode } }, casesWhereVisibleTo(ctx.viewer)] };
      const counts = await ctx.prisma.case.groupBy({ by: ['status'], where: base, _count: { _all: true } });
      return CASE_STATUSES.map((status) => ({ status, count: counts.find((c) => c.status === status)?._count._all ?? 0, where: { AND: [base, { status }] } }));
    },
  }),
  boardCase: t.prismaField({
    type: 'Case', nullable: true, description: 'One case by its number, if the viewer may see it.',
    args: { number: t.arg.string({ description: 'e.g. C20261203-0001' }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.case.findFirst({ ...query, where: { AND: [{ number: args.number }, casesWhereVisibleTo(ctx.viewer)] } }),
  }),
}));
