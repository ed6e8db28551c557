// Overdue escalation: tickets whose response, feedback or resolution deadline passed since the last
// look are announced on their street's and district's live feeds, so the board turns them red without
// anyone reloading. Announced, not written: the deadline is data already (missedDeadlines), and a
// subscriber that reconnects gets the state from the ticket, so an announcement needs no replay.
// Every api instance runs a watcher; each passed deadline is claimed once in the database (a receipt
// keyed by ticket, deadline and time), so with several instances it is announced by exactly one.
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
    select: {
      id: true, streetId: true, districtId: true, respondBy: true, feedbackBy: true, resolveBy: true,
      events: { orderBy: { seq: 'desc' }, take: 1, select: { seq: true, position: true } },
    },
  });
  let announced = 0;
  for (const t of tickets) {
    const passed = (['respondBy', 'feedbackBy', 'resolveBy'] as const).filter((d) => t[d] && t[d] > since && t[d] <= now);
    const claims = await Promise.all(passed.map((d) => claim(prisma, `${t.id}:${d}:${t[d]!.toISOString()}`)));
    if (!claims.includes(true)) continue;
    const last = t.events[0];
    feeds.nudge(ticketFeedKeys(t), { position: last?.position ?? 0, announcement: { ticketId: t.id, seq: last?.seq ?? 0, type: 'OVERDUE' } });
    announced += 1;
  }
  return announced;
}

const CLAIMANT = 'system:overdue-watch';

/** True for the one caller that records `key` first (receipts are unique per actor and key; pruned after a week). */
async function claim(prisma: PrismaClient, key: string): Promise<boolean> {
  try {
    await prisma.mutationReceipt.create({ data: { actorKey: CLAIMANT, clientMutationId: key, mutation: 'announceOverdue', inputHash: '', outcome: '{}' } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
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
