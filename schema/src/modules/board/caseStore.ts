// Board cases as a versioned aggregate (spine/aggregate.ts). The aggregate version only serialises
// writers (each takes the next seq); the conflicts a person sees are per field: a write carries the
// field's base version and the rule compares it, so writers on different fields never conflict, and
// a writer that lost the aggregate version to another decides again (`retries`) on the fresh row.
import type { Prisma } from '@whistlehub/prisma';
import type { Context } from '../../context.ts';
import { type AggregateChange, type AggregateStore, changeAggregate } from '../../spine/aggregate.ts';
import { lastChange } from '../../spine/lastChange.ts';
import type { WriteOptions } from '../../spine/writes.ts';
import { CaseConflictError } from './caseErrors.ts';
import { type CaseScope, casesWhereVisibleTo, scopeOf } from './casePolicy.ts';

export const caseForWrite = {
  checklist: { where: { deletedAt: null }, select: { id: true, text: true, done: true, orderKey: true, version: true } },
  assignments: { select: { assigneeKey: true, departmentId: true, userId: true } },
  links: { select: { targetKey: true } },
} satisfies Prisma.CaseInclude;

export type CaseForWrite = Prisma.CaseGetPayload<{ include: typeof caseForWrite }>;
export type CaseData = Omit<Prisma.CaseUncheckedUpdateManyInput, 'version' | 'id'>;

/** One case event to append: its kind, what it concerns, its payload (JSON-able). */
export interface CaseEventInput {
  type: string;
  target?: string | null;
  payload?: unknown;
}

export type CaseChange = AggregateChange<CaseEventInput, CaseData>;

/** The feeds a case's events go to: the case's own and its street's board. */
export const caseFeedKeys = (c: { id: string; streetId: string }) => [`case:${c.id}`, `case:board:${c.streetId}`];

export const caseScopeOf = (c: CaseForWrite): CaseScope => scopeOf(c);

export const caseStore: AggregateStore<CaseForWrite, CaseEventInput, CaseData> = {
  typename: 'Case',
  lock: async (tx, id) => void (await tx.case.updateMany({ where: { id }, data: { version: { increment: 0 } } })),
  load: (tx, id, viewer) => tx.case.findFirst({ where: { AND: [{ id }, casesWhereVisibleTo(viewer)] }, include: caseForWrite }),
  updateIfVersion: async (tx, id, version, data) => (await tx.case.updateMany({ where: { id, version }, data: { ...data, version: version + 1, updatedAt: new Date() } })).count === 1,
  lastSeq: async (tx, id) => (await tx.caseEvent.findFirst({ where: { caseId: id }, orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0,
  appendEvents: async (tx, row, events) => {
    await tx.caseEvent.createMany({
      data: events.map((e) => ({
        caseId: row.id, seq: e.seq, position: e.position, kind: e.type, target: e.target ?? null, payload: JSON.stringify(e.payload ?? null), actorId: e.actorId, at: e.at,
        clientMutationId: currentClientMutationId.get(tx) ?? null,
      })),
    });
  },
  // the aggregate version is never compared by board writes (they pass no expectedVersion): a lost race decides again
  conflict: async (tx, id) => {
    const row = await tx.case.findUniqueOrThrow({ where: { id }, select: { version: true } });
    const { changedAt, changedBy } = await lastChange(tx, await tx.caseEvent.findFirst({ where: { caseId: id }, orderBy: { seq: 'desc' }, select: { at: true, actorId: true } }));
    return new CaseConflictError('case', null, row.version, changedAt, changedBy);
  },
  notify: (ctx, row, events) => ctx.feeds.nudge(caseFeedKeys(row), { position: events.at(-1)!.position }),
};

// the client mutation id of the write running in a transaction, recorded on its events
const currentClientMutationId = new WeakMap<object, string>();

/** How often a board write that lost the case version to another decides again. */
const RETRIES = 50;

/** Applies `change` to a case the viewer may see and edit, through the shared write path. */
export function changeCase(
  ctx: Context,
  args: WriteOptions & { id: string; clientId?: string; authorize: (c: CaseForWrite) => boolean },
  change: (c: CaseForWrite, now: Date, tx: Prisma.TransactionClient) => CaseChange | Promise<CaseChange>,
) {
  return changeAggregate(ctx, caseStore, { retries: RETRIES, ...args }, (c, now, tx) => {
    if (args.clientMutationId) currentClientMutationId.set(tx, args.clientMutationId);
    return change(c, now, tx);
  });
}
