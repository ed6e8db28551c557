// Live council feeds: one meeting's events (its screens: attendance and the vote tally updating on
// every screen), and a community's councils page (meetings scheduled, opened, closed …), replayed
// from the event log after a subscriber's `afterSeq`, then live (spine/feeds.ts). Councils are a
// community's public record: for anyone signed in.
import type { PrismaClient } from '@whistlehub/prisma';
import { GraphQLError } from 'graphql';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { FeedResync, type FeedResyncValue } from '../../spine/feedTypes.ts';
import type { FeedSource } from '../../spine/feeds.ts';
import { AFTER_SEQ_ARG } from '../../spine/feedFields.ts';
import { feedValues, resolveFeedValue } from '../../spine/feedValues.ts';
import { idOfType } from '../../spine/globalIds.ts';
import { eventRowKey, sharedLoad } from '../../spine/sharedLoads.ts';

/** One meeting event as a feed carries it: ids and numbers only. */
export interface MeetingEventRef {
  meetingId: string;
  motionId: string | null;
  seq: number;
  position: number;
  type: string;
}

const select = { position: true, meetingId: true, motionId: true, seq: true, type: true } as const;

/** The feed of one meeting, or of every meeting of a community's councils. */
export function councilFeed(prisma: PrismaClient, key: string, where: { meetingId: string } | { meeting: { council: { communityId: string } } }): FeedSource<MeetingEventRef> {
  return {
    keys: [key],
    load: (after, limit) => prisma.councilEvent.findMany({ where: { ...where, position: { gt: after } }, orderBy: { position: 'asc' }, take: limit, select }),
    head: async () => (await prisma.councilEvent.findFirst({ where, orderBy: { position: 'desc' }, select: { position: true } }))?.position ?? 0,
    count: (after, upTo) => prisma.councilEvent.count({ where: { ...where, position: { gt: after, lte: upTo } } }),
  };
}

type NoticeValue = MeetingEventRef & { kind: 'event' };
type FeedValue = NoticeValue | FeedResyncValue;

const MeetingEventNotice = builder.objectRef<NoticeValue>('MeetingEventNotice').implement({
  description: 'A change to a meeting: scheduled, opened, someone checked in, an agenda item, a motion proposed, opened, a ballot (the tally), a motion closed (the result), an action item, closed.',
  fields: (t) => ({
    type: t.exposeString('type', {
      description: 'SCHEDULED, AGENDA_ITEM_ADDED, OPENED, CHECKED_IN, MOTION_PROPOSED, MOTION_OPENED, BALLOT_CAST, BALLOT_CHANGED, MOTION_CLOSED, ACTION_ITEM_ADDED, ACTION_ITEM_DONE, CLOSED.',
    }),
    seq: t.exposeInt('seq', { description: 'The event number in the meeting history.' }),
    logSeq: t.exposeInt('position', { description: "The event's position in the hub's event log; pass the last one you applied as `afterSeq` when you subscribe again." }),
    meeting: t.prismaField({
      type: 'Meeting',
      nullable: true,
      description: 'The meeting as it is now (attendance, agenda, motions).',
      resolve: (query, n, _args, ctx) => sharedLoad(ctx.prisma, eventRowKey('Meeting', n.meetingId, n.position, query), () => ctx.prisma.meeting.findUnique({ ...query, where: { id: n.meetingId } })),
    }),
    motion: t.prismaField({
      type: 'Motion',
      nullable: true,
      description: 'The motion the event is about, as it is now (its tally and progress, or its frozen result).',
      resolve: (query, n, _args, ctx) => {
        const motionId = n.motionId;
        const select = { ...query }; // read even when there is no motion (onUnusedQuery)
        return motionId ? sharedLoad(ctx.prisma, eventRowKey('Motion', motionId, n.position, select), () => ctx.prisma.motion.findUnique({ ...select, where: { id: motionId } })) : null;
      },
    }),
  }),
});

const MeetingFeedItem = builder.unionType('MeetingFeedItem', {
  description: 'What a live council feed sends: a meeting event, or a resync signal.',
  types: [MeetingEventNotice, FeedResync],
  resolveType: (value) => ((value as FeedValue).kind === 'resync' ? 'FeedResync' : 'MeetingEventNotice'),
});

const stream = (ctx: Context, source: FeedSource<MeetingEventRef>, afterSeq: number | null | undefined) =>
  feedValues(ctx.feeds.subscribe<MeetingEventRef>(ctx, source.keys[0]!, source, { afterSeq }), { event: (e): NoticeValue => ({ kind: 'event', ...e }) });

const notFound = (what: string, id: string) => new GraphQLError(`No ${what} ${id}`, { extensions: { code: 'NOT_FOUND' } });

builder.subscriptionFields((t) => ({
  meetingEvents: t.field({
    type: MeetingFeedItem,
    description: "Live changes to one meeting — its projector and every member's screen: check-ins, motions opening, each ballot's tally, results. For anyone signed in.",
    args: { meetingId: t.arg.id({ description: 'Global id of the meeting.' }), afterSeq: t.arg.int(AFTER_SEQ_ARG) },
    authScopes: { signedIn: true },
    subscribe: async (_root, args, ctx: Context) => {
      const id = idOfType('Meeting', args.meetingId);
      if (!(await ctx.prisma.meeting.findUnique({ where: { id }, select: { id: true } }))) throw notFound('meeting', String(args.meetingId));
      return stream(ctx, councilFeed(ctx.prisma, `council:meeting:${id}`, { meetingId: id }), args.afterSeq);
    },
    resolve: (value) => resolveFeedValue(value as FeedValue),
  }),
  communityCouncilEvents: t.field({
    type: MeetingFeedItem,
    description: "Live changes to every meeting of a community's councils (the councils page: meetings scheduled, opened, closed, results). For anyone signed in.",
    args: { communityCode: t.arg.string({ description: 'The community code.' }), afterSeq: t.arg.int(AFTER_SEQ_ARG) },
    authScopes: { signedIn: true },
    subscribe: async (_root, args, ctx: Context) => {
      const community = await ctx.prisma.community.findUnique({ where: { code: args.communityCode }, select: { id: true } });
      if (!community) throw notFound('community', args.communityCode);
      return stream(ctx, councilFeed(ctx.prisma, `council:community:${community.id}`, { meeting: { council: { communityId: community.id } } }), args.afterSeq);
    },
    resolve: (value) => resolveFeedValue(value as FeedValue),
  }),
}));
