// What every council mutation shares: the input fields every write takes, and finding the meeting a
// motion, agenda item or action item belongs to before changing it through the meeting aggregate.
import type { Prisma } from '@whistlehub/prisma';
import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import type { builder } from '../../../builder.ts';
import type { Context } from '../../../context.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { idOfType } from '../../../spine/globalIds.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';
import { MeetingConflictError } from '../councilErrors.ts';
import { changeMeeting, type MeetingChange, type MeetingForWrite } from '../meetingStore.ts';

type FieldBuilder = Parameters<Parameters<typeof builder.mutationField>[1]>[0];

/** expectedVersion and clientMutationId, as every council write takes them. */
export const writeInput = (t: FieldBuilder) => ({
  expectedVersion: t.input.int({ required: false, description: 'The meeting version the caller saw; a newer one is a conflict. Leave it out for ballots and check-ins: many hands write at once.' }),
  clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
});

/** The errors every council write can answer with, besides its own. */
export const BASE_ERRORS = [NotFoundError, MeetingConflictError, InputValidationError];

/** Validates an input with `shape` plus the client mutation id (InputValidationError on bad fields). */
export const validated = <S extends z.ZodRawShape>(shape: S, input: unknown) => validateInput(z.object({ ...shape, clientMutationId: clientMutationIdSchema }).passthrough(), input);

/** The id a global id of `typename` stands for (NotFound for another type's id). */
export const idOf = idOfType;

type Child = 'motion' | 'agendaItem' | 'actionItem';
const TYPENAME: Record<Child, string> = { motion: 'Motion', agendaItem: 'AgendaItem', actionItem: 'ActionItem' };

/** The meeting a motion, agenda item or action item (by global id) belongs to; NotFound when there is none. */
export async function meetingOf(ctx: Context, child: Child, globalId: string | number): Promise<{ meetingId: string; id: string }> {
  const id = idOf(TYPENAME[child], globalId);
  const where = { where: { id }, select: { meetingId: true } };
  const row = child === 'motion' ? await ctx.prisma.motion.findUnique(where) : child === 'agendaItem' ? await ctx.prisma.agendaItem.findUnique(where) : await ctx.prisma.actionItem.findUnique(where);
  if (!row) throw new NotFoundError(TYPENAME[child], String(globalId));
  return { meetingId: row.meetingId, id };
}

/** Changes a meeting by its global id, or the meeting of a child, through the aggregate write path. */
export function writeMeeting(
  ctx: Context,
  opts: { mutation: string; input: { expectedVersion?: number | null; clientMutationId?: string | null }; clientMutationId: string | null | undefined; meetingId: string; clientId: string },
  authorize: (m: MeetingForWrite) => boolean,
  decide: (m: MeetingForWrite, now: Date, tx: Prisma.TransactionClient) => MeetingChange | Promise<MeetingChange>,
) {
  return changeMeeting(
    ctx,
    { mutation: opts.mutation, input: opts.input, clientMutationId: opts.clientMutationId, id: opts.meetingId, clientId: opts.clientId, expectedVersion: opts.input.expectedVersion, authorize },
    decide,
  );
}
