// Overdue escalation: tickets whose response, feedback or resolution deadline passed since the last
// look are announced on their street's and district's live feeds, so the board turns them red without
// anyone reloading. Announced, not written: the deadline is data already (missedDeadlines), and a
// subscriber that reconnects gets the state from the ticket, so an announcement needs no replay.
import type { PrismaClient } from '@whistlehub/prisma';
import type { FeedHub } from '../../spine/feeds.ts';
import { ticketFeedKeys } from './ticketFeeds.ts';
import { OPEN_TICKET_STATUSES } from './ticketStates.ts';

/** Announces OVERDUE for each open ticket whose deadline fell in (since, now]; returns how many. */
export async function announceOverdue(prisma: PrismaClient, feeds: FeedHub, since: Date, now: Date): Promise<number> {
  const window = { gt: since, lte: now };
  const tickets = await prisma.ticket.findMany({
    where: {
      status: { in: [...OPEN_TICKET_STATUSES] },
      OR: [
        { respondedAt: null, respondBy: window },
        { feedbackAt: null, resolvedAt: null, feedbackBy: window },
        { resolvedAt: null, resolveBy: window },
      ],
    },
    select: { id: true, streetId: true, districtId: true, events: { orderBy: { seq: 'desc' }, take: 1, select: { seq: true, position: true } } },
  });
  for (const t of tickets) {
    const last = t.events[0];
    feeds.nudge(ticketFeedKeys(t), { position: last?.position ?? 0, announcement: { ticketId: t.id, seq: last?.seq ?? 0, type: 'OVERDUE' } });
  }
  return tickets.length;
}

/** Looks every `intervalMs` (default a minute); returns a stop function. */
export function watchOverdue(prisma: PrismaClient, feeds: FeedHub, intervalMs = 60_000, onError: (e: unknown) => void = () => {}) {
  let since = new Date();
  const timer = setInterval(() => {
    const now = new Date();
    announceOverdue(prisma, feeds, since, now).then(() => (since = now), onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
