// Live whistle feeds: a street's, a department's and a district platform's whistle events —
// escalations (late summonses) included — replayed from the event log after a subscriber's
// `afterSeq`, then live (spine/feeds.ts). Authorized when subscribing; every payload's whistle is
// loaded through whistle visibility.
import type { PrismaClient } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { FeedResync, type FeedResyncValue } from '../../spine/feedTypes.ts';
import type { FeedSource } from '../../spine/feeds.ts';
import { feedValues, resolveFeedValue } from '../../spine/feedValues.ts';
import { AFTER_SEQ_ARG, orgUnitByCode, orgUnitOrThrow } from '../../spine/feedFields.ts';
import { eventRowKey, sharedLoad } from '../../spine/sharedLoads.ts';
import { scopeSelect } from './Whistle.ts';
import { summonedStreets, type WhistleScope, whistleDistricts, whistleVisibleTo } from './whistlePolicy.ts';

/** One whistle event as a feed carries it: ids and numbers only. */
export interface WhistleEventRef {
  whistleId: string;
  summonsId: string | null;
  seq: number;
  position: number;
  type: string;
}

/** The pub/sub keys of the feeds a whistle's events go to: its street's and every street office's it summoned, every district that sees it, every summoned department's. */
export function whistleFeedKeys(w: WhistleScope): string[] {
  return [
    `whistle:street:${w.streetId}`,
    ...summonedStreets(w).map((s) => `whistle:street:${s}`),
    ...whistleDistricts(w).map((d) => `whistle:district:${d}`),
    ...new Set(w.summonses.map((s) => `whistle:dept:${s.departmentId}`)),
  ];
}

/** The feed of one key (whistle:street:<id>, whistle:dept:<id>, whistle:district:<id>). */
export function whistleFeed(prisma: PrismaClient, key: string): FeedSource<WhistleEventRef> {
  const toRef = (e: { position: number; event: { whistleId: string; summonsId: string | null; seq: number; type: string } }): WhistleEventRef => ({ position: e.position, ...e.event });
  return {
    keys: [key],
    load: async (after, limit) =>
      (await prisma.whistleFeedEntry.findMany({
        where: { key, position: { gt: after } }, orderBy: { position: 'asc' }, take: limit,
        select: { position: true, event: { select: { whistleId: true, summonsId: true, seq: true, type: true } } },
      })).map(toRef),
    head: async () => (await prisma.whistleFeedEntry.findFirst({ where: { key }, orderBy: { position: 'desc' }, select: { position: true } }))?.position ?? 0,
    count: (after, upTo) => prisma.whistleFeedEntry.count({ where: { key, position: { gt: after, lte: upTo } } }),
  };
}

type NoticeValue = WhistleEventRef & { kind: 'event' };
type FeedValue = NoticeValue | FeedResyncValue;

// An event's whistle and summons are loaded once for all the feed's subscribers (spine/sharedLoads.ts);
// each subscriber checks its visibility on the whistle's scope, also loaded once per event.
const visibleToSubscriber = async (ctx: Context, n: NoticeValue) => {
  const scope = await sharedLoad(ctx.prisma, eventRowKey('WhistleScope', n.whistleId, n.position, null), () =>
    ctx.prisma.whistle.findUnique({ where: { id: n.whistleId }, select: scopeSelect }));
  return scope !== null && whistleVisibleTo(ctx.viewer, scope);
};

const WhistleEventNotice = builder.objectRef<NoticeValue>('WhistleEventNotice').implement({
  description: 'A change to a whistle of the feed: blown, acknowledged, checked in, reported, escalated (a summons turned late), closed, rated …',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The event type (BLOWN, ACKNOWLEDGED, CHECKED_IN, STAGE_CHANGED, REPORTED, ESCALATED, RETURN_REQUESTED, RETURN_DECIDED, CLOSED, SUPERVISED, RATED).' }),
    seq: t.exposeInt('seq', { description: 'The event number in the whistle history.' }),
    logSeq: t.exposeInt('position', { description: "The event's position in the hub's event log; pass the last one you applied as `afterSeq` when you subscribe again." }),
    whistle: t.prismaField({
      type: 'Whistle',
      nullable: true,
      description: 'The whistle as it is now; null if no longer visible.',
      resolve: async (query, n, _args, ctx) =>
        (await visibleToSubscriber(ctx, n)) ? sharedLoad(ctx.prisma, eventRowKey('Whistle', n.whistleId, n.position, query), () => ctx.prisma.whistle.findUnique({ ...query, where: { id: n.whistleId } })) : null,
    }),
    summons: t.prismaField({
      type: 'WhistleSummons',
      nullable: true,
      description: 'The summons the event is about (for ESCALATED: the late one), as it is now.',
      resolve: async (query, n, _args, ctx) => {
        const summonsId = n.summonsId;
        if (!summonsId || !(await visibleToSubscriber(ctx, n))) return null;
        return sharedLoad(ctx.prisma, eventRowKey('WhistleSummons', summonsId, n.position, query), () => ctx.prisma.whistleSummons.findUnique({ ...query, where: { id: summonsId } }));
      },
    }),
  }),
});

const WhistleFeedItem = builder.unionType('WhistleFeedItem', {
  description: 'What a live whistle feed sends: a whistle event, or a resync signal.',
  types: [WhistleEventNotice, FeedResync],
  resolveType: (value) => ((value as FeedValue).kind === 'resync' ? 'FeedResync' : 'WhistleEventNotice'),
});

const stream = (ctx: Context, key: string, afterSeq: number | null | undefined) =>
  feedValues(ctx.feeds.subscribe<WhistleEventRef>(ctx, key, whistleFeed(ctx.prisma, key), { afterSeq }), { event: (e): NoticeValue => ({ kind: 'event', ...e }) });

builder.subscriptionFields((t) => ({
  streetWhistleEvents: t.field({
    type: WhistleFeedItem,
    description: "Live changes to a street office's whistles — its countdown board: acknowledgements, check-ins, escalations of late summonses. For the street's officers and its district's platform.",
    args: {
      streetCode: t.arg.string({ description: 'The street office code, e.g. 110101011.' }),
      afterSeq: t.arg.int(AFTER_SEQ_ARG),
    },
    authScopes: async (_root, args, ctx) => {
      const street = await orgUnitByCode(ctx, 'street', args.streetCode);
      return street ? { $any: { streetOfficer: street.id, districtDispatcher: street.districtId! } } : false;
    },
    subscribe: async (_root, args, ctx: Context) => {
      const street = await orgUnitOrThrow(ctx, 'street', args.streetCode);
      return stream(ctx, `whistle:street:${street.id}`, args.afterSeq);
    },
    resolve: (value) => resolveFeedValue(value as FeedValue),
  }),
  departmentWhistleEvents: t.field({
    type: WhistleFeedItem,
    description: "Live changes to the whistles that summoned a department — its inbox and countdowns, escalations included. For the department's officers.",
    args: {
      departmentCode: t.arg.string({ description: 'The department code, e.g. 110101-CGZF.' }),
      afterSeq: t.arg.int(AFTER_SEQ_ARG),
    },
    authScopes: async (_root, args, ctx) => {
      const dep = await orgUnitByCode(ctx, 'department', args.departmentCode);
      return dep ? { departmentOfficer: dep.id } : false;
    },
    subscribe: async (_root, args, ctx: Context) => {
      const dep = await orgUnitOrThrow(ctx, 'department', args.departmentCode);
      return stream(ctx, `whistle:dept:${dep.id}`, args.afterSeq);
    },
    resolve: (value) => resolveFeedValue(value as FeedValue),
  }),
  districtWhistleEvents: t.field({
    type: WhistleFeedItem,
    description: "Live changes to the whistles a district platform sees: its streets' whistles and cross-district whistles that summoned its departments, escalations included. For the district's dispatchers.",
    args: {
      districtCode: t.arg.string({ description: 'The district code, e.g. 110101.' }),
      afterSeq: t.arg.int(AFTER_SEQ_ARG),
    },
    authScopes: async (_root, args, ctx) => {
      const d = await orgUnitByCode(ctx, 'district', args.districtCode);
      return d ? { districtDispatcher: d.id } : false;
    },
    subscribe: async (_root, args, ctx: Context) => {
      const d = await orgUnitOrThrow(ctx, 'district', args.districtCode);
      return stream(ctx, `whistle:district:${d.id}`, args.afterSeq);
    },
    resolve: (value) => resolveFeedValue(value as FeedValue),
  }),
}));
