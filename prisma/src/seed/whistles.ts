// Demo whistles (吹哨报到) from the seed stories: Pinggu's 金海湖 emergency whistle, the 广外/太平桥
// cross-district whistle on the boundary building, Daxing's 果岭假日 stalled estate that took the city
// and district departments together, and a live routine whistle in 前门 for the demo logins. Also the
// tier deadlines of every district and the whistle power list. Pure: the caller passes `now`, and the
// histories are ones the live write path could have made (same event types, seq, deadlines, flags).
import type { Prisma } from '../client.ts';
import type { buildDemoData } from './seed.ts';

type OrgData = ReturnType<typeof buildDemoData>;

/** Default tier deadlines, minutes (Pinggu's emergency rule: on site within 30 minutes). */
export const DEFAULT_WHISTLE_TIERS = [
  { tier: 'EMERGENCY', ackMinutes: 10, onSiteMinutes: 30, returnDecisionMinutes: 30 },
  { tier: 'KEY', ackMinutes: 120, onSiteMinutes: 24 * 60, returnDecisionMinutes: 4 * 60 },
  { tier: 'ROUTINE', ackMinutes: 24 * 60, onSiteMinutes: 72 * 60, returnDecisionMinutes: 24 * 60 },
] as const;

/** The whistle power list (权力清单): category → departments, per district (or city-wide), by department code. */
const POWER_LIST: { category: string; departments: { code: string; duty: string }[] }[] = [
  { category: 'ILLEGAL_BUILDING', departments: [
    { code: 'CGZF', duty: '违法建设查处' }, { code: 'GHZY', duty: '规划认定' }, { code: 'ZJW', duty: '房屋安全鉴定' } ] },
  { category: 'GROUND_LOCK', departments: [{ code: 'CGZF', duty: '占道私装地锁拆除' }, { code: 'JTZD', duty: '停车秩序管理' }] },
  { category: 'PARKING', departments: [{ code: 'JTZD', duty: '违法停车查处' }, { code: 'JTW', duty: '停车设施规划' }, { code: 'JTJ', duty: '交通组织' }] },
  { category: 'NOISE', departments: [{ code: 'STHJ', duty: '环境噪声污染执法' }, { code: 'CGZF', duty: '夜间违规施工查处' }] },
  { category: 'ROOF_LEAK', departments: [{ code: 'ZJW', duty: '老旧房屋修缮' }, { code: 'FGS-QM', duty: '直管公房修缮' }] },
  { category: 'DRAIN', departments: [{ code: 'SWJ', duty: '排水管网疏通' }] },
  { category: 'FIRE_LANE', departments: [{ code: 'XF', duty: '消防通道执法' }, { code: 'CGZF', duty: '占道堆物清理' }] },
  { category: 'UNLICENSED_TRADE', departments: [{ code: 'SCJG', duty: '无照经营查处' }, { code: 'CGZF', duty: '游商占道执法' }] },
  { category: 'HEATING', departments: [{ code: 'CGW', duty: '供热监管' }, { code: 'GD', duty: '市政供电' }] },
];

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

interface SummonsSpec {
  dept: string;
  role: 'LEAD' | 'ASSIST';
  /** minutes after the whistle; absent = not yet */
  ack?: number;
  checkIn?: number;
  /** metres from the whistle when checking in */
  distance?: number;
  report?: { after: number; text: string; result: 'RESOLVED' | 'PARTIAL' | 'UNRESOLVED' };
  rating?: [number, number, number, string];
}

interface WhistleSpec {
  key: string;
  street: string;
  tier: 'EMERGENCY' | 'KEY' | 'ROUTINE';
  mode: 'STREET_WHISTLES' | 'LEAD_ASSIST' | 'DEPARTMENT_REQUIRES';
  category: string | null;
  reason: string;
  /** how long before `now` it was blown */
  ago: number;
  /** minutes after blowing: closed (with the street's confirmation); supervised follow-up */
  closeAfter?: number;
  superviseAfter?: number;
  /** a seeded ticket of the street to link */
  linkTicket?: boolean;
  summons: SummonsSpec[];
}

const STORIES: WhistleSpec[] = [
  { key: 'jinhaihu', street: '110117006', tier: 'EMERGENCY', mode: 'LEAD_ASSIST', category: 'ILLEGAL_BUILDING', ago: 20 * DAY,
    reason: '金海湖镇发现私挖盗采金矿点，存在安全隐患，乡镇无执法权，吹响应急哨', closeAfter: 6 * 60,
    summons: [
      { dept: '110117-GHZY', role: 'LEAD', ack: 4, checkIn: 25, distance: 120, report: { after: 5 * 60, text: '会同公安、城管查封矿洞三处，回填完毕', result: 'RESOLVED' }, rating: [5, 5, 5, '半小时内到场，牵头有力'] },
      { dept: '110117-GA', role: 'ASSIST', ack: 6, checkIn: 28, distance: 300, rating: [5, 4, 5, '及时控制现场'] },
      { dept: '110117-CGZF', role: 'ASSIST', ack: 14, checkIn: 47, distance: 200, rating: [3, 4, 4, '到场晚了17分钟'] },
    ] },
  { key: 'guangwai', street: '110102020', tier: 'KEY', mode: 'LEAD_ASSIST', category: 'ILLEGAL_BUILDING', ago: 9 * DAY,
    reason: '西城丰台两区交界处一栋二层违建公寓，经营者称不归西城管，跨区吹哨联合拆除',
    summons: [
      { dept: '110102-CGZF', role: 'LEAD', ack: 30, checkIn: 22 * 60, distance: 80 },
      { dept: '110106-CGZF', role: 'ASSIST', ack: 90, checkIn: 23 * 60, distance: 150 },
      { dept: '110106-GA', role: 'ASSIST', ack: 100 },
      { dept: '110106002-JD', role: 'ASSIST', ack: 40, checkIn: 21 * 60, distance: 60 },
    ] },
  { key: 'guoling', street: '110115001', tier: 'KEY', mode: 'DEPARTMENT_REQUIRES', category: 'HEATING', ago: 40 * DAY,
    reason: '果岭假日小区烂尾18年，214户无暖气、无天然气、无市政电，吹哨市区两级部门联合解决',
    closeAfter: 20 * DAY / MIN, superviseAfter: 30 * DAY / MIN,
    summons: [
      { dept: '110115-ZJW', role: 'LEAD', ack: 45, checkIn: 20 * 60, distance: 60, report: { after: 19 * DAY / MIN, text: '完成竣工验收备案，办理不动产权证', result: 'RESOLVED' }, rating: [4, 5, 5, '牵头推进验收'] },
      { dept: '110115-GD', role: 'ASSIST', ack: 100, checkIn: 22 * 60, distance: 90, rating: [4, 5, 4, '接通市政电'] },
      { dept: 'BJ-RQ4', role: 'ASSIST', ack: 150, checkIn: 30 * 60, distance: 40, rating: [3, 4, 4, '天然气接入晚于约定'] },
      { dept: '110115-CZJ', role: 'ASSIST', ack: 200, rating: [3, 3, 4, '未到现场，资金协调到位'] },
    ] },
  { key: 'qianmen-lock', street: '110101011', tier: 'ROUTINE', mode: 'STREET_WHISTLES', category: 'GROUND_LOCK', ago: 3 * HOUR, linkTicket: true,
    reason: '草厂胡同私装地锁反复出现，街道单独处置无效，吹哨城管和交通支队联合整治',
    summons: [
      { dept: '110101-CGZF', role: 'LEAD' },
      { dept: '110101-JTZD', role: 'ASSIST', ack: 40 },
    ] },
  { key: 'qianmen-fire', street: '110101011', tier: 'EMERGENCY', mode: 'LEAD_ASSIST', category: 'FIRE_LANE', ago: 35 * DAY, closeAfter: 5 * 60,
    reason: '前门东片区消防通道被杂物和车辆长期占用，吹响应急哨',
    summons: [
      { dept: '110101-XF', role: 'LEAD', ack: 5, checkIn: 26, distance: 60, report: { after: 4 * 60, text: '清理通道堆物，拖移占道车辆6辆', result: 'RESOLVED' }, rating: [5, 5, 4, '到场迅速'] },
      { dept: '110101-CGZF', role: 'ASSIST', ack: 12, checkIn: 45, distance: 900, rating: [2, 4, 3, '应答和到场均超时，签到位置偏远'] },
    ] },
];

/** How far from the whistle's location a check-in may be before it is flagged (metres). */
export const SEED_CHECK_IN_RADIUS_M = 500;

// a point about `metres` east of (lng, lat)
const eastOf = (lng: number, lat: number, metres: number) => [lng + metres / (111_320 * Math.cos((lat * Math.PI) / 180)), lat] as const;

const beijingDay = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10).replace(/-/g, '');

/** Builds the whistle rows; `tickets` are the seeded tickets (to link one). */
export function buildDemoWhistles(org: OrgData, now: Date, tickets: readonly { id: string; streetId: string | null; categoryId: string }[]) {
  const tiers = org.districts.flatMap((d) => DEFAULT_WHISTLE_TIERS.map((t) => ({ id: `wtr_${d.code}_${t.tier}`, districtId: d.id, tier: t.tier, ackMinutes: t.ackMinutes, onSiteMinutes: t.onSiteMinutes, returnDecisionMinutes: t.returnDecisionMinutes, updatedById: null, updatedAt: now })));
  const deptByCode = new Map(org.departments.map((d) => [d.code, d]));
  const powerList: Prisma.PowerListEntryCreateManyInput[] = [];
  for (const entry of POWER_LIST) {
    for (const d of entry.departments) {
      for (const district of org.districts) {
        const dep = deptByCode.get(`${district.code}-${d.code}`);
        if (dep) powerList.push({ id: `pwl_${entry.category}_${dep.code}`, districtId: district.id, categoryId: `cat_${entry.category}`, departmentId: dep.id, duty: d.duty });
      }
      const city = deptByCode.get(`BJ-${d.code}`);
      if (city) powerList.push({ id: `pwl_${entry.category}_${city.code}`, districtId: null, categoryId: `cat_${entry.category}`, departmentId: city.id, duty: d.duty });
    }
  }
  const streetByCode = new Map(org.streets.map((s) => [s.code, s]));
  const whistles: Prisma.WhistleCreateManyInput[] = [];
  const summonses: Prisma.WhistleSummonsCreateManyInput[] = [];
  const deadlines: Prisma.WhistleDeadlineCreateManyInput[] = [];
  const escalations: Prisma.EscalationCreateManyInput[] = [];
  const events: { id: string; whistleId: string; seq: number; type: string; summonsId: string | null; note: string | null; feedKeys: string; actorId: null; at: Date }[] = [];
  const evaluations: Prisma.EvaluationCreateManyInput[] = [];
  let serial = 0;
  for (const w of STORIES) {
    const street = streetByCode.get(w.street)!;
    const id = `whs_${w.key}`;
    const blownAt = new Date(now.getTime() - w.ago);
    const at = (minutes: number) => new Date(blownAt.getTime() + minutes * MIN);
    const tier = DEFAULT_WHISTLE_TIERS.find((t) => t.tier === w.tier)!;
    const depts = w.summons.map((s) => deptByCode.get(s.dept)!);
    const crossDistrict = depts.some((d) => d.districtId !== null && d.districtId !== street.districtId);
    // the same keys as the schema's whistleFeedKeys: the street, every district that sees it, each summoned department and street office
    const keys = [`whistle:street:${street.id}`, ...depts.flatMap((d) => (d.streetId ? [`whistle:street:${d.streetId}`] : [])), `whistle:district:${street.districtId}`, ...depts.map((d) => `whistle:dept:${d.id}`),
      ...new Set(depts.map((d) => d.districtId).filter((x): x is string => x !== null && x !== street.districtId).map((x) => `whistle:district:${x}`))].join(' ');
    const history: { type: string; at: Date; summonsId: string | null; note: string | null }[] = [{ type: 'BLOWN', at: blownAt, summonsId: null, note: w.reason }];
    const ticket = w.linkTicket ? tickets.find((t) => t.streetId === street.id && t.categoryId === `cat_${w.category}`) ?? null : null;
    w.summons.forEach((s, i) => {
      const dep = depts[i]!;
      const sid = `${id}_${dep.code}`;
      const ackDue = at(tier.ackMinutes);
      const onSiteDue = at(tier.onSiteMinutes);
      const ackedAt = s.ack != null ? at(s.ack) : null;
      const checkedAt = s.checkIn != null ? at(s.checkIn) : null;
      const ackLate = ackedAt ? ackedAt > ackDue : ackDue <= now;
      const onSiteLate = checkedAt ? checkedAt > onSiteDue : onSiteDue <= now;
      const [lng, lat] = s.distance != null ? eastOf(street.centroidLng, street.centroidLat, s.distance) : [null, null];
      summonses.push({
        id: sid, whistleId: id, departmentId: dep.id, departmentDistrictId: dep.districtId, departmentStreetId: dep.streetId, role: s.role, summonedAt: blownAt,
        acknowledgedAt: ackedAt, acknowledgedById: null, checkedInAt: checkedAt, checkedInById: null,
        checkInLng: lng, checkInLat: lat, checkInDistanceM: s.distance ?? null, checkInFlagged: (s.distance ?? 0) > SEED_CHECK_IN_RADIUS_M,
        ackLate, onSiteLate,
        report: s.report?.text ?? null, result: s.report?.result ?? null, reportedAt: s.report ? at(s.report.after) : null,
        returnReason: null, returnRequestedAt: null, returnDecision: null, returnDecidedAt: null,
      });
      for (const [kind, due, doneAt] of [['ACK', ackDue, ackedAt], ['ON_SITE', onSiteDue, checkedAt]] as const) {
        const late = doneAt ? doneAt > due : due <= now;
        // a deadline passed before it was met fired (and escalated) at its due time; one met in time was cancelled
        const fired = late;
        const closedEarly = !fired && (doneAt != null || w.closeAfter != null);
        deadlines.push({ id: `${sid}_${kind}`, summonsId: sid, whistleId: id, kind, dueAt: due, state: fired ? 'FIRED' : closedEarly ? 'CANCELLED' : 'PENDING', firedAt: fired ? due : null });
        if (fired) {
          escalations.push({ id: `esc_${sid}_${kind}`, deadlineId: `${sid}_${kind}`, summonsId: sid, whistleId: id, kind, districtId: street.districtId, dueAt: due, at: due });
          history.push({ type: 'ESCALATED', at: due, summonsId: sid, note: kind });
        }
      }
      if (ackedAt) history.push({ type: 'ACKNOWLEDGED', at: ackedAt, summonsId: sid, note: null });
      if (checkedAt) history.push({ type: 'CHECKED_IN', at: checkedAt, summonsId: sid, note: null });
      if (s.report) history.push({ type: 'REPORTED', at: at(s.report.after), summonsId: sid, note: s.report.text });
      if (s.rating && w.closeAfter != null) {
        const ratedAt = at(w.closeAfter + 60 + i);
        evaluations.push({ id: `evl_${sid}`, summonsId: sid, whistleId: id, departmentId: dep.id, timeliness: s.rating[0], effectiveness: s.rating[1], attitude: s.rating[2], comment: s.rating[3], ratedById: null, at: ratedAt });
        history.push({ type: 'RATED', at: ratedAt, summonsId: sid, note: null });
      }
    });
    // the stage follows the events: on site once the first department checked in
    const firstCheckIn = w.summons.filter((s) => s.checkIn != null).map((s) => s.checkIn!).sort((a, b) => a - b)[0];
    if (firstCheckIn != null) history.push({ type: 'STAGE_CHANGED', at: at(firstCheckIn), summonsId: null, note: 'ACT' });
    if (w.closeAfter != null) history.push({ type: 'CLOSED', at: at(w.closeAfter), summonsId: null, note: '街道确认问题已解决' });
    if (w.superviseAfter != null) history.push({ type: 'SUPERVISED', at: at(w.superviseAfter), summonsId: null, note: '回访居民，入住问题未反弹' });
    history.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.type === 'BLOWN' ? -1 : b.type === 'BLOWN' ? 1 : 0));
    history.forEach((e, i) => events.push({ id: `${id}_e${i + 1}`, whistleId: id, seq: i + 1, type: e.type, summonsId: e.summonsId, note: e.note, feedKeys: keys, actorId: null, at: e.at }));
    serial += 1;
    const stage: Prisma.WhistleCreateManyInput['stage'] = w.superviseAfter != null ? 'SUPERVISE' : w.closeAfter != null ? 'CLOSE' : firstCheckIn != null ? 'ACT' : 'ASSEMBLE';
    whistles.push({
      id, number: `W${beijingDay(blownAt)}-${String(serial).padStart(4, '0')}`, streetId: street.id, districtId: street.districtId,
      ticketId: ticket?.id ?? null, categoryId: w.category ? `cat_${w.category}` : null, tier: w.tier, mode: w.mode, stage, reason: w.reason,
      lng: street.centroidLng, lat: street.centroidLat, crossDistrict, blownAt,
      confirmedAt: w.closeAfter != null ? at(w.closeAfter) : null, closedAt: w.closeAfter != null ? at(w.closeAfter) : null,
      evaluationClosesAt: w.closeAfter != null ? new Date(at(w.closeAfter).getTime() + 7 * DAY) : null,
      supervisedAt: w.superviseAfter != null ? at(w.superviseAfter) : null, createdById: null,
      // one write per event, except the stage change, which comes with the first check-in
      version: history.filter((e) => e.type !== 'STAGE_CHANGED').length,
    });
  }
  return { tiers, powerList, whistles, summonses, deadlines, escalations, events, evaluations };
}
