// Demo councils (议事厅) from the seed stories: 草厂社区's 小院议事厅 in 前门, which decided by two thirds
// of the courtyard's households to try a property manager before hiring it (先尝后买), and its next
// meeting on the 草厂 parking and ground locks, whose agenda links the seeded ticket and whistle. Pure:
// the caller passes `now` and the rows it links; the histories are ones the live write path could have
// made (same event types, seq, snapshots, frozen results).
import type { Prisma } from '../client.ts';
import type { buildDemoData } from './seed.ts';

type OrgData = ReturnType<typeof buildDemoData>;

const DAY = 24 * 3600_000;
const MIN = 60_000;

/** The person the demo login council.caochang signs in as: the chair of 草厂's council. */
export const CAOCHANG_CHAIR_PERSON = 'per_user_council.caochang';

// fictional residents of the 草厂四条 courtyard; the first is the chair (the demo login)
const RESIDENTS = [
  { key: 'council.caochang', name: '刘桂英', household: '草厂四条7号院1户', member: 'CHAIR' },
  { key: 'cc_zhao', name: '赵德明', household: '草厂四条7号院2户', member: 'VICE_CHAIR' },
  { key: 'cc_sun', name: '孙淑芬', household: '草厂四条7号院3户', member: 'MEMBER', steward: true },
  { key: 'cc_li', name: '李振华', household: '草厂四条7号院4户', member: 'MEMBER' },
  { key: 'cc_zhou', name: '周玉兰', household: '草厂四条7号院5户', member: 'MEMBER', steward: true },
  { key: 'cc_wu', name: '吴国强', household: '草厂四条7号院6户', member: 'MEMBER' },
  { key: 'cc_zheng', name: '郑秀英', household: '草厂四条7号院7户', member: null },
  { key: 'cc_wang', name: '王永利', household: '草厂四条7号院8户', member: null },
  { key: 'cc_feng', name: '冯桂兰', household: '草厂四条7号院9户', member: 'MEMBER' },
] as const;

const personId = (key: string) => (key.startsWith('council.') ? `per_user_${key}` : `per_${key}`);

interface EventRow { id: string; meetingId: string; seq: number; type: string; motionId: string | null; note: string | null; actorId: null; at: Date }

/** Every council row of the demo, with the meeting events to place in the log (positions are the caller's). */
export function buildDemoCouncils(org: OrgData, now: Date, links: { ticketId: string | null; whistleId: string | null }) {
  const caochang = org.communities.find((c) => c.name === '草厂社区')!;
  const persons = RESIDENTS.filter((r) => !r.key.startsWith('council.')).map((r) => ({ id: personId(r.key), name: r.name, phone: null }));
  const households: Prisma.HouseholdCreateManyInput[] = RESIDENTS.map((r, i) => ({ id: `hh_caochang_${i + 1}`, communityId: caochang.id, label: r.household, representativeId: personId(r.key) }));
  const council = { id: 'cnl_caochang', communityId: caochang.id, name: '草厂小院议事厅', nameEn: 'Caochang Courtyard Council' };
  const since = new Date(now.getTime() - 400 * DAY);
  const members: Prisma.CouncilMemberCreateManyInput[] = RESIDENTS.filter((r) => r.member).map((r) => ({
    id: `cm_${r.key}`, councilId: council.id, personId: personId(r.key), role: r.member!, alleySteward: 'steward' in r && r.steward === true, since,
  }));

  // the meeting that decided 先尝后买: closed, its motion passed by 7 of 9 households (6 needed)
  const pastAt = new Date(now.getTime() - 30 * DAY);
  const at = (minutes: number) => new Date(pastAt.getTime() + minutes * MIN);
  const past = { id: 'mtg_caochang_wuye', councilId: council.id, title: '小院议事厅：引入物业“先尝后买”', startsAt: pastAt, place: '草厂社区议事厅', status: 'CLOSED' as const, openedAt: at(0), closedAt: at(95), minutes: '全院9户中7户同意引入物业服务试用三个月，试用期满再表决是否正式聘用。', createdById: null, version: 0 };
  const presentKeys = RESIDENTS.slice(0, 8).map((r) => r.key);
  const attendance: Prisma.MeetingAttendanceCreateManyInput[] = presentKeys.map((k, i) => ({ id: `att_wuye_${k}`, meetingId: past.id, personId: personId(k), at: at(2 + i), recordedById: null }));
  const agenda: Prisma.AgendaItemCreateManyInput[] = [
    { id: 'agi_wuye_1', meetingId: past.id, position: 1, title: '老旧小院引入物业服务（先尝后买）', outcome: '通过：试用三个月' },
  ];
  const choices = ['YES', 'YES', 'YES', 'YES', 'NO', 'YES', 'ABSTAIN', 'YES', 'YES'] as const;
  const motion: Prisma.MotionCreateManyInput = {
    id: 'mot_wuye', meetingId: past.id, agendaItemId: 'agi_wuye_1', text: '同意引入物业服务企业试用三个月（先尝后买），期满后再表决是否正式聘用',
    rule: 'TWO_THIRDS', base: 'ELIGIBLE', electorate: 'HOUSEHOLDS', quorumNumerator: 1, quorumDenominator: 2, policy: 'NAMED', status: 'CLOSED',
    openedAt: at(30), closedAt: at(80), eligibleAtOpen: 9, membershipAtOpen: 9, presentAtOpen: 8, eligibleAtClose: 9, presentAtClose: 8,
    yes: choices.filter((c) => c === 'YES').length, no: choices.filter((c) => c === 'NO').length, abstain: choices.filter((c) => c === 'ABSTAIN').length,
    result: 'PASSED', needed: 6,
  };
  const electors: Prisma.MotionElectorCreateManyInput[] = RESIDENTS.map((r, i) => ({ id: `mel_wuye_${i + 1}`, motionId: 'mot_wuye', personId: personId(r.key), householdId: `hh_caochang_${i + 1}`, label: r.household, votedAt: null }));
  const ballots: Prisma.BallotCreateManyInput[] = choices.map((choice, i) => ({ id: `bal_wuye_${i + 1}`, motionId: 'mot_wuye', electorId: `mel_wuye_${i + 1}`, choice, changes: 0, at: at(40 + i * 3) }));
  const actionItems: Prisma.ActionItemCreateManyInput[] = [
    { id: 'act_wuye_contract', meetingId: past.id, motionId: 'mot_wuye', text: '与物业服务企业签订三个月试用协议', ownerPersonId: CAOCHANG_CHAIR_PERSON, dueOn: beijingDate(new Date(pastAt.getTime() + 7 * DAY)), status: 'DONE', doneAt: new Date(pastAt.getTime() + 5 * DAY), doneNote: '协议已签订' },
    { id: 'act_wuye_clear', meetingId: past.id, motionId: null, text: '清理草厂四条胡同内堆物，为物业进场腾出空间', ownerDepartmentId: 'dep_110101-CGZF', dueOn: beijingDate(new Date(now.getTime() + 10 * DAY)), status: 'OPEN', doneAt: null },
  ];
  const events: EventRow[] = [];
  const push = (meetingId: string, type: string, when: Date, motionId: string | null = null, note: string | null = null) => {
    const seq = events.filter((e) => e.meetingId === meetingId).length + 1;
    events.push({ id: `cev_${meetingId}_${seq}`, meetingId, seq, type, motionId, note, actorId: null, at: when });
  };
  push(past.id, 'SCHEDULED', new Date(pastAt.getTime() - 7 * DAY));
  push(past.id, 'AGENDA_ITEM_ADDED', new Date(pastAt.getTime() - 7 * DAY), null, agenda[0]!.title as string);
  push(past.id, 'MOTION_PROPOSED', new Date(pastAt.getTime() - 6 * DAY), 'mot_wuye');
  push(past.id, 'OPENED', at(0));
  attendance.forEach((a) => push(past.id, 'CHECKED_IN', a.at as Date, null, a.personId));
  push(past.id, 'MOTION_OPENED', at(30), 'mot_wuye');
  ballots.forEach((b) => push(past.id, 'BALLOT_CAST', b.at as Date, 'mot_wuye', b.choice));
  push(past.id, 'MOTION_CLOSED', at(80), 'mot_wuye', 'PASSED');
  push(past.id, 'ACTION_ITEM_ADDED', at(85), null, 'act_wuye_contract');
  push(past.id, 'ACTION_ITEM_ADDED', at(86), null, 'act_wuye_clear');
  push(past.id, 'CLOSED', at(95));
  push(past.id, 'ACTION_ITEM_DONE', actionItems[0]!.doneAt as Date, null, 'act_wuye_contract');
  past.version = events.filter((e) => e.meetingId === past.id).length;

  // the next meeting: scheduled for tomorrow evening, its agenda linking the 草厂 ground-lock ticket and whistle
  const nextAt = new Date(now.getTime() + DAY);
  const next = { id: 'mtg_caochang_parking', councilId: council.id, title: '小院议事厅：草厂胡同停车与地锁治理', startsAt: nextAt, place: '草厂社区议事厅', status: 'SCHEDULED' as const, openedAt: null, closedAt: null, minutes: null, createdById: null, version: 0 };
  agenda.push(
    { id: 'agi_parking_1', meetingId: next.id, position: 1, title: '胡同私装地锁的拆除与后续管理', ticketId: links.ticketId, whistleId: links.whistleId },
    { id: 'agi_parking_2', meetingId: next.id, position: 2, title: '草厂四条居民停车自治方案' },
  );
  const draft: Prisma.MotionCreateManyInput = {
    id: 'mot_parking', meetingId: next.id, agendaItemId: 'agi_parking_2', text: '在草厂四条试行居民停车自治：划定车位、轮换使用、禁止私装地锁',
    rule: 'SIMPLE_MAJORITY', base: 'CAST', electorate: 'PRESENT', quorumNumerator: 1, quorumDenominator: 2, policy: 'NAMED', status: 'DRAFT',
  };
  push(next.id, 'SCHEDULED', new Date(now.getTime() - 2 * DAY));
  push(next.id, 'AGENDA_ITEM_ADDED', new Date(now.getTime() - 2 * DAY), null, '胡同私装地锁的拆除与后续管理');
  push(next.id, 'AGENDA_ITEM_ADDED', new Date(now.getTime() - 2 * DAY), null, '草厂四条居民停车自治方案');
  push(next.id, 'MOTION_PROPOSED', new Date(now.getTime() - DAY), 'mot_parking');
  next.version = events.filter((e) => e.meetingId === next.id).length;

  return { persons, households, councils: [council], members, meetings: [past, next], attendance, agenda, motions: [motion, draft], electors, ballots, actionItems, events };
}

/** YYYY-MM-DD of an instant in Beijing (UTC+8). */
function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
