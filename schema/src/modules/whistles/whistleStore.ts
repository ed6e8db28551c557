// Whistles as a versioned aggregate (spine/aggregate.ts): how a whistle is loaded for a write,
// updated on its version, its events appended with their feed keys, and its change announced.
import type { Prisma } from '@whistlehub/prisma';
import type { Viewer } from '../../auth/viewer.ts';
import type { Context } from '../../context.ts';
import { type AggregateChange, type AggregateStore, changeAggregate } from '../../spine/aggregate.ts';
import { idOfType } from '../../spine/globalIds.ts';
import { lastChange } from '../../spine/lastChange.ts';
import type { WriteOptions } from '../../spine/writes.ts';
import { WhistleConflictError, WhistleStepError } from './whistleErrors.ts';
import { whistleFeedKeys } from './whistleFeeds.ts';
import { whistlesWhereVisibleTo } from './whistlePolicy.ts';
import type { StepResult } from './whistleStates.ts';

export const whistleForWrite = {
  summonses: { orderBy: { summonedAt: 'asc' }, include: { deadlines: true, evaluation: { select: { id: true } }, department: { select: { code: true } } } },
} satisfies Prisma.WhistleInclude;

/** A whistle as a write sees it: the row and its summonses with their deadlines. */
export type WhistleForWrite = Prisma.WhistleGetPayload<{ include: typeof whistleForWrite }>;

/** The columns a whistle write may set (the version is the store's). */
export type WhistleData = Omit<Prisma.WhistleUncheckedUpdateManyInput, 'version' | 'id'>;

/** One event to append (seq, position, time, actor and feed keys are filled in). */
export interface WhistleEventInput {
  type: string;
  summonsId?: string | null;
  note?: string | null;
}

/** What a whistle rule returns. */
export type WhistleChange = AggregateChange<WhistleEventInput, WhistleData>;

/** The whistle table, its events and its feeds, for the shared write path. */
export const whistleStore: AggregateStore<WhistleForWrite, WhistleEventInput, WhistleData> = {
  typename: 'Whistle',
  lock: async (tx, id) => void (await tx.whistle.updateMany({ where: { id }, data: { version: { increment: 0 } } })),
  load: (tx, id, viewer: Viewer | null) => tx.whistle.findFirst({ where: { AND: [{ id }, whistlesWhereVisibleTo(viewer)] }, include: whistleForWrite }),
  updateIfVersion: async (tx, id, version, data) =>
    (await tx.whistle.updateMany({ where: { id, version }, data: { ...data, version: version + 1 } })).count === 1,
  lastSeq: async (tx, id) => (await tx.whistleEvent.findFirst({ where: { whistleId: id }, orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0,
  appendEvents: async (tx, row, events) => {
    const keys = whistleFeedKeys(row);
    const feedKeys = keys.join(' ');
    // ids chosen here so that the feed entries can point at their event in the same round trip
    const rows = events.map((e) => ({ id: `wev_${row.id}_${e.seq}`, whistleId: row.id, seq: e.seq, position: e.position, type: e.type, summonsId: e.summonsId ?? null, note: e.note ?? null, feedKeys, actorId: e.actorId, at: e.at }));
    await tx.whistleEvent.createMany({ data: rows });
    await tx.whistleFeedEntry.createMany({ data: rows.flatMap((e) => keys.map((key) => ({ key, position: e.position, eventId: e.id }))) });
  },
  conflict: async (tx, id) => {
    const now = await tx.whistle.findUniqueOrThrow({ where: { id }, select: { version: true, stage: true } });
    const { changedAt, changedBy } = await lastChange(tx, await tx.whistleEvent.findFirst({ where: { whistleId: id }, orderBy: { seq: 'desc' }, select: { at: true, actorId: true } }));
    return new WhistleConflictError(now.version, now.stage, changedAt, changedBy);
  },
  notify: (ctx, row, events) => ctx.feeds.nudge(whistleFeedKeys(row), { position: events.at(-1)!.position }),
};

/** Decodes a global id of `typename` (see spine/globalIds.ts). */
export const idOf = idOfType;

/** Throws WhistleStepError for a refused step. */
export function orRefused(result: StepResult): void {
  if (!result.ok) throw new WhistleStepError(result.problem);
}

/**
 * Applies `change` to a whistle the viewer may see, through the shared write path (visibility →
 * `authorize` → expectedVersion → rule → conditional update → numbered events → publish after
 * commit; idempotent under a client mutation id).
 */
export function changeWhistle(
  ctx: Context,
  args: WriteOptions & { id: string; clientId?: string; expectedVersion?: number | null; authorize: (w: WhistleForWrite) => boolean },
  change: (w: WhistleForWrite, now: Date, tx: Prisma.TransactionClient) => WhistleChange | Promise<WhistleChange>,
) {
  return changeAggregate(ctx, whistleStore, args, change);
}
