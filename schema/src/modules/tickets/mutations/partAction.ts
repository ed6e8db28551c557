// Accept, progress and resolve act on one dispatch part and derive the ticket's status from its parts.
import type { Context } from '../../../context.ts';
import { IllegalTransitionError } from '../ticketErrors.ts';
import { changeTicket, orIllegal } from '../ticketWrites.ts';
import { type DispatchPartKind, partTransition, ticketStatusFromParts } from '../ticketDispatch.ts';

/** Applies accept / progress / resolve to one part of a ticket, in the one write path. */
export function changePart(
  ctx: Context,
  input: { id: string | number; expectedVersion?: number | null; part?: DispatchPartKind | null; note?: string | null },
  action: 'accept' | 'progress' | 'resolve',
) {
  const kind = input.part ?? 'STREET';
  return changeTicket(ctx, { id: input.id, expectedVersion: input.expectedVersion, action, part: kind }, (ticket, now) => {
    const part = ticket.parts.find((p) => p.kind === kind);
    if (!part) throw new IllegalTransitionError(ticket.status, action);
    const next = orIllegal(partTransition(part.status, action)).next;
    const parts = ticket.parts.map((p) => (p.id === part.id ? { ...p, status: next } : p));
    const status = ticketStatusFromParts(parts);
    const allResolved = status === 'RESOLVED';
    return {
      data: {
        status,
        ...(action === 'accept' && !ticket.respondedAt ? { respondedAt: now } : {}),
        // an interim answer to the resident, or the outcome, is the 48-hour feedback
        ...(action !== 'accept' && !ticket.feedbackAt ? { feedbackAt: now } : {}),
        ...(allResolved ? { resolvedAt: now } : {}),
      },
      events: [{ type: { accept: 'ACCEPTED', progress: 'PROGRESS', resolve: 'RESOLVED' }[action], partKind: kind, fromStatus: ticket.status, toStatus: status, note: input.note ?? null }],
      also: (tx) =>
        tx.ticketPart.update({
          where: { id: part.id },
          data: {
            status: next,
            version: { increment: 1 },
            ...(action === 'accept' ? { acceptedAt: now } : {}),
            ...(action === 'resolve' ? { resolvedAt: now } : {}),
          },
        }),
    };
  });
}
