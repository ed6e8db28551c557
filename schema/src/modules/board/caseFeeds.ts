// Live board feeds: one case's events (its co-editors), and a street board's events (cards created,
// moved, counts changed), replayed from the log after a subscriber's `afterSeq`, then live, in order,
// with no gap and no duplicate, or a resync past the bound (spine/feeds.ts). Authorized when
// subscribing; every event's fields are checked for the subscriber as a query would be: the internal
// note's value reaches staff only.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { PrismaClient } from '@whistlehub/prisma';
import { GraphQLError } from 'graphql';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { FeedResync, type FeedResyncValue } from '../../spine/feedTypes.ts';
import type { FeedSource } from '../../spine/feeds.ts';
import { AFTER_SEQ_ARG, orgUnitByCode, orgUnitOrThrow } from '../../spine/feedFields.ts';
import { feedValues, resolveFeedValue } from '../../spine/feedValues.ts';
import { idOfType } from '../../spine/globalIds.ts';
import { displayNameOf } from '../../spine/lastChange.ts';
import { eventRowKey, sharedLoad } from '../../spine/sharedLoads.ts';
import { caseScopeSelect, caseVisibleTo, isCaseStaff, scopeOf } from './casePolicy.ts';

/** One case event as a feed carries it. */
export interface CaseEventRef {
  caseId: string;
  seq: number;
  position: number;
  /** the event kind (CaseEvent.kind) */
  type: string;
  target: string | null;
  payload: string;
  actorId: string | null;
  clientMutationId: string | null;
}

const select = { caseId: true, seq: true, position: true, kind: true, target: true, payload: true, actorId: true, clientMutationId: true } as const;

function caseFeed(prisma: PrismaClient, key: string, where: { caseId: string } | { case: { streetId: string } }): FeedSource<CaseEventRef> {
  return {
    keys: [key],
    load: async (after, limit) =>
      (await prisma.caseEvent.findMany({ where: { ...where, position: { gt: after } }, orderBy: { position: 'asc' }, take: limit, select })).map(({ kind, ...e }) => ({ ...e, type: kind })),
    head: async () => (await prisma.caseEvent.findFirst({ where, orderBy: { position: 'desc' }, select: { position: true } }))?.position ?? 0,
    count: (after, upTo) => prisma.caseEvent.count({ where: { ...where, position: { gt: after, lte: upTo } } }),
  };
}

type NoticeValue = CaseEventRef & { kind: 'event' };
type FeedValue = NoticeValue | FeedResyncValue;

/** The case's scope, loaded once per event for all subscribers; each checks its own rights on it. */
const scopeAt = (ctx: Context, n: CaseEventRef) =>
  sharedLoad(ctx.prisma, eventRowKey('CaseScope', n.caseId, n.position, null), () => ctx.prisma.case.findUnique({ where: { id: n.caseId }, select: caseScopeSelect }));

/** Targets whose values only staff read. */
const STAFF_ONLY = new Set(['internalNote']);

const CaseEventNotice = builder.objectRef<NoticeValue>('CaseEventNotice').implement({
  description: 'One change to a case, in seq order: created, a field updated, moved, a checklist item added, toggled, edited, moved or removed, assigned, unassigned, linked, unlinked.',
  fields: (t) => ({
    kind: t.exposeString('type', { description: 'CREATED, FIELD_UPDATED, MOVED, CHECKLIST_ADDED, CHECKLIST_TOGGLED, CHECKLIST_EDITED, CHECKLIST_MOVED, CHECKLIST_REMOVED, ASSIGNED, UNASSIGNED, LINKED, UNLINKED.' }),
    seq: t.exposeInt('seq', { description: 'Its number in the case history, from 1: apply events in this order; a gap means you missed one.' }),
    logSeq: t.exposeInt('position', { description: "Its position in the hub's event log; pass the last one you applied as `afterSeq` when you subscribe again." }),
    caseId: t.id({ description: 'Global id of the case.', resolve: (n) => encodeGlobalID('Case', n.caseId) }),
    target: t.exposeString('target', { nullable: true, description: 'The field (title, status …), item:<id>, user:<id> / dept:<id>, or ticket:/whistle:/agenda:<id> concerned.' }),
    value: t.string({
      nullable: true,
      description: 'The change as JSON (e.g. {"value":"…","version":3}); null for a field the subscriber may not read (the internal note, for non-staff).',
      resolve: async (n, _a, ctx) => {
        if (n.target && STAFF_ONLY.has(n.target)) {
          const scope = await scopeAt(ctx, n);
          if (!scope || !isCaseStaff(ctx.viewer, scopeOf(scope))) return null;
        }
        return n.payload;
      },
    }),
    actor: t.string({
      nullable: true, description: 'Who made it (display name).',
      resolve: (n, _a, ctx) => displayNameOf(ctx.prisma, n.actorId),
    }),
    mine: t.boolean({ description: 'Whether the subscriber made it (its own optimistic change, already applied).', resolve: (n, _a, ctx) => n.actorId != null && n.actorId === ctx.viewer?.userId }),
    clientMutationId: t.string({ nullable: true, description: "The writer's client mutation id — to the writer only.", resolve: (n, _a, ctx) => (n.actorId != null && n.actorId === ctx.viewer?.userId ? n.clientMutationId : null) }),
    case: t.prismaField({
      type: 'Case', nullable: true, description: 'The case as it is now, as the subscriber may see it; null if no longer visible.',
      resolve: async (query, n, _a, ctx) => {
        const scope = await scopeAt(ctx, n);
        const select2 = { ...query };
        if (!scope || !caseVisibleTo(ctx.viewer, scopeOf(scope))) return null;
        return sharedLoad(ctx.prisma, eventRowKey('Case', n.caseId, n.position, select2), () => ctx.prisma.case.findUnique({ ...select2, where: { id: n.caseId } }));
      },
    }),
  }),
});

const CaseFeedItem = builder.unionType('CaseFeedItem', {
  description: 'What a live board feed sends: a case event, or a resync signal (reload, then subscribe with the new logSeq).',
  types: [CaseEventNotice, FeedResync],
  resolveType: (value) => ((value as FeedValue).kind === 'resync' ? 'FeedResync' : 'CaseEventNotice'),
});

const stream = (ctx: Context, source: FeedSource<CaseEventRef>, afterSeq: number | null | undefined) =>
  feedValues(ctx.feeds.subscribe<CaseEventRef>(ctx, source.keys[0]!, source, { afterSeq }), { event: (e): NoticeValue => ({ ...e, kind: 'event' }) });

const visibleCase = async (ctx: Context, caseGid: string | number) => {
  const id = idOfType('Case', caseGid);
  const scope = await ctx.prisma.case.findUnique({ where: { id }, select: caseScopeSelect });
  return scope && caseVisibleTo(ctx.viewer, scopeOf(scope)) ? id : null;
};

builder.subscriptionFields((t) => ({
  caseEvents: t.field({
    type: CaseFeedItem,
    description: 'Every change to one case, in seq order: first what you missed after `afterSeq`, then live; a resync when the gap is larger than the bound. For whoever may see the case.',
    args: { caseId: t.arg.id({ description: 'Global id of the case.' }), afterSeq: t.arg.int(AFTER_SEQ_ARG) },
    authScopes: { signedIn: true },
    subscribe: async (_root, args, ctx: Context) => {
      const id = await visibleCase(ctx, args.caseId);
      if (!id) throw new GraphQLError('No such case', { extensions: { code: 'NOT_FOUND' } });
      return stream(ctx, caseFeed(ctx.prisma, `case:${id}`, { caseId: id }), args.afterSeq);
    },
    resolve: (value) => resolveFeedValue(value as FeedValue),
  }),
  boardEvents: t.field({
    type: CaseFeedItem,
    description: "Every change to the cases of a street's board (cards created, moved, counts changed), in log order. For the street's officers (who see every case of the street), its district's dispatchers and admins; others follow the cases they may see with caseEvents.",
    args: { streetCode: t.arg.string({ description: 'The street office code.' }), afterSeq: t.arg.int(AFTER_SEQ_ARG) },
    authScopes: async (_root, args, ctx) => {
      const street = await orgUnitByCode(ctx, 'street', args.streetCode);
      return street ? { $any: { streetOfficer: street.id, districtDispatcher: street.districtId! } } : false;
    },
    subscribe: async (_root, args, ctx: Context) => {
      const street = await orgUnitOrThrow(ctx, 'street', args.streetCode);
      return stream(ctx, caseFeed(ctx.prisma, `case:board:${street.id}`, { case: { streetId: street.id } }), args.afterSeq);
    },
    resolve: (value) => resolveFeedValue(value as FeedValue),
  }),
}));
