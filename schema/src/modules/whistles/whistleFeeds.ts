// Live whistle feeds: a street's, a department's and a district platform's whistle events —
// escalations (late summonses) included — replayed from the event log after a subscriber's
// `afterSeq`, then live (spine/feeds.ts). Authorized when subscribing; every payload's whistle is
// loaded through whistle visibility.
import type { PrismaClient } from '@whistlehub/prisma';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { FeedResync, type FeedResyncValue } from '../../spine/feedTypes.ts';
import type { FeedSource } from '../../spine/feeds.ts';
import { feedValues, resolveFeedValue } from '../../spine/feedValues.ts';
import { type WhistleScope, whistleDistricts, whistlesWhereVisibleTo } from './whistlePolicy.ts';

/** One whistle event as a feed carries it: ids and numbers only. */
export interface WhistleEventRef {
  whistleId: string;
  summonsId: string | null;
  seq: number;
  position: number;
  type: string;
}

/** The pub/sub keys of the feeds a whistle's events go to: its street's, every district that sees it, every summoned department's. */
export function whistleFeedKeys(w: WhistleScope): string[] {
  return [
    `whistle:street:${w.streetId}`,
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
      resolve: (query, n, _args, ctx) => ctx.prisma.whistle.findFirst({ ...query, where: { AND: [{ id: n.whistleId }, whistlesWhereVisibleTo(ctx.viewer)] } }),
    }),
    summons: t.prismaField({
      type: 'WhistleSummons',
      nullable: true,
      description: 'The summons the event is about (for ESCALATED: the late one), as it is now.',
      resolve: (query, n, _args, ctx) =>
        n.summonsId ? ctx.prisma.whistleSummons.findFirst({ ...query, where: { id: n.summonsId, whistle: whistlesWhereVisibleTo(ctx.viewer) } }) : null,
    }),
  }),
});

const WhistleFeedItem = builder.unionType('WhistleFeedItem', {
  description: 'What a live whistle feed sends: a whistle event, or a resync signal.',
  types: [WhistleEventNotice, FeedResync],
  resolveType: (value) => ((value as FeedValue).kind === 'resync' ? 'FeedResync' : 'WhistleEventNotice'),
});

const AFTER_SEQ = 'The `logSeq` of the last event you applied: what you missed is replayed first. Omit to start live from now.';
const stream = (ctx: Context, key: string, afterSeq: number | null | undefined) =>
  feedValues(ctx.feeds.subscribe<WhistleEventRef>(ctx, key, whistleFeed(ctx.prisma, key), { afterSeq }), { event: (e): NoticeValue => ({ kind: 'event', ...e }) });

builder.subscriptionFields((t) => ({
  streetWhistleEvents: t.field({
    type: WhistleFeedItem,
    description: "Live changes to a street office's whistles — its countdown board: acknowledgements, check-ins, escalations of late summonses. For the street's officers and its district's platform.",
    args: {
      streetCode: t.arg.string({ description: 'The street office code, e.g. 110101011.' }),
      afterSeq: t.arg.int({ required: false, description: AFTER_SEQ, validate: z.number().int().min(0) }),
    },
    authScopes: async (_root, args, ctx) => {
      const street = await ctx.prisma.street.findUnique({ where: { code: args.streetCode }, select: { id: true, districtId: true } });
      return street ? { $any: { streetOfficer: street.id, districtDispatcher: street.districtId } } : false;
    },
    subscribe: async (_root, args, ctx: Context) => {
      const street = await ctx.prisma.street.findUniqueOrThrow({ where: { code: args.streetCode }, select: { id: true } });
      return stream(ctx, `whistle:street:${street.id}`, args.afterSeq);
    },
    resolve: (value) => resolveFeedValue(value as FeedValue),
  }),
  departmentWhistleEvents: t.field({
    type: WhistleFeedItem,
    description: "Live changes to the whistles that summoned a department — its inbox and countdowns, escalations included. For the department's officers.",
    args: {
      departmentCode: t.arg.string({ description: 'The department code, e.g. 110101-CGZF.' }),
      afterSeq: t.arg.int({ required: false, description: AFTER_SEQ, validate: z.number().int().min(0) }),
    },
    authScopes: async (_root, args, ctx) => {
      const dep = await ctx.prisma.department.findUnique({ where: { code: args.departmentCode }, select: { id: true } });
      return dep ? { departmentOfficer: dep.id } : false;
    },
    subscribe: async (_root, args, ctx: Context) => {
      const dep = await ctx.prisma.department.findUniqueOrThrow({ where: { code: args.departmentCode }, select: { id: true } });
      return stream(ctx, `whistle:dept:${dep.id}`, args.afterSeq);
    },
    resolve: (value) => resolveFeedValue(value as FeedValue),
  }),
  districtWhistleEvents: t.field({
    type: WhistleFeedItem,
    description: "Live changes to the whistles a district platform sees: its streets' whistles and cross-district whistles that summoned its departments, escalations included. For the district's dispatchers.",
    args: {
      districtCode: t.arg.string({ description: 'The district code, e.g. 110101.' }),
      afterSeq: t.arg.int({ required: false, description: AFTER_SEQ, validate: z.number().int().min(0) }),
    },
    authScopes: async (_root, args, ctx) => {
      const d = await ctx.prisma.district.findUnique({ where: { code: args.districtCode }, select: { id: true } });
      return d ? { districtDispatcher: d.id } : false;
    },
    subscribe: async (_root, args, ctx: Context) => {
      const d = await ctx.prisma.district.findUniqueOrThrow({ where: { code: args.districtCode }, select: { id: true } });
      return stream(ctx, `whistle:district:${d.id}`, args.afterSeq);
    },
    resolve: (value) => resolveFeedValue(value as FeedValue),
  }),
}));
