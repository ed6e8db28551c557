// The deadline watcher: deadlines are rows (WhistleDeadline), so the watcher survives restarts and
// needs no leader. Each pass reads the pending deadlines that are due and, for each, claims it with
// a conditional update (PENDING → FIRED) as the first statement of its own transaction, then marks
// the summons late, records the Escalation and appends the ESCALATED event through the shared
// aggregate path (version, seq, log position) — all in that transaction, so a claim without its
// escalation cannot commit. A second watcher's claim matches no row (PostgreSQL re-checks the WHERE
// after the first commit; SQLite serialises writers), so it fires nothing. The first pass at start-up
// sweeps everything missed while no instance ran.
import type { PrismaClient } from '@whistlehub/prisma';
import type { Context } from '../../context.ts';
import { applyChange } from '../../spine/aggregate.ts';
import type { FeedHub } from '../../spine/feeds.ts';
import { claimDeadline, recordEscalation } from './whistleEscalation.ts';
import { whistleForWrite, whistleStore } from './whistleStore.ts';

/** The watcher's context: no viewer (events are written with no actor), the process's feeds for the nudge after commit. */
const systemContext = (prisma: PrismaClient, feeds: FeedHub) => ({ prisma, feeds, viewer: null }) as unknown as Context;

const isConflict = (e: unknown) => (e as Error)?.name === 'WhistleConflictError';

/** Fires one due deadline if this caller claims it; true when it did. */
export async function fireDeadline(prisma: PrismaClient, feeds: FeedHub, deadlineId: string, now = new Date()): Promise<boolean> {
  const ctx = systemContext(prisma, feeds);
  let notify: (() => void) | null = null;
  const fired = await prisma.$transaction(
    async (tx) => {
      if (!(await claimDeadline(tx, deadlineId, now))) return false;
      const d = await tx.whistleDeadline.findUniqueOrThrow({ where: { id: deadlineId } });
      const w = await tx.whistle.findUniqueOrThrow({ where: { id: d.whistleId }, include: whistleForWrite });
      const event = await recordEscalation(tx, d, w, now);
      notify = (await applyChange(tx, ctx, whistleStore, w, { data: {}, events: [event] }, now)).notify;
      return true;
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
  (notify as (() => void) | null)?.();
  return fired;
}

/** One pass: fires every pending deadline due by `now`, oldest first; returns how many this caller fired. */
export async function fireDueDeadlines(prisma: PrismaClient, feeds: FeedHub, now = new Date(), limit = 500): Promise<number> {
  const due = await prisma.whistleDeadline.findMany({ where: { state: 'PENDING', dueAt: { lte: now } }, orderBy: { dueAt: 'asc' }, take: limit, select: { id: true } });
  let fired = 0;
  for (const d of due) {
    try {
      // stamped when it fires, not when the pass began (a pass of many deadlines takes a while)
      if (await fireDeadline(prisma, feeds, d.id, new Date(Math.max(now.getTime(), Date.now())))) fired += 1;
    } catch (error) {
      // a user's write to the same whistle won the version: the claim rolled back, the next pass retries
      if (!isConflict(error)) throw error;
    }
  }
  return fired;
}

/**
 * Runs a pass at once (the start-up sweep of deadlines missed while down) and then every
 * `intervalMs` (default 1 s: a late summons reaches subscribers within about a second); returns a
 * stop function.
 */
export function watchWhistleDeadlines(prisma: PrismaClient, feeds: FeedHub, intervalMs = 1_000, onError: (e: unknown) => void = () => {}) {
  let running = false;
  let stopped = false;
  const pass = () => {
    if (running || stopped) return;
    running = true;
    fireDueDeadlines(prisma, feeds).catch(onError).finally(() => (running = false));
  };
  pass();
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
