// Meetings as a versioned aggregate (spine/aggregate.ts): attendance, agenda, motions, ballots and
// action items are all changes to their meeting, numbered per meeting (seq) and placed in the hub's
// log, so a meeting screen replays exactly what it missed. Ballots and check-ins are written by many
// hands at once: they decide again when another write took the version (`retries`), never a conflict.
import type { Prisma } from '@whistlehub/prisma';
import type { Context } from '../../context.ts';
import { type AggregateChange, type AggregateStore, changeAggregate, createAggregate } from '../../spine/aggregate.ts';
import { lastChange } from '../../spine/lastChange.ts';
import type { WriteOptions } from '../../spine/writes.ts';
import { MeetingConflictError } from './councilErrors.ts';
import { type CouncilPlace, councilPlace, councilPlaceSelect } from './councilPolicy.ts';

export const meetingForWrite = {
  council: { select: { id: true, ...councilPlaceSelect } },
  motions: { select: { id: true, status: true } },
  attendance: { select: { personId: true } },
} satisfies Prisma.MeetingInclude;

/** A meeting as a write sees it: the row, its council's place and seats, its motions' status, its attendance. */
export type MeetingForWrite = Prisma.MeetingGetPayload<{ include: typeof meetingForWrite }>;

/** The council place of a loaded meeting (for the policy). */
export const placeOf = (m: MeetingForWrite): CouncilPlace => councilPlace(m.council);

/** The columns a meeting write may set. */
export type MeetingData = Omit<Prisma.MeetingUncheckedUpdateManyInput, 'version' | 'id'>;

/** One event to append: its type, the motion it is about, a note (a named ballot's choice, a person or item id). */
export interface MeetingEventInput {
  type: string;
  motionId?: string | null;
  note?: string | null;
}

export type MeetingChange = AggregateChange<MeetingEventInput, MeetingData>;

/** The feeds a meeting's events go to: the meeting's own (its screens) and its community's councils page. */
export const meetingFeedKeys = (m: { id: string; council: { communityId: string } }) => [`council:meeting:${m.id}`, `council:community:${m.council.communityId}`];

export const meetingStore: AggregateStore<MeetingForWrite, MeetingEventInput, MeetingData> = {
  typename: 'Meeting',
  // councils are public to anyone signed in; what a viewer may do is the policy's
  lock: async (tx, id) => void (await tx.meeting.updateMany({ where: { id }, data: { version: { increment: 0 } } })),
  load: (tx, id) => tx.meeting.findUnique({ where: { id }, include: meetingForWrite }),
  updateIfVersion: async (tx, id, version, data) => (await tx.meeting.updateMany({ where: { id, version }, data: { ...data, version: version + 1 } })).count === 1,
  lastSeq: async (tx, id) => (await tx.councilEvent.findFirst({ where: { meetingId: id }, orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0,
  appendEvents: async (tx, row, events) => {
    await tx.councilEvent.createMany({
      data: events.map((e) => ({ meetingId: row.id, seq: e.seq, position: e.position, type: e.type, motionId: e.motionId ?? null, note: e.note ?? null, actorId: e.actorId, at: e.at })),
    });
  },
  conflict: async (tx, id) => {
    const now = await tx.meeting.findUniqueOrThrow({ where: { id }, select: { version: true, status: true } });
    const { changedAt, changedBy } = await lastChange(tx, await tx.councilEvent.findFirst({ where: { meetingId: id }, orderBy: { seq: 'desc' }, select: { at: true, actorId: true } }));
    return new MeetingConflictError(now.version, now.status, changedAt, changedBy);
  },
  notify: (ctx, row, events) => ctx.feeds.nudge(meetingFeedKeys(row), { position: events.at(-1)!.position }),
};

/** How often a write to a meeting that lost the version to another decides again (many voters at once). */
const RETRIES = 50;

/** Applies `change` to a meeting through the shared write path; the viewer must pass `authorize`. */
export function changeMeeting(
  ctx: Context,
  args: WriteOptions & { id: string; clientId?: string; expectedVersion?: number | null; authorize: (m: MeetingForWrite) => boolean },
  change: (m: MeetingForWrite, now: Date, tx: Prisma.TransactionClient) => MeetingChange | Promise<MeetingChange>,
) {
  return changeAggregate(ctx, meetingStore, { retries: RETRIES, ...args }, change);
}

/** Creates a meeting (scheduled) through the shared write path. */
export function createMeeting(ctx: Context, args: WriteOptions, create: (tx: Prisma.TransactionClient, now: Date) => Promise<{ row: MeetingForWrite; events: (MeetingEventInput & { type: string })[] }>) {
  return createAggregate(ctx, meetingStore, args, create);
}
