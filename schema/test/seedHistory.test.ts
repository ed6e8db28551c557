// The demo tickets are written straight into the tables, bypassing the write path; this replays every
// seeded history through the same ticket rules the mutations use, so a seeded ticket is always one the
// live path could have produced (the issue "reopened tickets have no REOPENED event and still carry
// resolvedAt" was a seed that had drifted from recordTicketCallback).
import { buildDemoData } from '@whistlehub/prisma/seed';
import { buildDemoTickets } from '@whistlehub/prisma/seed-tickets';
import { describe, expect, it } from 'vitest';
import { beijingDateOf } from '../src/lib/beijingTime.ts';
import { deadlinesFor } from '../src/modules/tickets/ticketDeadlines.ts';
import { type DispatchPartKind, type PartStatus, partTransition, ticketStatusFromParts } from '../src/modules/tickets/ticketDispatch.ts';
import { callbackReopens, type Satisfaction, type TicketStatus, transition } from '../src/modules/tickets/ticketStates.ts';

type Demo = ReturnType<typeof buildDemoTickets>;
type SeedTicket = Demo['tickets'][number];
type SeedEvent = Demo['events'][number];
type SeedPart = Demo['parts'][number];

interface ReplayedPart {
  kind: DispatchPartKind;
  status: PartStatus;
  version: number;
  dispatchedAt: Date;
  respondBy: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
}

interface Replayed {
  status: TicketStatus;
  /** 1 at intake, +1 per write (a call-back is one write of two events) */
  version: number;
  respondedAt: Date | null;
  feedbackAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  callback: { resolved: boolean; satisfaction: Satisfaction; at: Date } | null;
  parts: Map<DispatchPartKind, ReplayedPart>;
}

const PART_ACTIONS = { ACCEPTED: 'accept', PROGRESS: 'progress', RESOLVED: 'resolve' } as const;

/**
 * Replays one ticket's events as the mutations would have applied them (dispatchTicket, changePart,
 * recordTicketCallback, reopenTicket, mergeTicket), throwing at the first event the live path could not
 * have written. `partKinds` are the parts the ticket has now: the seed never re-dispatches.
 */
function replay(
  ticket: SeedTicket,
  events: SeedEvent[],
  partKinds: DispatchPartKind[],
  callbacks: { resolved: boolean; satisfaction: string; at: Date }[],
  category: { responseHours: number },
): Replayed {
  const fail = (e: SeedEvent, why: string): never => {
    throw new Error(`${ticket.id} event ${e.seq} ${e.type}: ${why}`);
  };
  const moves = (e: SeedEvent, from: TicketStatus | null, to: TicketStatus) => {
    if (e.fromStatus !== from || e.toStatus !== to) fail(e, `records ${e.fromStatus} → ${e.toStatus}; the live path writes ${from} → ${to}`);
  };
  const legal = <R extends { ok: boolean }>(e: SeedEvent, r: R) => (r.ok ? (r as Extract<R, { ok: true }>) : fail(e, `illegal: ${JSON.stringify(r)}`));
  const reopenParts = (s: Replayed) => {
    for (const p of s.parts.values()) Object.assign(p, { status: 'DISPATCHED', acceptedAt: null, resolvedAt: null, version: p.version + 1 });
  };

  const first = events[0];
  if (!first || first.type !== 'RECEIVED') throw new Error(`${ticket.id}: the history does not start with RECEIVED`);
  moves(first, null, 'RECEIVED');
  const s: Replayed = { status: 'RECEIVED', version: 1, respondedAt: null, feedbackAt: null, resolvedAt: null, closedAt: null, callback: null, parts: new Map() };
  for (let i = 1; i < events.length; i++) {
    const e = events[i]!;
    if (e.at < events[i - 1]!.at) fail(e, 'happens before the event it follows');
    switch (e.type) {
      case 'DISPATCHED': {
        const next = legal(e, transition(s.status, 'dispatch')).next;
        if ([...s.parts.values()].some((p) => p.status !== 'DISPATCHED')) fail(e, 're-dispatch of a part already taken');
        moves(e, s.status, next);
        s.parts = new Map(partKinds.map((kind) => [kind, { kind, status: 'DISPATCHED', version: 1, dispatchedAt: e.at, respondBy: deadlinesFor(e.at, category).respondBy, acceptedAt: null, resolvedAt: null }]));
        s.status = next;
        break;
      }
      case 'ACCEPTED':
      case 'PROGRESS':
      case 'RESOLVED': {
        const action = PART_ACTIONS[e.type];
        // changePart always names its part (STREET when the caller gives none)
        const part = e.partKind ? s.parts.get(e.partKind as DispatchPartKind) : undefined;
        if (!part) fail(e, `names part ${e.partKind}, which the ticket does not have`);
        part!.status = legal(e, partTransition(part!.status, action)).next;
        part!.version++;
        if (action === 'accept') part!.acceptedAt = e.at;
        if (action === 'resolve') part!.resolvedAt = e.at;
        const next = ticketStatusFromParts([...s.parts.values()]);
        moves(e, s.status, next);
        if (action === 'accept') s.respondedAt ??= e.at;
        else s.feedbackAt ??= e.at;
        if (next === 'RESOLVED') s.resolvedAt = e.at;
        s.status = next;
        break;
      }
      case 'CALLED_BACK': {
        const survey = callbacks.find((c) => c.at.getTime() === e.at.getTime());
        if (!survey) fail(e, 'has no call-back survey at its time');
        const answer = { resolved: survey!.resolved, satisfaction: survey!.satisfaction as Satisfaction };
        const next = legal(e, transition(s.status, 'recordCallback', answer)).next;
        // the call-back itself: RESOLVED → CALLED_BACK, whatever the answer
        moves(e, s.status, 'CALLED_BACK');
        // recordTicketCallback writes its two events in one write, at one time
        const second = events[++i];
        if (!second || second.at.getTime() !== e.at.getTime()) fail(e, 'is not followed, at the same time, by the CLOSED or REOPENED event of the same write');
        if (callbackReopens(answer)) {
          if (second!.type !== 'REOPENED') fail(second!, 'an unsatisfied call-back writes REOPENED');
          // then the reopening, from CALLED_BACK to where the state machine sends an unsatisfied answer
          moves(second!, 'CALLED_BACK', next);
          reopenParts(s);
          s.resolvedAt = null;
          s.status = next;
        } else {
          if (second!.type !== 'CLOSED') fail(second!, 'a satisfied call-back writes CLOSED');
          const closed = legal(second!, transition(next, 'close')).next;
          moves(second!, 'CALLED_BACK', closed);
          s.closedAt = e.at;
          s.status = closed;
        }
        s.callback = { ...answer, at: e.at };
        break;
      }
      case 'REOPENED': {
        const next = legal(e, transition(s.status, 'reopen')).next;
        moves(e, s.status, next);
        reopenParts(s);
        Object.assign(s, { status: next, resolvedAt: null, closedAt: null });
        break;
      }
      case 'MERGED': {
        const next = legal(e, transition(s.status, 'merge')).next;
        moves(e, s.status, next);
        s.status = next;
        break;
      }
      default:
        fail(e, 'is not an event any mutation writes');
    }
    s.version++;
  }
  return s;
}

const NOW = new Date('2026-12-02T04:00:00Z');

describe.each([480, 3000])('the seeded history of %i demo tickets', (count) => {
  const org = buildDemoData();
  const demo = buildDemoTickets(org, NOW, count, ['王', '李', '张'], ['伟', '芳', '娜']);
  const categories = new Map(demo.categories.map((c) => [c.id, c]));
  const byTicket = <T extends { ticketId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.ticketId, [...(map.get(r.ticketId) ?? []), r]);
    return map;
  };
  const eventsOf = byTicket(demo.events);
  const partsOf = byTicket(demo.parts);
  const callbacksOf = byTicket(demo.callbacks);
  const history = (t: SeedTicket) => [...(eventsOf.get(t.id) ?? [])].sort((a, b) => a.seq - b.seq);
  const replayOf = (t: SeedTicket) =>
    replay(t, history(t), (partsOf.get(t.id) ?? []).map((p) => p.kind as DispatchPartKind), callbacksOf.get(t.id) ?? [], categories.get(t.categoryId)!);

  it('builds the tickets asked for, each with a history (so the loops below cannot pass on nothing)', () => {
    expect(demo.tickets).toHaveLength(count);
    expect(demo.tickets.filter((t) => history(t).length === 0).map((t) => t.id)).toEqual([]);
    expect(demo.events.length).toBeGreaterThan(count);
  });

  it('numbers each ticket’s events 1..n, all in the past', () => {
    for (const t of demo.tickets) {
      const seqs = history(t).map((e) => e.seq);
      expect(seqs, t.id).toEqual(seqs.map((_, i) => i + 1));
      expect(history(t).every((e) => e.at <= NOW), t.id).toBe(true);
    }
  });

  it('is, for every ticket, a sequence of writes the live path could have made', () => {
    const refused = demo.tickets.flatMap((t) => {
      try {
        replayOf(t);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    expect(refused.slice(0, 5)).toEqual([]);
  });

  it('leaves each ticket row as its history would: status, version, response, feedback, resolution, closure, call-back', () => {
    for (const t of demo.tickets) {
      const s = replayOf(t);
      expect({
        status: t.status, version: t.version, respondedAt: t.respondedAt, feedbackAt: t.feedbackAt, resolvedAt: t.resolvedAt, closedAt: t.closedAt,
        callback: t.callbackAt ? { resolved: t.callbackResolved, satisfaction: t.callbackSatisfaction, at: t.callbackAt } : null,
      }, t.id).toEqual({
        status: s.status, version: s.version, respondedAt: s.respondedAt, feedbackAt: s.feedbackAt, resolvedAt: s.resolvedAt, closedAt: s.closedAt, callback: s.callback,
      });
      expect((callbacksOf.get(t.id) ?? []).length, t.id).toBe(history(t).filter((e) => e.type === 'CALLED_BACK').length);
    }
  });

  it('leaves each part as its history would', () => {
    for (const t of demo.tickets) {
      const s = replayOf(t);
      const parts = (partsOf.get(t.id) ?? []).map((p: SeedPart) => ({
        kind: p.kind, status: p.status, version: p.version,
        dispatchedAt: p.dispatchedAt, respondBy: p.respondBy, acceptedAt: p.acceptedAt, resolvedAt: p.resolvedAt,
      }));
      expect(parts.sort((a, b) => a.kind.localeCompare(b.kind)), t.id).toEqual([...s.parts.values()].sort((a, b) => a.kind.localeCompare(b.kind)));
    }
  });

  it('gives each ticket the deadlines and the number intake would', () => {
    for (const t of demo.tickets) {
      const d = deadlinesFor(t.receivedAt, categories.get(t.categoryId)!);
      expect({ respondBy: t.respondBy, feedbackBy: t.feedbackBy, resolveBy: t.resolveBy }, t.id).toEqual({ respondBy: d.respondBy, feedbackBy: d.feedbackBy, resolveBy: d.resolveBy ?? null });
      expect(history(t)[0]!.at, t.id).toEqual(t.receivedAt);
      expect(t.number.slice(0, 8), t.id).toBe(beijingDateOf(t.receivedAt));
    }
  });

  it('places every event in the hub’s log once, in time order, in its ticket’s feeds', () => {
    const logged = [...demo.events].sort((a, b) => a.position - b.position);
    expect(logged.map((e) => e.position)).toEqual(logged.map((_, i) => i + 1));
    for (let i = 1; i < logged.length; i++) expect(logged[i]!.at >= logged[i - 1]!.at, `position ${logged[i]!.position}`).toBe(true);
    const place = new Map(demo.tickets.map((t) => [t.id, { streetId: t.streetId, districtId: t.districtId }]));
    for (const e of demo.events) expect({ streetId: e.streetId, districtId: e.districtId }, e.id).toEqual(place.get(e.ticketId));
  });

  it('covers the paths worth showing: open, dual, closed and reopened by an unsatisfied call-back', () => {
    const statuses = new Set(demo.tickets.map((t) => t.status));
    for (const status of ['DISPATCHED', 'IN_PROGRESS', 'CLOSED']) expect(statuses).toContain(status);
    expect(demo.events.filter((e) => e.type === 'REOPENED').length).toBeGreaterThan(0);
    expect(demo.events.filter((e) => e.partKind === 'COMMUNITY' && e.type === 'RESOLVED').length).toBeGreaterThan(count / 20);
  });
});
