// The council types — Council, its seats, Meeting, AgendaItem, Motion (with its rule, live tally,
// "6 of 9 needed" progress and frozen result), ActionItem — and the queries for a community's
// councils and action items. A community's public record: readable by anyone signed in; named
// ballots only as councilPolicy.ts says.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Prisma } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';
import { TicketNode } from '../tickets/Ticket.ts';
import { ticketVisibleTo } from '../tickets/ticketPolicy.ts';
import { whistlesWhereVisibleTo } from '../whistles/whistlePolicy.ts';
import { councilPlace, councilPlaceSelect, mayManageCouncil, maySeeNamedBallots } from './councilPolicy.ts';
import { actionItemOverdue, baseCountOf, progressOf, quorumNeeded, thresholdOfMotion } from './councilRules.ts';
import { ActionItemStatusEnum, CouncilRoleEnum, ElectorateEnum, MeetingStatusEnum, MotionResultEnum, MotionStatusEnum, ThresholdBaseEnum, VoteChoiceEnum, VotePolicyEnum, VoteRuleEnum } from './enums.ts';

const Fraction = builder.objectRef<{ numerator: number; denominator: number }>('Fraction').implement({
  description: 'A fraction n/d (a custom threshold, a quorum).',
  fields: (t) => ({ numerator: t.exposeInt('numerator', { description: 'n' }), denominator: t.exposeInt('denominator', { description: 'd' }) }),
});

const Tally = builder.objectRef<{ yes: number; no: number; abstain: number }>('Tally').implement({
  description: 'The counts of a motion’s ballots (live while open, frozen at close).',
  fields: (t) => ({ yes: t.exposeInt('yes', { description: 'Yes.' }), no: t.exposeInt('no', { description: 'No.' }), abstain: t.exposeInt('abstain', { description: 'Abstain.' }) }),
});

const MotionProgress = builder.objectRef<{ needed: number; yes: number; remaining: number; base: number; quorumNeeded: number; participants: number }>('MotionProgress').implement({
  description: 'Where the vote stands against the rule, for the live "6 of 9 needed".',
  fields: (t) => ({
    needed: t.exposeInt('needed', { description: 'Yes votes the threshold needs of the current base (of the eligible: fixed; of the votes cast: grows with them).' }),
    yes: t.exposeInt('yes', { description: 'Yes votes so far.' }),
    remaining: t.exposeInt('remaining', { description: 'Yes votes still missing (0 when met).' }),
    base: t.exposeInt('base', { description: 'The count the threshold is taken of: eligible electors, or yes + no.' }),
    quorumNeeded: t.exposeInt('quorumNeeded', { description: 'Electors who must take part (any ballot) for a result.' }),
    participants: t.exposeInt('participants', { description: 'Electors who took part so far.' }),
  }),
});

const MyBallot = builder.objectRef<{ eligible: boolean; voted: boolean; choice: 'YES' | 'NO' | 'ABSTAIN' | null }>('MyBallot').implement({
  description: "The viewer's standing on a motion.",
  fields: (t) => ({
    eligible: t.exposeBoolean('eligible', { description: 'In the electorate snapshotted when the motion opened.' }),
    voted: t.exposeBoolean('voted', { description: 'Has voted.' }),
    choice: t.expose('choice', { type: VoteChoiceEnum, nullable: true, description: 'The standing choice on a NAMED motion; always null on a SECRET one (not stored with the voter).' }),
  }),
});

const NamedBallot = builder.objectRef<{ label: string; choice: 'YES' | 'NO' | 'ABSTAIN'; changes: number; at: Date }>('NamedBallot').implement({
  description: 'A recorded ballot of a NAMED motion.',
  fields: (t) => ({
    voter: t.exposeString('label', { description: 'The elector: a member’s name, or a household.' }),
    choice: t.expose('choice', { type: VoteChoiceEnum, description: 'The standing choice.' }),
    changes: t.exposeInt('changes', { description: 'How often it was changed (each submission is in the meeting history).' }),
    at: t.expose('at', { type: 'DateTime', description: 'When the standing choice was given.' }),
  }),
});

export const CouncilNode = builder.prismaNode('Council', {
  id: { field: 'id' },
  description: 'A neighbourhood council (议事厅, e.g. 小院议事厅) of one community.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, e.g. 草厂小院议事厅.' }),
    nameEn: t.exposeString('nameEn', { description: 'Its English name.' }),
    community: t.relation('community', { description: 'The community.' }),
    members: t.relation('members', { description: 'Its seats, chair first.', query: () => ({ orderBy: [{ role: 'asc' }, { since: 'asc' }] }) }),
    meetings: t.relation('meetings', {
      description: 'Its meetings by time; `upcoming: true` only those not yet closed, soonest first.',
      args: { upcoming: t.arg.boolean({ required: false, description: 'Only meetings not yet closed, soonest first.' }) },
      query: (args) => (args.upcoming ? { where: { status: { not: 'CLOSED' } }, orderBy: { startsAt: 'asc' } } : { orderBy: { startsAt: 'desc' } }),
    }),
    households: t.int({ description: 'Households of the community (the electorate of a HOUSEHOLDS motion).', select: { community: { select: { _count: { select: { households: true } } } } }, resolve: (c) => c.community._count.households }),
    viewerMayManage: t.boolean({ description: 'Whether the viewer runs its meetings (chair, vice-chair, the street office, admins).', select: councilPlaceSelect, resolve: (c, _a, ctx) => mayManageCouncil(ctx.viewer, councilPlace(c)) }),
  }),
});

builder.prismaObject('CouncilMember', {
  description: 'A seat on a council.',
  fields: (t) => ({
    personId: t.id({ description: 'Global id of the Person (for checkInAttendee and addActionItem).', select: { personId: true }, resolve: (m) => encodeGlobalID('Person', m.personId) }),
    name: t.string({ description: 'The member’s name.', select: { person: { select: { name: true } } }, resolve: (m) => m.person.name }),
    role: t.expose('role', { type: CouncilRoleEnum, description: 'Chair, vice-chair or member.' }),
    alleySteward: t.exposeBoolean('alleySteward', { description: 'An alley steward (小巷管家).' }),
    since: t.expose('since', { type: 'DateTime', description: 'Member since.' }),
    isViewer: t.boolean({ description: 'The seat is the viewer’s.', select: { personId: true }, resolve: (m, _a, ctx) => ctx.viewer?.personId === m.personId }),
  }),
});

builder.prismaObject('MeetingAttendance', {
  description: 'A person present at a meeting.',
  fields: (t) => ({
    personId: t.id({ description: 'Global id of the Person.', select: { personId: true }, resolve: (a) => encodeGlobalID('Person', a.personId) }),
    name: t.string({ description: 'Who.', select: { person: { select: { name: true } } }, resolve: (a) => a.person.name }),
    at: t.expose('at', { type: 'DateTime', description: 'When they checked in.' }),
  }),
});

export const MeetingNode = builder.prismaNode('Meeting', {
  id: { field: 'id' },
  description: 'A council meeting: agenda, attendance, motions with live tallies, minutes and action items. A versioned aggregate with its own history (seq).',
  authScopes: { signedIn: true },
  fields: (t) => ({
    council: t.relation('council', { description: 'The council.' }),
    title: t.exposeString('title', { description: 'What it is about.' }),
    startsAt: t.expose('startsAt', { type: 'DateTime', description: 'When it starts.' }),
    place: t.exposeString('place', { description: 'Where.' }),
    status: t.expose('status', { type: MeetingStatusEnum, description: 'Scheduled, open or closed.' }),
    openedAt: t.expose('openedAt', { type: 'DateTime', nullable: true, description: 'When it was opened.' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When it was closed.' }),
    minutes: t.exposeString('minutes', { nullable: true, description: 'The minutes’ decisions, written at close.' }),
    version: t.exposeInt('version', { description: 'Bumped by every write; pass it back to detect concurrent edits.' }),
    agenda: t.relation('agenda', { description: 'The agenda in order.', query: () => ({ orderBy: { position: 'asc' } }) }),
    attendance: t.relation('attendance', { description: 'Who is present, in order of arrival.', query: () => ({ orderBy: { at: 'asc' } }) }),
    attendanceCount: t.relationCount('attendance', { description: 'How many are present.' }),
    motions: t.relation('motions', { description: 'Its motions, in the order proposed.', query: () => ({ orderBy: { createdAt: 'asc' } }) }),
    actionItems: t.relation('actionItems', { description: 'The action items of its minutes.', query: () => ({ orderBy: { dueOn: 'asc' } }) }),
    viewerMayManage: t.boolean({ description: 'Whether the viewer runs it.', select: { council: { select: councilPlaceSelect } }, resolve: (m, _a, ctx) => mayManageCouncil(ctx.viewer, councilPlace(m.council)) }),
    viewerCheckedIn: t.boolean({
      description: 'Whether the viewer is checked in.',
      select: (_a, ctx) => ({ attendance: { where: { personId: ctx.viewer?.personId ?? '' }, select: { id: true } } }),
      resolve: (m) => m.attendance.length > 0,
    }),
  }),
});

builder.prismaNode('AgendaItem', {
  id: { field: 'id' },
  authScopes: { signedIn: true },
  description: 'One item of a meeting’s agenda; it may link a ticket or a whistle (shown when the viewer may see them).',
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Its place in the agenda, from 1.' }),
    title: t.exposeString('title', { description: 'What is discussed.' }),
    outcome: t.exposeString('outcome', { nullable: true, description: 'What was decided.' }),
    motions: t.relation('motions', { description: 'Motions put under this item.' }),
    ticket: t.field({
      type: TicketNode, nullable: true, description: 'The linked ticket, if the viewer may see it.',
      select: (_a, _c, nested) => ({ ticket: nested() }),
      resolve: (a, _args, ctx) => (a.ticket && ticketVisibleTo(ctx.viewer, a.ticket) ? a.ticket : null),
    }),
    whistle: t.prismaField({
      type: 'Whistle', nullable: true, description: 'The linked whistle, if the viewer may see it.',
      select: { whistleId: true },
      // a null link still reads the query (onUnusedQuery)
      resolve: (query, a, _args, ctx) => {
        const select = { ...query };
        return a.whistleId ? ctx.prisma.whistle.findFirst({ ...select, where: { AND: [{ id: a.whistleId }, whistlesWhereVisibleTo(ctx.viewer)] } }) : null;
      },
    }),
  }),
});

const motionRule = { rule: true, fractionNumerator: true, fractionDenominator: true, base: true, quorumNumerator: true, quorumDenominator: true, yes: true, no: true, abstain: true, eligibleAtOpen: true, membershipAtOpen: true } as const;

export const MotionNode = builder.prismaNode('Motion', {
  id: { field: 'id' },
  description: 'A motion put to the vote, with its rule stored on it; the electorate and attendance are snapshotted when it opens and closes, the result computed at close and frozen.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    meeting: t.relation('meeting', { description: 'The meeting.' }),
    agendaItem: t.relation('agendaItem', { nullable: true, description: 'The agenda item it belongs to.' }),
    text: t.exposeString('text', { description: 'What is decided.' }),
    rule: t.expose('rule', { type: VoteRuleEnum, description: 'Simple majority, two thirds, or a custom fraction.' }),
    fraction: t.field({
      type: Fraction, nullable: true, description: 'The custom fraction of a FRACTION rule.', select: { fractionNumerator: true, fractionDenominator: true },
      resolve: (m) => (m.fractionNumerator != null && m.fractionDenominator != null ? { numerator: m.fractionNumerator, denominator: m.fractionDenominator } : null),
    }),
    base: t.expose('base', { type: ThresholdBaseEnum, description: 'Of the eligible, or of the votes cast.' }),
    electorate: t.expose('electorate', { type: ElectorateEnum, description: 'Who votes.' }),
    quorum: t.field({ type: Fraction, description: 'The share of the membership that must take part.', select: { quorumNumerator: true, quorumDenominator: true }, resolve: (m) => ({ numerator: m.quorumNumerator, denominator: m.quorumDenominator }) }),
    policy: t.expose('policy', { type: VotePolicyEnum, description: 'Named (changeable until close) or secret (one submission).' }),
    status: t.expose('status', { type: MotionStatusEnum, description: 'Draft, open or closed.' }),
    openedAt: t.expose('openedAt', { type: 'DateTime', nullable: true, description: 'When voting opened.' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When it closed.' }),
    eligible: t.exposeInt('eligibleAtOpen', { nullable: true, description: 'Electors snapshotted when it opened.' }),
    membership: t.exposeInt('membershipAtOpen', { nullable: true, description: 'The membership the quorum is taken of (members, or households), at open.' }),
    presentAtOpen: t.exposeInt('presentAtOpen', { nullable: true, description: 'Attendance when it opened.' }),
    eligibleAtClose: t.exposeInt('eligibleAtClose', { nullable: true, description: 'Electors when it closed.' }),
    presentAtClose: t.exposeInt('presentAtClose', { nullable: true, description: 'Attendance when it closed.' }),
    tally: t.field({ type: Tally, description: 'The counts (live while open, frozen at close).', select: { yes: true, no: true, abstain: true }, resolve: (m) => ({ yes: m.yes, no: m.no, abstain: m.abstain }) }),
    progress: t.field({
      type: MotionProgress, nullable: true, description: 'Where the vote stands against the rule ("6 of 9 needed"); null before it opens.', select: motionRule,
      resolve: (m) => {
        if (m.eligibleAtOpen == null || m.membershipAtOpen == null) return null;
        const tally = { yes: m.yes, no: m.no, abstain: m.abstain };
        const base = baseCountOf(m.base, m.eligibleAtOpen, tally);
        return { ...progressOf(thresholdOfMotion(m), base, tally), base, quorumNeeded: quorumNeeded({ numerator: m.quorumNumerator, denominator: m.quorumDenominator }, m.membershipAtOpen), participants: m.yes + m.no + m.abstain };
      },
    }),
    result: t.expose('result', { type: MotionResultEnum, nullable: true, description: 'The frozen result, once closed.' }),
    needed: t.exposeInt('needed', { nullable: true, description: 'Yes votes the result needed, at close.' }),
    myBallot: t.field({
      type: MyBallot, description: "The viewer's standing: eligible, voted, and (named motions) the choice.",
      select: (_a, ctx) => ({ policy: true, electors: { where: { personId: ctx.viewer?.personId ?? '' }, select: { votedAt: true, ballot: { select: { choice: true } } } } }),
      resolve: (m) => {
        const e = m.electors[0];
        if (!e) return { eligible: false, voted: false, choice: null };
        return m.policy === 'SECRET' ? { eligible: true, voted: e.votedAt != null, choice: null } : { eligible: true, voted: e.ballot != null, choice: e.ballot?.choice ?? null };
      },
    }),
    ballots: t.field({
      type: [NamedBallot], nullable: true,
      description: 'The recorded ballots of a NAMED motion, for the council, its street and district; null for a SECRET motion or another viewer.',
      select: { policy: true, meeting: { select: { council: { select: councilPlaceSelect } } }, ballots: { select: { choice: true, changes: true, at: true, elector: { select: { label: true } } }, orderBy: { at: 'asc' } } },
      resolve: (m, _a, ctx) => (m.policy === 'NAMED' && maySeeNamedBallots(ctx.viewer, councilPlace(m.meeting.council)) ? m.ballots.map((b) => ({ label: b.elector.label, choice: b.choice, changes: b.changes, at: b.at })) : null),
    }),
  }),
});

builder.prismaNode('ActionItem', {
  id: { field: 'id' },
  description: 'An action item of the minutes: an owner (a person or a department) and a due date, tracked until done.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    text: t.exposeString('text', { description: 'What is to be done.' }),
    ownerName: t.string({
      description: 'The owner: a person’s name or a department’s.',
      select: { ownerPerson: { select: { name: true } }, ownerDepartment: { select: { name: true } } },
      resolve: (a) => a.ownerPerson?.name ?? a.ownerDepartment?.name ?? '',
    }),
    ownerDepartment: t.relation('ownerDepartment', { nullable: true, description: 'The owning department, if a department owns it.' }),
    dueOn: t.exposeString('dueOn', { description: 'Due date (YYYY-MM-DD, Beijing).' }),
    status: t.expose('status', { type: ActionItemStatusEnum, description: 'Open or done.' }),
    doneAt: t.expose('doneAt', { type: 'DateTime', nullable: true, description: 'When it was done.' }),
    doneNote: t.exposeString('doneNote', { nullable: true, description: 'What was done.' }),
    overdue: t.boolean({ description: 'Open past its due date (Beijing).', select: { dueOn: true, doneAt: true }, resolve: (a) => actionItemOverdue(a, new Date()) }),
    meeting: t.relation('meeting', { description: 'The meeting whose minutes hold it.' }),
  }),
});

builder.queryFields((t) => ({
  councils: t.prismaField({
    type: ['Council'],
    description: "A community's councils. For anyone signed in (a community's public record).",
    authScopes: { signedIn: true },
    args: { communityCode: t.arg.string({ description: 'The community code, e.g. 110101011003 (草厂社区).' }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.council.findMany({ ...query, where: { community: { code: args.communityCode } }, orderBy: { name: 'asc' } }),
  }),
  councilActionItems: t.prismaField({
    type: ['ActionItem'],
    description: "The action items of a community's council minutes, soonest due first; `openOnly` leaves out done ones. For anyone signed in.",
    authScopes: { signedIn: true },
    args: { communityCode: t.arg.string({ description: 'The community code.' }), openOnly: t.arg.boolean({ required: false, description: 'Leave out the items done.' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.actionItem.findMany({ ...query, where: { meeting: { council: { community: { code: args.communityCode } } }, ...(args.openOnly ? { status: 'OPEN' } : {}) }, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }] }),
  }),
}));
