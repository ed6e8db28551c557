// Firing a deadline: the one place a summons turns late and an escalation is recorded, used by the
// watcher (a deadline passed with nobody acting) and by the write that meets a deadline too late
// (the department acknowledges after its due time, before the watcher looked). The claim is a
// conditional update PENDING → FIRED, so whoever comes second — another watcher, or the late write —
// changes nothing: exactly one escalation per deadline, on SQLite and PostgreSQL, with no leader.
import type { Prisma } from '@whistlehub/prisma';
import type { WhistleEventInput } from './whistleStore.ts';

type Tx = Prisma.TransactionClient;

/** A deadline row as a write sees it. */
export interface DeadlineForWrite {
  id: string;
  summonsId: string;
  kind: 'ACK' | 'ON_SITE' | 'RETURN_DECISION';
  dueAt: Date;
  state: 'PENDING' | 'FIRED' | 'CANCELLED';
}

/** The summons flag a fired deadline of each kind sets. */
const LATE_FLAG = { ACK: { ackLate: true }, ON_SITE: { onSiteLate: true }, RETURN_DECISION: { returnDecisionLate: true } } as const;

/** Claims a pending deadline (PENDING → FIRED); true for the one caller whose update matched. */
export async function claimDeadline(tx: Tx, deadlineId: string, now: Date): Promise<boolean> {
  return (await tx.whistleDeadline.updateMany({ where: { id: deadlineId, state: 'PENDING' }, data: { state: 'FIRED', firedAt: now } })).count === 1;
}

/**
 * Fires a claimed deadline inside the write's transaction: the summons' late flag (a department's
 * acknowledgement or check-in, or the platform's 退单 decision), the escalation to the platform of
 * `districtId`, and the ESCALATED event to append.
 */
export async function recordEscalation(tx: Tx, d: DeadlineForWrite, whistle: { id: string; districtId: string }, now: Date): Promise<WhistleEventInput> {
  await tx.whistleSummons.update({ where: { id: d.summonsId }, data: LATE_FLAG[d.kind] });
  await tx.escalation.create({ data: { deadlineId: d.id, summonsId: d.summonsId, whistleId: whistle.id, kind: d.kind, districtId: whistle.districtId, dueAt: d.dueAt, at: now } });
  return { type: 'ESCALATED', summonsId: d.summonsId, note: d.kind };
}

/**
 * Settles a deadline when its clock is met by a write at `now`: met in time → CANCELLED; met late
 * with the deadline still pending → fired here (the escalation is recorded once, as the watcher
 * would have). Returns the events to append (an ESCALATED one, or none).
 */
export async function settleDeadline(tx: Tx, d: DeadlineForWrite | undefined, whistle: { id: string; districtId: string }, now: Date): Promise<WhistleEventInput[]> {
  if (!d || d.state !== 'PENDING') return [];
  if (now.getTime() < d.dueAt.getTime()) {
    await tx.whistleDeadline.updateMany({ where: { id: d.id, state: 'PENDING' }, data: { state: 'CANCELLED' } });
    return [];
  }
  return (await claimDeadline(tx, d.id, now)) ? [await recordEscalation(tx, d, whistle, now)] : [];
}

/** Cancels every pending deadline of the summonses (whistle closed, summons returned). */
export async function cancelDeadlines(tx: Tx, summonsIds: readonly string[]): Promise<void> {
  if (summonsIds.length) await tx.whistleDeadline.updateMany({ where: { summonsId: { in: [...summonsIds] }, state: 'PENDING' }, data: { state: 'CANCELLED' } });
}
