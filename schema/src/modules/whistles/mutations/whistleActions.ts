// The street's and the platform's actions on a whistle: close (终场哨), supervise (监督哨), rate a
// department (下评上), decide a return (退单) — each in the one write path.
import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';
import { CloseConditionsError, NotSummonedError, RatingWindowError, WhistleConflictError, WhistleStepError } from '../whistleErrors.ts';
import { cancelDeadlines, settleDeadline } from '../whistleEscalation.ts';
import { WhistleMutationSuccess, whistlePayload } from '../WhistleMutationSuccess.ts';
import { mayPerform } from '../whistlePolicy.ts';
import { closeProblems, evaluationClosesAt, ratingProblem } from '../whistleStates.ts';
import { changeWhistle, idOf } from '../whistleStore.ts';
import { changeSummons } from './summonsSteps.ts';

const note = z.string().trim().max(2000).nullish();

builder.mutationField('closeWhistle', (t) =>
  t.fieldWithInput({
    description:
      "Closes the whistle (终场哨): needs the lead department's report and the street's confirmation (`confirm: true`). Cancels the clocks still running and opens the evaluation window (7 days).",
    authScopes: { signedIn: true },
    input: {
      whistleId: t.input.id({ description: 'Global id of the whistle.' }),
      confirm: t.input.boolean({ description: "The street confirms the problem is handled." }),
      note: t.input.string({ required: false, description: 'A closing note (up to 2000 characters).' }),
      expectedVersion: t.input.int({ required: false, description: 'The version the caller saw; a newer one is a conflict.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: WhistleMutationSuccess,
    errors: whistlePayload('CloseWhistle', [NotFoundError, CloseConditionsError, WhistleConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(z.object({ note, clientMutationId: clientMutationIdSchema }).passthrough(), args.input);
      return changeWhistle(
        ctx,
        { mutation: 'closeWhistle', input: args.input, clientMutationId: input.clientMutationId, id: idOf('Whistle', args.input.whistleId), clientId: String(args.input.whistleId), expectedVersion: args.input.expectedVersion, authorize: (w) => mayPerform(ctx.viewer, 'close', w) },
        (w, now) => {
          const missing = closeProblems(w.stage, w.summonses, args.input.confirm);
          if (missing.length) throw new CloseConditionsError(missing);
          return {
            data: { stage: 'CLOSE', confirmedAt: now, closedAt: now, evaluationClosesAt: evaluationClosesAt(now) },
            events: [{ type: 'CLOSED', note: input.note ?? null }],
            also: (tx) => cancelDeadlines(tx, w.summonses.map((s) => s.id)),
          };
        },
      );
    },
  }),
);

builder.mutationField('superviseFollowUp', (t) =>
  t.fieldWithInput({
    description: 'Records the follow-up (监督哨) of a closed whistle: whether the problem stayed solved. Moves it to SUPERVISE.',
    authScopes: { signedIn: true },
    input: {
      whistleId: t.input.id({ description: 'Global id of the whistle.' }),
      note: t.input.string({ description: 'What the follow-up found (2–2000 characters).' }),
      expectedVersion: t.input.int({ required: false, description: 'The version the caller saw; a newer one is a conflict.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: WhistleMutationSuccess,
    errors: whistlePayload('SuperviseFollowUp', [NotFoundError, WhistleStepError, WhistleConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(z.object({ note: z.string().trim().min(2).max(2000), clientMutationId: clientMutationIdSchema }).passthrough(), args.input);
      return changeWhistle(
        ctx,
        { mutation: 'superviseFollowUp', input: args.input, clientMutationId: input.clientMutationId, id: idOf('Whistle', args.input.whistleId), clientId: String(args.input.whistleId), expectedVersion: args.input.expectedVersion, authorize: (w) => mayPerform(ctx.viewer, 'supervise', w) },
        (w, now) => {
          if (w.stage === 'SUPERVISE') throw new WhistleStepError('ALREADY_SUPERVISED');
          if (w.stage !== 'CLOSE') throw new WhistleStepError('NOT_CLOSED');
          return { data: { stage: 'SUPERVISE', supervisedAt: now }, events: [{ type: 'SUPERVISED', note: input.note }] };
        },
      );
    },
  }),
);

const score = z.number().int().min(1).max(5);

builder.mutationField('rateDepartment', (t) =>
  t.fieldWithInput({
    description: "The street rates one summoned department for this whistle (下评上): timeliness, effectiveness, attitude, 1–5 each, with a comment; inside the window opened at close, once per department.",
    authScopes: { signedIn: true },
    input: {
      whistleId: t.input.id({ description: 'Global id of the whistle.' }),
      departmentCode: t.input.string({ description: 'The summoned department, e.g. 110101-CGZF.' }),
      timeliness: t.input.int({ description: '1–5: did it come in time?' }),
      effectiveness: t.input.int({ description: '1–5: did it solve its part?' }),
      attitude: t.input.int({ description: '1–5: how did it work with the street?' }),
      comment: t.input.string({ required: false, description: 'Up to 2000 characters.' }),
      expectedVersion: t.input.int({ required: false, description: 'The version the caller saw; a newer one is a conflict.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: WhistleMutationSuccess,
    errors: whistlePayload('RateDepartment', [NotFoundError, NotSummonedError, RatingWindowError, WhistleConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(z.object({ timeliness: score, effectiveness: score, attitude: score, comment: note, clientMutationId: clientMutationIdSchema }).passthrough(), args.input);
      return changeWhistle(
        ctx,
        { mutation: 'rateDepartment', input: args.input, clientMutationId: input.clientMutationId, id: idOf('Whistle', args.input.whistleId), clientId: String(args.input.whistleId), expectedVersion: args.input.expectedVersion, authorize: (w) => mayPerform(ctx.viewer, 'rate', w) },
        (w, now) => {
          const s = w.summonses.find((x) => x.department.code === args.input.departmentCode);
          if (!s) throw new NotSummonedError(args.input.departmentCode);
          const problem = ratingProblem(w, { returnDecision: s.returnDecision, rated: s.evaluation != null }, now);
          if (problem) throw new RatingWindowError(problem);
          return {
            data: {},
            events: [{ type: 'RATED', summonsId: s.id }],
            also: (tx) =>
              tx.evaluation.create({
                data: { summonsId: s.id, whistleId: w.id, departmentId: s.departmentId, timeliness: input.timeliness, effectiveness: input.effectiveness, attitude: input.attitude, comment: input.comment ?? null, ratedById: ctx.viewer?.userId ?? null, at: now },
              }),
          };
        },
      );
    },
  }),
);

builder.mutationField('decideSummonsReturn', (t) =>
  t.fieldWithInput({
    description: "The district platform decides a 退单 request: accepted, the summons is out of the whistle (its clocks stop, it is not rated or ranked, and the figures show it was sent to the wrong department); rejected, the department stays summoned and its clocks keep running.",
    authScopes: { signedIn: true },
    input: {
      summonsId: t.input.id({ description: 'Global id of the WhistleSummons.' }),
      accept: t.input.boolean({ description: 'true: not its duty; false: it is.' }),
      note: t.input.string({ required: false, description: 'Why (up to 2000 characters).' }),
      expectedVersion: t.input.int({ required: false, description: 'The version the caller saw; a newer one is a conflict.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: WhistleMutationSuccess,
    errors: whistlePayload('DecideSummonsReturn', [NotFoundError, WhistleStepError, WhistleConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(z.object({ note, clientMutationId: clientMutationIdSchema }).passthrough(), args.input);
      const summonsId = idOf('WhistleSummons', args.input.summonsId);
      const ref = await ctx.prisma.whistleSummons.findUnique({ where: { id: summonsId }, select: { whistleId: true } });
      if (!ref) throw new NotFoundError('WhistleSummons', String(args.input.summonsId));
      return changeWhistle(
        ctx,
        { mutation: 'decideSummonsReturn', input: args.input, clientMutationId: input.clientMutationId, id: ref.whistleId, clientId: String(args.input.summonsId), expectedVersion: args.input.expectedVersion, authorize: (w) => mayPerform(ctx.viewer, 'decideReturn', w) },
        async (w, now, tx) => {
          const s = w.summonses.find((x) => x.id === summonsId)!;
          if (s.returnDecision !== 'PENDING') throw new WhistleStepError('NO_RETURN_REQUEST');
          const decision = args.input.accept ? 'ACCEPTED' : 'REJECTED';
          // the platform's own clock: met in time it is cancelled, met late it is escalated once
          const escalated = await settleDeadline(tx, s.deadlines.find((d) => d.kind === 'RETURN_DECISION'), w, now);
          return {
            data: {},
            events: [...escalated, { type: 'RETURN_DECIDED', summonsId: s.id, note: `${decision}${input.note ? `: ${input.note}` : ''}` }],
            also: async (tx) => {
              await tx.whistleSummons.update({ where: { id: s.id }, data: { returnDecision: decision, returnDecidedAt: now } });
              if (args.input.accept) await cancelDeadlines(tx, [s.id]);
            },
          };
        },
      );
    },
  }),
);

