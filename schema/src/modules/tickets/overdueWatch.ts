// Overdue escalation: tickets whose response or feedback deadline passed since the last look are
// announced on the street's live channel, so the board turns them red without anyone reloading.
// Announced, not written: the deadline is data already (missedDeadlines), the event is the push.
import type { PrismaClient } from '@whistlehub/prisma';
import type { PubSub } from '../../pubsub.ts';
import { OPEN_TICKET_STATUSES } from './ticketStates.ts';

/** Publishes an OVERDUE notice for each open ticket whose deadline fell in (since, now]; returns how many. */
export async function announceOverdue(prisma: PrismaClient, pubsub: PubSub, since: Date, now: Date): Promise<number> {
  const window = { gt: since, lte: now };
  const tickets = await prisma.ticket.findMany({
    where: {
      status: { in: [...OPEN_TICKET_STATUSES] },
      streetId: { not: null },
      OR: [
        { respondedAt: null, respondBy: window },
        { feedbackAt: null, resolvedAt: null, feedbackBy: window },
        { resolvedAt: null, resolveBy: window },
      ],
    },
    select: { id: true, streetId: true, events: { orderBy: { seq: 'desc' }, take: 1, select: { seq: true } } },
  });
  for (const t of tickets) pubsub.publish('ticket:street', t.streetId!, { ticketId: t.id, seq: t.events[0]?.seq ?? 0, type: 'OVERDUE' });
  return tickets.length;
}

/** Looks every `intervalMs` (default a minute); returns a stop function. */
export function watchOverdue(prisma: PrismaClient, pubsub: PubSub, intervalMs = 60_000, onError: (e: unknown) => void = () => {}) {
  let since = new Date();
  const timer = setInterval(() => {
    const now = new Date();
    announceOverdue(prisma, pubsub, since, now).then(() => (since = now), onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
