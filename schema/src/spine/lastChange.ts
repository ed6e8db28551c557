// Who made a change: an actor's display name, and an aggregate's last change — what every typed
// conflict and every history entry reports.
import type { Prisma } from '@whistlehub/prisma';
import { sharedLoad } from './sharedLoads.ts';

type Client = Pick<Prisma.TransactionClient, 'user'>;

/**
 * A user's display name (null for none). Shared for a moment per database client (spine/sharedLoads.ts),
 * so a history, a board or a feed event naming the same people loads each of them once, not once per
 * entry.
 */
export const displayNameOf = (client: Client, userId: string | null): Promise<string | null> =>
  userId ? sharedLoad(client, `User.displayName:${userId}`, async () => (await client.user.findUnique({ where: { id: userId }, select: { displayName: true } }))?.displayName ?? null) : Promise.resolve(null);

/** The time and the actor's display name of an aggregate's last event (null fields for none, or the system). */
export async function lastChange(tx: Client, last: { at: Date; actorId: string | null } | null): Promise<{ changedAt: Date | null; changedBy: string | null }> {
  return { changedAt: last?.at ?? null, changedBy: await displayNameOf(tx, last?.actorId ?? null) };
}
