// What the board mutations share: the write input, the errors, the stale-version conflict of one
// field or item, and finding the case a checklist item belongs to.
import type { Prisma } from '@whistlehub/prisma';
import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import type { builder } from '../../../builder.ts';
import type { Context } from '../../../context.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { idOfType } from '../../../spine/globalIds.ts';
import { lastChange } from '../../../spine/lastChange.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';
import { CaseConflictError, CaseStepError } from '../caseErrors.ts';

type FieldBuilder = Parameters<Parameters<typeof builder.mutationField>[1]>[0];

export const clientMutationIdInput = (t: FieldBuilder) => ({ clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }) });

export const CASE_ERRORS = [NotFoundError, CaseConflictError, CaseStepError, InputValidationError];

/** Validates `shape` and the client mutation id; with `oneOf`, exactly one of those input fields must be given (the issue on the first). */
export const validated = <S extends z.ZodRawShape>(shape: S, input: unknown, oneOf?: readonly string[]) =>
  validateInput(
    z.object({ ...shape, clientMutationId: clientMutationIdSchema }).passthrough().superRefine((v, c) => {
      if (oneOf && oneOf.filter((k) => v[k] != null && v[k] !== '').length !== 1) c.addIssue({ code: 'custom', path: [oneOf[0]!], message: `give exactly one of ${oneOf.join(', ')}` });
    }),
    input,
  );

export const caseIdOf = (id: string | number) => idOfType('Case', id);

/** The typed conflict of a stale write to `target` (a field, or item:<id>): its value and version now, who changed it last and when. */
export async function conflictOn(tx: Prisma.TransactionClient, caseId: string, target: string, currentValue: string | null, currentVersion: number) {
  const last = await tx.caseEvent.findFirst({ where: { caseId, target }, orderBy: { seq: 'desc' }, select: { at: true, actorId: true } });
  const { changedAt, changedBy } = await lastChange(tx, last);
  return new CaseConflictError(target, currentValue, currentVersion, changedAt, changedBy);
}

/** The case a checklist item (by id) belongs to; NotFound for an unknown item. */
export async function caseOfItem(ctx: Context, itemId: string) {
  const item = await ctx.prisma.caseChecklistItem.findUnique({ where: { id: itemId }, select: { caseId: true } });
  if (!item) throw new NotFoundError('CaseChecklistItem', itemId);
  return item.caseId;
}

/** The live checklist item of a loaded case, or the typed refusal for a removed or unknown one. */
export function itemOf<I extends { id: string }>(items: readonly I[], itemId: string): I {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw new CaseStepError('ITEM_REMOVED', itemId);
  return item;
}
