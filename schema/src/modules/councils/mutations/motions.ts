// Motions and ballots: propose with the rule stored on the motion, open (the electorate and the
// attendance are snapshotted), vote (named: changeable until close, every submission in the history;
// secret: one submission, the choice stored apart from the voter), close (snapshot again, result
// computed by the rules and frozen). The tally is counters on the motion, updated in the ballot's own
// transaction, so every screen's tally is the committed one.
import type { Prisma } from '@whistlehub/prisma';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';
import { BallotError, MotionStepError } from '../councilErrors.ts';
import { mayManageCouncil } from '../councilPolicy.ts';
import { ballotProblem, decideMotion, motionStep, thresholdOfMotion, thresholdProblem, type VoteChoice } from '../councilRules.ts';
import { CouncilMutationSuccess, councilPayload } from '../CouncilMutationSuccess.ts';
import { ElectorateEnum, ThresholdBaseEnum, VoteChoiceEnum, VotePolicyEnum, VoteRuleEnum } from '../enums.ts';
import { placeOf, type MeetingForWrite } from '../meetingStore.ts';
import { BASE_ERRORS, idOf, meetingOf, validated, writeInput, writeMeeting } from './meetingWrites.ts';

const FractionInput = builder.inputType('FractionInput', {
  description: 'A fraction n/d.',
  fields: (t) => ({ numerator: t.int({ description: 'n ≥ 0' }), denominator: t.int({ description: 'd ≥ 1' }) }),
});

const fraction = z.object({ numerator: z.number().int().min(0).max(1000), denominator: z.number().int().min(1).max(1000) });

builder.mutationField('proposeMotion', (t) =>
  t.fieldWithInput({
    description:
      'Proposes a motion at a meeting (DRAFT), with its rule stored on it: threshold rule (a custom fraction for FRACTION), taken of the ELIGIBLE or of the votes CAST; electorate; quorum (a share of the membership: members, or households); vote policy.',
    authScopes: { signedIn: true },
    input: {
      meetingId: t.input.id({ description: 'Global id of the meeting.' }),
      agendaItemId: t.input.id({ required: false, description: 'Global id of the agenda item it belongs to.' }),
      text: t.input.string({ description: 'What is decided (4–2000 characters).' }),
      rule: t.input.field({ type: VoteRuleEnum, description: 'The threshold rule.' }),
      fraction: t.input.field({ type: FractionInput, required: false, description: 'For FRACTION: n/d with 0 < n/d ≤ 1.' }),
      base: t.input.field({ type: ThresholdBaseEnum, description: 'Of the eligible electors, or of the votes cast.' }),
      electorate: t.input.field({ type: ElectorateEnum, description: 'Who votes.' }),
      quorum: t.input.field({ type: FractionInput, description: 'The share of the membership that must take part, e.g. 1/2.' }),
      policy: t.input.field({ type: VotePolicyEnum, description: 'Named or secret.' }),
      ...writeInput(t),
    },
    type: CouncilMutationSuccess,
    errors: councilPayload('ProposeMotion', [...BASE_ERRORS, MotionStepError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(
        z.object({
          text: z.string().trim().min(4).max(2000),
          fraction: fraction.nullish(),
          quorum: fraction.refine((q) => q.numerator <= q.denominator, 'a quorum is at most the whole membership'),
          clientMutationId: clientMutationIdSchema,
        }).passthrough().superRefine((v, c) => {
          const problem = thresholdProblem(args.input.rule, v.fraction ?? null);
          if (problem) c.addIssue({ code: 'custom', path: ['fraction'], message: problem === 'FRACTION_REQUIRED' ? 'a FRACTION rule needs its fraction' : 'the fraction must be more than 0 and at most 1' });
        }),
        args.input,
      );
      const meetingId = idOf('Meeting', args.input.meetingId);
      const agendaItemId = args.input.agendaItemId ? idOf('AgendaItem', args.input.agendaItemId) : null;
      return writeMeeting(
        ctx,
        { mutation: 'proposeMotion', input: args.input, clientMutationId: input.clientMutationId, meetingId, clientId: String(args.input.meetingId) },
        (m) => mayManageCouncil(ctx.viewer, placeOf(m)),
        async (m, _now, tx) => {
          if (m.status === 'CLOSED') throw new MotionStepError('MOTION_CLOSED');
          if (agendaItemId && !(await tx.agendaItem.findFirst({ where: { id: agendaItemId, meetingId: m.id }, select: { id: true } }))) throw new NotFoundError('AgendaItem', String(args.input.agendaItemId));
          const f = args.input.rule === 'FRACTION' ? args.input.fraction! : null;
          const motion = await tx.motion.create({
            data: {
              meetingId: m.id, agendaItemId, text: input.text, rule: args.input.rule, fractionNumerator: f?.numerator ?? null, fractionDenominator: f?.denominator ?? null,
              base: args.input.base, electorate: args.input.electorate, quorumNumerator: args.input.quorum.numerator, quorumDenominator: args.input.quorum.denominator, policy: args.input.policy,
            },
            select: { id: true },
          });
          return { data: {}, events: [{ type: 'MOTION_PROPOSED', motionId: motion.id }] };
        },
      );
    },
  }),
);

type Tx = Prisma.TransactionClient;

/** The electorate of a motion as it opens: members present, all members, or the households' representatives. */
async function electorateAt(tx: Tx, m: MeetingForWrite, electorate: 'PRESENT' | 'ALL_MEMBERS' | 'HOUSEHOLDS') {
  if (electorate === 'HOUSEHOLDS') {
    const households = await tx.household.findMany({ where: { communityId: m.council.communityId }, select: { id: true, label: true, representativeId: true }, orderBy: { label: 'asc' } });
    return { membership: households.length, electors: households.filter((h) => h.representativeId).map((h) => ({ personId: h.representativeId!, householdId: h.id, label: h.label })) };
  }
  const present = new Set(m.attendance.map((a) => a.personId));
  const seats = m.council.members.filter((s) => electorate === 'ALL_MEMBERS' || present.has(s.personId));
  const persons = await tx.person.findMany({ where: { id: { in: seats.map((s) => s.personId) } }, select: { id: true, name: true }, orderBy: { id: 'asc' } });
  return { membership: m.council.members.length, electors: persons.map((p) => ({ personId: p.id, householdId: null, label: p.name })) };
}

const motionInput = (t: Parameters<Parameters<typeof builder.mutationField>[1]>[0]) => ({ motionId: t.input.id({ description: 'Global id of the motion.' }), ...writeInput(t) });

builder.mutationField('openMotion', (t) =>
  t.fieldWithInput({
    description: 'Opens a motion for votes while the meeting is under way; its electorate and the attendance are snapshotted now.',
    authScopes: { signedIn: true },
    input: motionInput(t),
    type: CouncilMutationSuccess,
    errors: councilPayload('OpenMotion', [...BASE_ERRORS, MotionStepError]),
    resolve: async (_root, args, ctx) => {
      const input = await validated({}, args.input);
      const { meetingId, id } = await meetingOf(ctx, 'motion', args.input.motionId);
      return writeMeeting(
        ctx,
        { mutation: 'openMotion', input: args.input, clientMutationId: input.clientMutationId, meetingId, clientId: String(args.input.motionId) },
        (m) => mayManageCouncil(ctx.viewer, placeOf(m)),
        async (m, now, tx) => {
          const motion = await tx.motion.findUniqueOrThrow({ where: { id }, select: { status: true, electorate: true } });
          const problem = motionStep(m.status, motion.status, 'open');
          if (problem) throw new MotionStepError(problem);
          const { membership, electors } = await electorateAt(tx, m, motion.electorate);
          return {
            data: {},
            events: [{ type: 'MOTION_OPENED', motionId: id, note: `${electors.length}/${membership}` }],
            also: async (tx2) => {
              await tx2.motion.update({ where: { id }, data: { status: 'OPEN', openedAt: now, eligibleAtOpen: electors.length, membershipAtOpen: membership, presentAtOpen: m.attendance.length } });
              await tx2.motionElector.createMany({ data: electors.map((e) => ({ motionId: id, ...e })) });
            },
          };
        },
      );
    },
  }),
);

const COLUMN: Record<VoteChoice, 'yes' | 'no' | 'abstain'> = { YES: 'yes', NO: 'no', ABSTAIN: 'abstain' };

builder.mutationField('castBallot', (t) =>
  t.fieldWithInput({
    description:
      'Votes on an open motion, as the viewer (an elector snapshotted when it opened). NAMED: a second ballot changes the choice until the motion closes (every submission is in the history); SECRET: one submission, its choice stored apart from the voter. The tally updates on every screen.',
    authScopes: { signedIn: true },
    input: { ...motionInput(t), choice: t.input.field({ type: VoteChoiceEnum, description: 'Yes, no or abstain.' }) },
    type: CouncilMutationSuccess,
    errors: councilPayload('CastBallot', [...BASE_ERRORS, BallotError]),
    resolve: async (_root, args, ctx) => {
      const input = await validated({}, args.input);
      const { meetingId, id } = await meetingOf(ctx, 'motion', args.input.motionId);
      const personId = ctx.viewer?.personId ?? null;
      const choice = args.input.choice;
      return writeMeeting(
        ctx,
        { mutation: 'castBallot', input: args.input, clientMutationId: input.clientMutationId, meetingId, clientId: String(args.input.motionId) },
        () => true, // eligibility is the motion's electorate, a typed refusal
        async (m, now, tx) => {
          const motion = await tx.motion.findUniqueOrThrow({ where: { id }, select: { status: true, policy: true } });
          const elector = personId ? await tx.motionElector.findUnique({ where: { motionId_personId: { motionId: id, personId } }, include: { ballot: true } }) : null;
          const problem = ballotProblem(motion.policy, {
            motionOpen: m.status === 'OPEN' && motion.status === 'OPEN',
            eligible: elector != null,
            hasVoted: motion.policy === 'SECRET' ? elector?.votedAt != null : elector?.ballot != null,
          });
          if (problem) throw new BallotError(problem);
          const e = elector!;
          if (motion.policy === 'SECRET') {
            return {
              data: {},
              events: [{ type: 'BALLOT_CAST', motionId: id }],
              also: async (tx2) => {
                // that they voted, not how: the choice goes to a row with no voter
                if ((await tx2.motionElector.updateMany({ where: { id: e.id, votedAt: null }, data: { votedAt: now } })).count !== 1) throw new BallotError('ALREADY_VOTED');
                await tx2.secretBallot.create({ data: { motionId: id, choice } });
                await tx2.motion.update({ where: { id }, data: { [COLUMN[choice]]: { increment: 1 } } });
              },
            };
          }
          const previous = e.ballot?.choice ?? null;
          return {
            data: {},
            events: [{ type: previous ? 'BALLOT_CHANGED' : 'BALLOT_CAST', motionId: id, note: choice }],
            also: async (tx2) => {
              if (previous) {
                await tx2.ballot.update({ where: { id: e.ballot!.id }, data: { choice, changes: { increment: 1 }, at: now } });
                if (previous !== choice) await tx2.motion.update({ where: { id }, data: { [COLUMN[previous]]: { decrement: 1 }, [COLUMN[choice]]: { increment: 1 } } });
              } else {
                await tx2.ballot.create({ data: { motionId: id, electorId: e.id, choice, at: now } });
                await tx2.motion.update({ where: { id }, data: { [COLUMN[choice]]: { increment: 1 } } });
              }
            },
          };
        },
      );
    },
  }),
);

builder.mutationField('closeMotion', (t) =>
  t.fieldWithInput({
    description:
      'Closes an open motion: the electorate and attendance are snapshotted again, the result computed from the rule stored on it (NO_QUORUM when too few took part) and frozen; no ballot is taken after.',
    authScopes: { signedIn: true },
    input: motionInput(t),
    type: CouncilMutationSuccess,
    errors: councilPayload('CloseMotion', [...BASE_ERRORS, MotionStepError]),
    resolve: async (_root, args, ctx) => {
      const input = await validated({}, args.input);
      const { meetingId, id } = await meetingOf(ctx, 'motion', args.input.motionId);
      return writeMeeting(
        ctx,
        { mutation: 'closeMotion', input: args.input, clientMutationId: input.clientMutationId, meetingId, clientId: String(args.input.motionId) },
        (m) => mayManageCouncil(ctx.viewer, placeOf(m)),
        async (m, now, tx) => {
          const motion = await tx.motion.findUniqueOrThrow({ where: { id } });
          const problem = motionStep(m.status, motion.status, 'close');
          if (problem) throw new MotionStepError(problem);
          const decided = decideMotion({
            threshold: thresholdOfMotion(motion),
            base: motion.base,
            eligible: motion.eligibleAtOpen ?? 0,
            membership: motion.membershipAtOpen ?? 0,
            quorum: { numerator: motion.quorumNumerator, denominator: motion.quorumDenominator },
            tally: { yes: motion.yes, no: motion.no, abstain: motion.abstain },
          });
          const eligibleAtClose = await tx.motionElector.count({ where: { motionId: id } });
          return {
            data: {},
            events: [{ type: 'MOTION_CLOSED', motionId: id, note: decided.result }],
            also: (tx2) =>
              tx2.motion.update({ where: { id }, data: { status: 'CLOSED', closedAt: now, result: decided.result, needed: decided.needed, eligibleAtClose, presentAtClose: m.attendance.length } }),
          };
        },
      );
    },
  }),
);
