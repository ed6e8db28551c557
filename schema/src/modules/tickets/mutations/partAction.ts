// Accept, progress and resolve act on one dispatch part and derive the ticket's status from its parts.
import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import type { Context } from '../../../context.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';
import { DispatchPartKindEnum } from '../enums.ts';
import { IllegalTransitionError, TicketConflictError } from '../ticketErrors.ts';
import { type DispatchPartKind, partTransition, ticketStatusFromParts } from '../ticketDispatch.ts';
import { changeTicket, orIllegal } from '../ticketStore.ts';
import { CLIENT_MUTATION_ID, TicketMutationSuccess, ticketPayload } from '../TicketMutationSuccess.ts';

type PartActionName = 'accept' | 'progress' | 'resolve';

/** Applies accept / progress / resolve to one part of a ticket, in the one write path. */
export function changePart(
  ctx: Context,
  mutation: string,
  input: { id: string | number; expectedVersion?: number | null; part?: DispatchPartKind | null; note?: string | null; clientMutationId?: string | null },
  action: PartActionName,
) {
  const kind = input.part ?? 'STREET';
  return changeTicket(ctx, { mutation, input, clientMutationId: input.clientMutationId, id: input.id, expectedVersion: input.expectedVersion, action, part: kind }, (ticket, now) => {
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

/** Declares one of the three part mutations (their inputs and errors are the same). */
export function partMutation(field: string, action: PartActionName, description: string, note: { required: boolean; description: string }) {
  const payloadName = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  builder.mutationField(field, (t) =>
    t.fieldWithInput({
      description,
      authScopes: { signedIn: true },
      input: {
        id: t.input.id({ description: 'Global id of the ticket.' }),
        part: t.input.field({ type: DispatchPartKindEnum, required: false, description: 'Which part (default STREET).' }),
        expectedVersion: t.input.int({ required: false, description: 'The version the caller saw; a newer one is a conflict.' }),
        note: t.input.string({ required: note.required, description: note.description }),
        clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
      },
      type: TicketMutationSuccess,
      errors: ticketPayload(payloadName, [NotFoundError, IllegalTransitionError, TicketConflictError, InputValidationError]),
      resolve: async (_root, args, ctx) => {
        const noteSchema = note.required ? z.string().trim().min(1).max(2000) : z.string().trim().max(2000).nullish();
        const input = await validateInput(z.object({ note: noteSchema, clientMutationId: clientMutationIdSchema }).passthrough(), args.input);
        return changePart(ctx, field, { ...args.input, note: input.note ?? null }, action);
      },
    }),
  );
}
