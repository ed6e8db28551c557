// The Whistle type and its children (summonses, deadlines, escalations, evaluations, events), each a
// Relay node whose visibility follows its whistle (whistlePolicy.ts), and the `whistles` connection.
import type { Prisma } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';
import { LngLat } from '../org/enums.ts';
import { TicketNode } from '../tickets/Ticket.ts';
import { ticketVisibleTo } from '../tickets/ticketPolicy.ts';
import { ReturnDecisionEnum, SummonsResultEnum, SummonsRoleEnum, WhistleDeadlineKindEnum, WhistleDeadlineStateEnum, WhistleModeEnum, WhistleStageEnum, WhistleTierEnum } from './enums.ts';
import { displayNameOf } from '../../spine/lastChange.ts';
import { sharedLoad } from '../../spine/sharedLoads.ts';
import { secondsLeft } from './whistleDeadlines.ts';
import { summonsActionsFor, SummonsActionEnum, whistleActionsFor, WhistleActionEnum } from './whistleActions.ts';
import { DepartmentNode } from '../org/Department.ts';
import { whistlesWhereVisibleTo, whistleVisibleTo } from './whistlePolicy.ts';
import { LIVE_STAGES } from './whistleStates.ts';

/** What `whistleVisibleTo` reads of a whistle. */
export const scopeSelect = { streetId: true, districtId: true, summonses: { select: { departmentId: true, departmentDistrictId: true, departmentStreetId: true } } } as const;

export const WhistleNode = builder.prismaNode('Whistle', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [whistlesWhereVisibleTo(ctx.viewer)] }),
  nullable: true,
  // a whistle reached any other way is checked again on the loaded row (fails closed)
  select: { streetId: true, districtId: true, summonses: { select: { departmentId: true, departmentDistrictId: true, departmentStreetId: true, ackLate: true, onSiteLate: true } } },
  authScopes: (w, ctx) => whistleVisibleTo(ctx.viewer, w),
  description: 'A whistle (吹哨): a street office summons departments to a case it cannot solve alone; they must acknowledge and check in on site before their deadlines.',
  fields: (t) => ({
    number: t.exposeString('number', { description: 'Human-readable number, e.g. W20261203-0001 (Beijing date).' }),
    street: t.relation('street', { description: 'The street office that blew it.' }),
    district: t.relation('district', { description: 'The district of that street: its platform receives escalations.' }),
    category: t.relation('category', { nullable: true, description: 'The problem category (used for suggestions and the power list).' }),
    tier: t.expose('tier', { type: WhistleTierEnum, description: 'Routine, key or emergency.' }),
    mode: t.expose('mode', { type: WhistleModeEnum, description: 'Which of the three collaboration modes.' }),
    stage: t.expose('stage', { type: WhistleStageEnum, description: 'Current stage.' }),
    reason: t.exposeString('reason', { description: 'Why the street whistles.' }),
    location: t.field({ type: LngLat, description: 'Where the departments must report (WGS84).', select: { lng: true, lat: true }, resolve: (w) => ({ lng: w.lng, lat: w.lat }) }),
    crossDistrict: t.exposeBoolean('crossDistrict', { description: 'Departments of another district are summoned (跨区吹哨): both districts see and act on it.' }),
    blownAt: t.expose('blownAt', { type: 'DateTime', description: 'When it was blown.' }),
    confirmedAt: t.expose('confirmedAt', { type: 'DateTime', nullable: true, description: "The street's confirmation that the problem is handled." }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When it was closed (终场哨).' }),
    evaluationClosesAt: t.expose('evaluationClosesAt', { type: 'DateTime', nullable: true, description: 'End of the evaluation window opened at close.' }),
    supervisedAt: t.expose('supervisedAt', { type: 'DateTime', nullable: true, description: 'When the follow-up (监督哨) was recorded.' }),
    version: t.exposeInt('version', { description: 'Bumped by every write; pass it back to detect concurrent edits.' }),
    late: t.boolean({
      description: 'Whether any summons missed a deadline.',
      resolve: (w) => w.summonses.some((s) => s.ackLate || s.onSiteLate),
    }),
    summonses: t.relation('summonses', { description: 'The summoned departments, lead first.', query: () => ({ orderBy: [{ role: 'desc' }, { departmentId: 'asc' }] }) }),
    lateSummonses: t.relation('summonses', {
      description: 'The summonses that turned late (escalated to the district platform).',
      query: () => ({ where: { OR: [{ ackLate: true }, { onSiteLate: true }] }, orderBy: { departmentId: 'asc' } }),
    }),
    events: t.relatedConnection('events', { cursor: 'id', totalCount: true, description: 'The full history, oldest first.', query: () => ({ orderBy: { seq: 'asc' } }) }),
    viewerActions: t.field({
      type: [WhistleActionEnum],
      description: 'What the viewer may do to the whistle itself now (close, supervise, rate), by role and state; the summonses say their own steps (WhistleSummons.viewerActions).',
      select: { stage: true, streetId: true, districtId: true, closedAt: true, evaluationClosesAt: true, supervisedAt: true },
      resolve: (w, _args, ctx) => whistleActionsFor(ctx.viewer, w, new Date()),
    }),
  }),
});

export const WhistleSummonsNode = builder.prismaNode('WhistleSummons', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, whistle: whistlesWhereVisibleTo(ctx.viewer) }),
  nullable: true,
  select: { whistle: { select: scopeSelect } },
  authScopes: (s, ctx) => whistleVisibleTo(ctx.viewer, s.whistle),
  description: 'One department summoned by a whistle, with its role and its two clocks (acknowledge, on site).',
  fields: (t) => ({
    whistle: t.relation('whistle', { description: 'The whistle.' }),
    department: t.relation('department', { description: 'The summoned department.' }),
    role: t.expose('role', { type: SummonsRoleEnum, description: 'Lead or assist.' }),
    summonedAt: t.expose('summonedAt', { type: 'DateTime', description: 'When it was summoned.' }),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime', nullable: true, description: 'When it acknowledged.' }),
    checkedInAt: t.expose('checkedInAt', { type: 'DateTime', nullable: true, description: 'When it checked in on site.' }),
    checkInLocation: t.field({
      type: LngLat, nullable: true, description: 'Where it checked in.', select: { checkInLng: true, checkInLat: true },
      resolve: (s) => (s.checkInLng == null || s.checkInLat == null ? null : { lng: s.checkInLng, lat: s.checkInLat }),
    }),
    checkInDistanceM: t.exposeFloat('checkInDistanceM', { nullable: true, description: "Metres between the check-in and the whistle's location." }),
    checkInFlagged: t.exposeBoolean('checkInFlagged', { description: 'The check-in was farther than the allowed distance: flagged for the platform.' }),
    ackLate: t.exposeBoolean('ackLate', { description: 'The acknowledgement deadline passed before it acknowledged.' }),
    onSiteLate: t.exposeBoolean('onSiteLate', { description: 'The on-site deadline passed before it checked in.' }),
    report: t.exposeString('report', { nullable: true, description: 'What the department reports it did.' }),
    result: t.expose('result', { type: SummonsResultEnum, nullable: true, description: 'The outcome it reports.' }),
    reportedAt: t.expose('reportedAt', { type: 'DateTime', nullable: true, description: 'When it reported.' }),
    returnReason: t.exposeString('returnReason', { nullable: true, description: 'Why the department says the case is not its duty (退单).' }),
    returnDecision: t.expose('returnDecision', { type: ReturnDecisionEnum, nullable: true, description: "The district platform's decision on the return request." }),
    returnDecisionLate: t.exposeBoolean('returnDecisionLate', { description: "The district platform decided the return request after its own deadline (or has not, past it): escalated once." }),
    deadlines: t.relation('deadlines', { description: 'Its two deadlines.', query: () => ({ orderBy: { kind: 'asc' } }) }),
    escalations: t.relation('escalations', { description: 'Its escalations (one per missed deadline).', query: () => ({ orderBy: { at: 'asc' } }) }),
    evaluation: t.relation('evaluation', { nullable: true, description: "The street's rating of this department for this whistle." }),
    viewerActions: t.field({
      type: [SummonsActionEnum],
      description: 'The steps the viewer may take on this summons now (its role and its state both allow them): what a client offers as buttons.',
      select: {
        departmentId: true, departmentStreetId: true, role: true, acknowledgedAt: true, checkedInAt: true, reportedAt: true, returnDecision: true,
        whistle: { select: { stage: true, streetId: true, districtId: true } },
      },
      resolve: (s, _args, ctx) => summonsActionsFor(ctx.viewer, s.whistle, s),
    }),
  }),
});

builder.prismaNode('WhistleDeadline', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, summons: { whistle: whistlesWhereVisibleTo(ctx.viewer) } }),
  nullable: true,
  select: { summons: { select: { whistle: { select: scopeSelect } } } },
  authScopes: (d, ctx) => whistleVisibleTo(ctx.viewer, d.summons.whistle),
  description: 'A deadline of a summons, as a row: the watcher fires it once when it passes unmet.',
  fields: (t) => ({
    kind: t.expose('kind', { type: WhistleDeadlineKindEnum, description: 'Acknowledge or on site.' }),
    dueAt: t.expose('dueAt', { type: 'DateTime', description: 'When it is due.' }),
    state: t.expose('state', { type: WhistleDeadlineStateEnum, description: 'Pending, fired or cancelled.' }),
    firedAt: t.expose('firedAt', { type: 'DateTime', nullable: true, description: 'When it fired.' }),
    secondsLeft: t.int({ description: 'Seconds until it is due, negative when past (for a countdown; tick it on the client).', select: { dueAt: true }, resolve: (d) => secondsLeft(d.dueAt, new Date()) }),
  }),
});

builder.prismaNode('Escalation', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, summons: { whistle: whistlesWhereVisibleTo(ctx.viewer) } }),
  nullable: true,
  select: { summons: { select: { whistle: { select: scopeSelect } } } },
  authScopes: (e, ctx) => whistleVisibleTo(ctx.viewer, e.summons.whistle),
  description: 'A late acknowledgement or check-in, escalated to the district platform.',
  fields: (t) => ({
    kind: t.expose('kind', { type: WhistleDeadlineKindEnum, description: 'Which deadline was missed.' }),
    dueAt: t.expose('dueAt', { type: 'DateTime', description: 'When it was due.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When it was escalated.' }),
    summons: t.relation('summons', { description: 'The late summons.' }),
  }),
});

builder.prismaNode('Evaluation', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, summons: { whistle: whistlesWhereVisibleTo(ctx.viewer) } }),
  nullable: true,
  select: { summons: { select: { whistle: { select: scopeSelect } } } },
  authScopes: (e, ctx) => whistleVisibleTo(ctx.viewer, e.summons.whistle),
  description: "The street's rating of one summoned department for one whistle (下评上).",
  fields: (t) => ({
    timeliness: t.exposeInt('timeliness', { description: '1–5.' }),
    effectiveness: t.exposeInt('effectiveness', { description: '1–5.' }),
    attitude: t.exposeInt('attitude', { description: '1–5.' }),
    comment: t.exposeString('comment', { nullable: true, description: "The street's words." }),
    at: t.expose('at', { type: 'DateTime', description: 'When it was given.' }),
    summons: t.relation('summons', { description: 'The rated summons.' }),
  }),
});

builder.prismaNode('WhistleEvent', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, whistle: whistlesWhereVisibleTo(ctx.viewer) }),
  nullable: true,
  select: { whistle: { select: scopeSelect } },
  authScopes: (e, ctx) => whistleVisibleTo(ctx.viewer, e.whistle),
  description: 'One entry of a whistle history (append-only).',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'Number in the whistle history, from 1.' }),
    logSeq: t.exposeInt('position', { description: "Position in the hub's event log." }),
    type: t.exposeString('type', { description: 'BLOWN, ACKNOWLEDGED, CHECKED_IN, STAGE_CHANGED, REPORTED, ESCALATED, RETURN_REQUESTED, RETURN_DECIDED, CLOSED, SUPERVISED, RATED.' }),
    note: t.exposeString('note', { nullable: true, description: 'Detail: the reason, report text, missed deadline kind, new stage …' }),
    actor: t.string({
      nullable: true, description: 'Who did it (display name); null for the deadline watcher.', select: { actorId: true },
      resolve: (e, _a, ctx) => displayNameOf(ctx.prisma, e.actorId),
    }),
    department: t.field({
      type: DepartmentNode, nullable: true, description: 'The department of the summons the event is about, if any.',
      select: { summonsId: true },
      // a history names few departments, each loaded once for all its entries
      resolve: async (e, _a, ctx) => {
        const summonsId = e.summonsId;
        if (!summonsId) return null;
        return (await sharedLoad(ctx.prisma, `WhistleSummons.department:${summonsId}`, () => ctx.prisma.whistleSummons.findUnique({ where: { id: summonsId }, select: { department: true } })))?.department ?? null;
      },
    }),
    at: t.expose('at', { type: 'DateTime', description: 'When it happened.' }),
  }),
});

// a to-one relation to a restricted model: loaded with the parent, shown only when the viewer may see it
builder.prismaObjectFields('Whistle', (t) => ({
  ticket: t.field({
    type: TicketNode,
    nullable: true,
    description: 'The linked ticket; null when there is none or the viewer may not see it (a department officer sees only tickets of its duties).',
    select: (_args, _ctx, nested) => ({ ticket: nested() }),
    resolve: (w, _args, ctx) => (w.ticket && ticketVisibleTo(ctx.viewer, w.ticket) ? w.ticket : null),
  }),
}));

const WhistleFilter = builder.inputType('WhistleFilter', {
  description: 'Narrows the whistles list; all given conditions must hold.',
  fields: (t) => ({
    live: t.boolean({ required: false, description: 'true: not yet closed (prepare, assemble, act); false: closed or supervised.' }),
    late: t.boolean({ required: false, description: 'true: some summons missed a deadline; false: none did.' }),
    tier: t.field({ type: [WhistleTierEnum], required: false, description: 'Any of these tiers.' }),
    departmentCode: t.string({ required: false, description: 'Summoned this department.' }),
    streetCode: t.string({ required: false, description: 'Blown by this street office.' }),
    districtCode: t.string({ required: false, description: 'Blown in this district.' }),
  }),
});

const lateWhere: Prisma.WhistleWhereInput = { summonses: { some: { OR: [{ ackLate: true }, { onSiteLate: true }] } } };

/** The where clause of a WhistleFilter (visibility is added by the caller). */
export function whistleFilterWhere(f: typeof WhistleFilter.$inferInput | null | undefined): Prisma.WhistleWhereInput {
  if (!f) return {};
  const and: Prisma.WhistleWhereInput[] = [];
  if (f.live != null) and.push(f.live ? { stage: { in: [...LIVE_STAGES] } } : { stage: { notIn: [...LIVE_STAGES] } });
  if (f.late != null) and.push(f.late ? lateWhere : { NOT: lateWhere });
  if (f.tier?.length) and.push({ tier: { in: f.tier } });
  if (f.departmentCode) and.push({ summonses: { some: { department: { code: f.departmentCode } } } });
  if (f.streetCode) and.push({ street: { code: f.streetCode } });
  if (f.districtCode) and.push({ district: { code: f.districtCode } });
  return and.length ? { AND: and } : {};
}

builder.queryFields((t) => ({
  whistles: t.prismaConnection({
    type: 'Whistle',
    cursor: 'id',
    description: 'Whistles the viewer may see, newest first (blown time, then id), narrowed by `filter`.',
    args: { filter: t.arg({ type: WhistleFilter, required: false, description: 'Conditions that must all hold.' }) },
    totalCount: (_root, args, ctx) => ctx.prisma.whistle.count({ where: { AND: [whistlesWhereVisibleTo(ctx.viewer), whistleFilterWhere(args.filter)] } }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.whistle.findMany({ ...query, where: { AND: [whistlesWhereVisibleTo(ctx.viewer), whistleFilterWhere(args.filter)] }, orderBy: [{ blownAt: 'desc' }, { id: 'desc' }] }),
  }),
  whistle: t.prismaField({
    type: 'Whistle',
    nullable: true,
    description: 'One whistle by its number, if the viewer may see it.',
    args: { number: t.arg.string({ description: 'e.g. W20261203-0001' }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.whistle.findFirst({ ...query, where: { AND: [{ number: args.number }, whistlesWhereVisibleTo(ctx.viewer)] } }),
  }),
}));
