// The hub's event log: one position counter for every aggregate's events (see LogHead in
// prisma/schema/models.prisma for why positions become visible in commit order).
import type { Prisma, PrismaClient } from '@whistlehub/prisma';

/** The id of the one log head row. */
export const LOG_HEAD = 'log';

/**
 * Takes the next `count` log positions in the write's transaction and returns the first. Call it as
 * late as possible in the transaction (just before inserting the events): the counter stays locked
 * until commit, which is what keeps positions in commit order.
 */
export async function takeLogPositions(tx: Prisma.TransactionClient, count: number): Promise<number> {
  if (count <= 0) throw new RangeError('takeLogPositions: count must be ≥ 1');
  // a plain UPDATE … SET position = position + n: the row always exists (the spine migration and
  // the seed create it), and an upsert could take a read-then-write path that is not atomic
  const head = await tx.logHead.update({ where: { id: LOG_HEAD }, data: { position: { increment: count } }, select: { position: true } });
  return head.position - count + 1;
}

/** The newest log position: every aggregate's events are at or below it (0 before the first). */
export async function readLogHead(prisma: PrismaClient | Prisma.TransactionClient): Promise<number> {
  return (await prisma.logHead.findUnique({ where: { id: LOG_HEAD }, select: { position: true } }))?.position ?? 0;
}
