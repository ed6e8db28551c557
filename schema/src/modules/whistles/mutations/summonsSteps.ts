// The department's steps on its own summons — acknowledge, check in, report, ask to send it back —
// in the one write path. Each settles the clocks it meets: in time → the deadline is cancelled; late
// and not yet fired → it fires here, once (whistleEscalation.ts).
import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import type { Context } from '../../../context.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';
import { LngLatInput } from '../../org/enums.ts';
import { SummonsResultEnum } from '../enums.ts';
import { judgeCheckIn } from '../whistleCheckIn.ts';
import { returnDecisionDeadline } from '../whistleDeadlines.ts';
import { WhistleConflictError, WhistleStepError } from '../whistleErrors.ts';
import { settleDeadline } from '../whistleEscalation.ts';
import { WhistleMutationSuccess, whistlePayload } from '../WhistleMutationSuccess.ts';
import { mayPerform, type WhistleAction } from '../whistlePolicy.ts';
import { stageAfterCheckIn, summonsStep, type SummonsStep } from '../whistleStates.ts';
import { changeWhistle, idOf, orRefused, type WhistleChange, type WhistleForWrite } from '../whistleStore.ts';

type Summons = WhistleForWrite['summonses'][number];

/** Runs a department step on a summons: finds its whistle, then the shared write path with the step's rule. */
export async function changeSummons(
  ctx: Context,
  mutation: string,
  input: { summonsId: string | number; expectedVersion?: number | null; clientMutationId?: string | null },
  action: WhistleAction & SummonsStep,
  decide: (w: WhistleForWrite, s: Summons, now: Date, tx: Parameters<Parameters<typeof changeWhistle>[2]>[2]) => Promise<WhistleChange>,
) {
  const summonsId = idOf('WhistleSummons', input.summonsId);
  const ref = await ctx.prisma.whistleSummons.findUnique({ where: { id: summonsId }, select: { whistleId: true } });
  if (!ref) throw new NotFoundError('WhistleSummons', String(input.summonsId));
  return changeWhistle(
    ctx,
    {
      mutation, input, clientMutationId: input.clientMutationId, id: ref.whistleId, clientId: String(input.summonsId), expectedVersion: input.expectedVersion,
      authorize: (w) => mayPerform(ctx.viewer, action, w, w.summonses.find((s) => s.id === summonsId)),
    },
    async (w, now, tx) => {
      const s = w.summonses.find((x) => x.id === summonsId)!;
      orRefused(summonsStep(w.stage, s, action));
      return decide(w, s, now, tx);
    },
  );
}

const deadline = (s: Summons, kind: 'ACK' | 'ON_SITE') => s.deadlines.find((d) => d.kind === kind);

const baseInput = (t: Parameters<Parameters<typeof builder.mutationField>[1]>[0]) => ({
  summonsId: t.input.id({ description: 'Global id of your WhistleSummons.' }),
  expectedVersion: t.input.int({ required: false, description: 'The whistle version the caller saw; a newer one is a conflict.' }),
  clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
});

const ERRORS = [NotFoundError, WhistleStepError, WhistleConflictError, InputValidationError];

builder.mutationField('acknowledgeSummons', (t) =>
  t.fieldWithInput({
    description: "A summoned department acknowledges the whistle (its first clock). Only the department's own officers; after the deadline it counts as late (and is escalated once).",
    authScopes: { signedIn: true },
    input: baseInput(t),
    type: WhistleMutationSuccess,
    errors: whistlePayload('AcknowledgeSummons', ERRORS),
    resolve: async (_root, args, ctx) => {
      await validateInput(z.object({ clientMutationId: clientMutationIdSchema }).passthrough(), args.input);
      return changeSummons(ctx, 'acknowledgeSummons', args.input, 'acknowledge', async (w, s, now, tx) => {
        const escalated = await settleDeadline(tx, deadline(s, 'ACK'), w, now);
        return {
          data: {},
          events: [...escalated, { type: 'ACKNOWLEDGED', summonsId: s.id }],
          also: (tx2) => tx2.whistleSummons.update({ where: { id: s.id }, data: { acknowledgedAt: now, acknowledgedById: ctx.viewer?.userId ?? null } }),
        };
      });
    },
  }),
);

builder.mutationField('checkIn', (t) =>
  t.fieldWithInput({
    description:
      "A summoned department checks in on site with its coordinates (its second clock; acknowledges too if it had not). A check-in farther than the allowed distance (500 m by default) from the whistle's location is recorded and flagged. Once per summons.",
    authScopes: { signedIn: true },
    input: { ...baseInput(t), location: t.input.field({ type: LngLatInput, description: 'Where the officer is.' }) },
    type: WhistleMutationSuccess,
    errors: whistlePayload('CheckIn', ERRORS),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(
        z.object({ location: z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }), clientMutationId: clientMutationIdSchema }).passthrough(),
        args.input,
      );
      return changeSummons(ctx, 'checkIn', args.input, 'checkIn', async (w, s, now, tx) => {
        const judged = judgeCheckIn([w.lng, w.lat], [input.location.lng, input.location.lat]);
        const acked = s.acknowledgedAt != null;
        const escalated = [...(acked ? [] : await settleDeadline(tx, deadline(s, 'ACK'), w, now)), ...(await settleDeadline(tx, deadline(s, 'ON_SITE'), w, now))];
        const stage = stageAfterCheckIn(w.stage);
        return {
          data: stage !== w.stage ? { stage } : {},
          events: [
            ...escalated,
            ...(acked ? [] : [{ type: 'ACKNOWLEDGED', summonsId: s.id }]),
            { type: 'CHECKED_IN', summonsId: s.id, note: `${judged.distanceM} m${judged.flagged ? ' (flagged: too far)' : ''}` },
            ...(stage !== w.stage ? [{ type: 'STAGE_CHANGED', note: stage }] : []),
          ],
          also: (tx2) =>
            tx2.whistleSummons.update({
              where: { id: s.id },
              data: {
                ...(acked ? {} : { acknowledgedAt: now, acknowledgedById: ctx.viewer?.userId ?? null }),
                checkedInAt: now, checkedInById: ctx.viewer?.userId ?? null, checkInLng: input.location.lng, checkInLat: input.location.lat,
                checkInDistanceM: judged.distanceM, checkInFlagged: judged.flagged,
              },
            }),
        };
      });
    },
  }),
);

builder.mutationField('fileReport', (t) =>
  t.fieldWithInput({
    description: "A summoned department reports what it did and the outcome. The lead's report is one of the two conditions of closing.",
    authScopes: { signedIn: true },
    input: {
      ...baseInput(t),
      report: t.input.string({ description: 'What was done (2–4000 characters).' }),
      result: t.input.field({ type: SummonsResultEnum, description: 'Resolved, partly, or not.' }),
    },
    type: WhistleMutationSuccess,
    errors: whistlePayload('FileReport', ERRORS),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(z.object({ report: z.string().trim().min(2).max(4000), clientMutationId: clientMutationIdSchema }).passthrough(), args.input);
      return changeSummons(ctx, 'fileReport', args.input, 'report', async (_w, s, now) => ({
        data: {},
        events: [{ type: 'REPORTED', summonsId: s.id, note: input.report }],
        also: (tx) => tx.whistleSummons.update({ where: { id: s.id }, data: { report: input.report, result: args.input.result, reportedAt: now } }),
      }));
    },
  }),
);

builder.mutationField('returnSummons', (t) =>
  t.fieldWithInput({
    description:
      "退单: an assisting department says the case is not its duty, with a reason. The district platform decides (decideSummonsReturn) on its own clock (the tier's returnDecisionMinutes; a late decision is escalated once); meanwhile the department's clocks keep running. The lead cannot return; once on site it is too late to.",
    authScopes: { signedIn: true },
    input: { ...baseInput(t), reason: t.input.string({ description: 'Why it is not this department’s duty (4–2000 characters).' }) },
    type: WhistleMutationSuccess,
    errors: whistlePayload('ReturnSummons', ERRORS),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(z.object({ reason: z.string().trim().min(4).max(2000), clientMutationId: clientMutationIdSchema }).passthrough(), args.input);
      return changeSummons(ctx, 'returnSummons', args.input, 'requestReturn', async (w, s, now, tx) => {
        const tier = await tx.whistleTier.findUniqueOrThrow({ where: { districtId_tier: { districtId: w.districtId, tier: w.tier } }, select: { returnDecisionMinutes: true } });
        return {
          data: {},
          events: [{ type: 'RETURN_REQUESTED', summonsId: s.id, note: input.reason }],
          also: async (tx2) => {
            await tx2.whistleSummons.update({ where: { id: s.id }, data: { returnReason: input.reason, returnRequestedAt: now, returnDecision: 'PENDING', returnDecisionLate: false } });
            // the platform's own clock; a second request (after a rejection) restarts it
            const due = returnDecisionDeadline(tier, now);
            await tx2.whistleDeadline.upsert({
              where: { summonsId_kind: { summonsId: s.id, kind: 'RETURN_DECISION' } },
              create: { summonsId: s.id, whistleId: w.id, ...due },
              update: { dueAt: due.dueAt, state: 'PENDING', firedAt: null },
            });
          },
        };
      });
    },
  }),
);
