// Who made an aggregate's last change and when — what every typed conflict reports.
import type { Prisma } from '@whistlehub/prisma';

/** The time and the actor's display name of an aggregate's last event (null fields for none, or the system). */
export async function lastChange(tx: Prisma.TransactionClient, last: { at: Date; actorId: string | null } | null): Promise<{ changedAt: Date | null; changedBy: string | null }> {
  const actor = last?.actorId ? await tx.user.findUnique({ where: { id: last.actorId }, select: { displayName: true } }) : null;
  return { changedAt: last?.at ?? null, changedBy: actor?.displayName ?? null };
}
