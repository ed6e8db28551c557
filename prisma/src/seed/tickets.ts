// Demo tickets for the last twelve months, built from the cases in the seed articles (ground locks,
// night noise, roof leaks in the rainy season, blocked drains, parking, illegal building …), so that
// the three rates, the monthly ranking and the keyword hot spots mean something. Pure: the caller
// passes `now`, and a seeded PRNG makes the same `now` give the same rows.
import type { buildDemoData } from './seed.ts';

type OrgData = ReturnType<typeof buildDemoData>;

/** A ticket category with its response deadline and the departments holding the duty (权力清单). */
export interface SeedCategory {
  code: string;
  name: string;
  nameEn: string;
  responseHours: number;
  resolveDays: number | null;
  duties: { department: string; duty: string }[];
  /** how the resident describes it; {place} is replaced by the grid cell or community name */
  phrases: string[];
  weight: number;
}

export const TICKET_CATEGORIES: SeedCategory[] = [
  { code: 'NOISE', name: '夜间施工噪音', nameEn: 'Night-time noise', responseHours: 2, resolveDays: 3, weight: 12,
    duties: [{ department: 'BJ-STHJ', duty: '环境噪声污染执法' }, { department: 'BJ-CGZF', duty: '夜间违规施工查处' }],
    phrases: ['{place}附近工地夜间施工，噪音扰民到凌晨', '{place}楼下商户夜间噪音大，影响休息', '{place}夜里渣土车进出，噪音很大'] },
  { code: 'GROUND_LOCK', name: '私装地锁', nameEn: 'Private ground locks', responseHours: 24, resolveDays: 5, weight: 10,
    duties: [{ department: 'BJ-CGZF', duty: '占道私装地锁拆除' }],
    phrases: ['{place}胡同里有人私装地锁占用公共车位', '{place}小区内私装地锁，居民无法停车'] },
  { code: 'ROOF_LEAK', name: '房屋漏雨', nameEn: 'Roof leaks', responseHours: 24, resolveDays: 15, weight: 8,
    duties: [{ department: 'BJ-ZJW', duty: '老旧房屋修缮' }],
    phrases: ['{place}平房房屋漏雨，屋顶需要修缮', '{place}顶层住户反映房屋漏雨，墙面发霉', '下雨后{place}楼道漏雨严重'] },
  { code: 'DRAIN', name: '下水道堵塞', nameEn: 'Blocked drains', responseHours: 4, resolveDays: 3, weight: 9,
    duties: [{ department: 'BJ-SWJ', duty: '排水管网疏通' }],
    phrases: ['{place}院内下水道堵塞，污水外溢', '{place}雨水井堵塞，路面积水'] },
  { code: 'PARKING', name: '停车难', nameEn: 'Parking problems', responseHours: 24, resolveDays: 30, weight: 10,
    duties: [{ department: 'BJ-JGJ', duty: '违法停车查处' }, { department: 'BJ-JTW', duty: '停车设施规划' }],
    phrases: ['{place}周边停车难，车辆乱停堵塞消防通道', '{place}路口占道停车严重，出行不便'] },
  { code: 'ILLEGAL_BUILDING', name: '违法建设', nameEn: 'Illegal construction', responseHours: 24, resolveDays: 30, weight: 6,
    duties: [{ department: 'BJ-CGZF', duty: '违法建设查处' }, { department: 'BJ-GHZY', duty: '规划认定' }],
    phrases: ['{place}有住户私搭乱建，占用公共空间', '{place}楼顶违建，存在安全隐患'] },
  { code: 'STREET_LAMP', name: '路灯不亮', nameEn: 'Street lamp out', responseHours: 24, resolveDays: 7, weight: 6,
    duties: [{ department: 'BJ-CGW', duty: '城市照明设施维护' }],
    phrases: ['{place}路灯不亮，夜间出行不安全', '{place}胡同里几盏路灯坏了'] },
  { code: 'GARBAGE', name: '垃圾清运', nameEn: 'Rubbish removal', responseHours: 12, resolveDays: 2, weight: 8,
    duties: [{ department: 'BJ-CGW', duty: '生活垃圾清运' }],
    phrases: ['{place}垃圾桶满溢无人清运', '{place}堆放装修垃圾，长期无人处理'] },
  { code: 'HEATING', name: '供暖不热', nameEn: 'Heating not warm', responseHours: 4, resolveDays: 3, weight: 5,
    duties: [{ department: 'BJ-CGW', duty: '供热监管' }],
    phrases: ['{place}暖气不热，室温不达标', '{place}供暖管道漏水'] },
  { code: 'UNLICENSED_TRADE', name: '无照经营', nameEn: 'Unlicensed trading', responseHours: 24, resolveDays: 7, weight: 4,
    duties: [{ department: 'BJ-SCJG', duty: '无照经营查处' }],
    phrases: ['{place}路边无照游商占道经营', '{place}有商户无照经营餐饮'] },
  { code: 'FIRE_LANE', name: '消防通道占用', nameEn: 'Blocked fire lane', responseHours: 2, resolveDays: 1, weight: 4,
    duties: [{ department: 'BJ-XF', duty: '消防通道执法' }],
    phrases: ['{place}消防通道被杂物和车辆占用', '{place}楼道堆放杂物堵塞消防通道'] },
];

/** mulberry32: a tiny seeded PRNG, so that the demo tickets are the same on every seed of a day. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One dispatch part as the write path keeps it (its own status, version and clock). */
interface SeedPart {
  id: string; ticketId: string; kind: 'STREET' | 'COMMUNITY'; status: string; version: number;
  assigneeStreetId: string | null; assigneeCommunityId: string | null; assigneeLabel: string | null;
  dispatchedAt: Date; respondBy: Date; acceptedAt: Date | null; resolvedAt: Date | null;
}

// the part state machine and the ticket status derived from the parts, as ticketDispatch.ts has them
// (this package cannot import the schema's rules; the seed-history test checks the two agree)
const PART_ORDER = ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED'];
const PART_AFTER = { accept: 'ACCEPTED', progress: 'IN_PROGRESS', resolve: 'RESOLVED' } as const;
const PART_EVENT = { accept: 'ACCEPTED', progress: 'PROGRESS', resolve: 'RESOLVED' } as const;
const leastAdvanced = (parts: readonly { status: string }[]) => PART_ORDER[Math.min(...parts.map((p) => PART_ORDER.indexOf(p.status)))]!;

const CHANNELS = [
  ['HOTLINE_12345', 70], ['APP', 10], ['GRID_PATROL', 8], ['WALK_IN', 4], ['COMMUNITY_PREEMPTIVE', 5], ['COUNCIL', 2], ['DATA_ALERT', 1],
] as const;

/** Every row of the demo tickets, for `now`. */
export function buildDemoTickets(org: OrgData, now: Date, count = 480, surnames: readonly string[] = ['王'], givenNames: readonly string[] = ['伟']) {
  const random = prng(20_191_101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const weighted = <T>(list: readonly (readonly [T, number])[]) => {
    let r = random() * list.reduce((n, [, w]) => n + w, 0);
    for (const [v, w] of list) if ((r -= w) < 0) return v;
    return list[0]![0];
  };
  const streetOf = new Map(org.streets.map((s) => [s.id, s]));
  const communityOf = new Map(org.communities.map((c) => [c.id, c]));
  // each street handles its tickets with its own diligence, so the ranking has a top and a bottom
  const diligence = new Map(org.streets.map((s) => [s.id, 0.55 + random() * 0.43]));
  // the articles' streets get more tickets: 前门, 东花市, 鲁谷, 金海湖 …
  const busy = new Set(['110101011', '110101003', '110107011', '110117006', '110102020', '110102001']);
  const cells = org.gridCells.map((c) => {
    const community = communityOf.get(c.communityId)!;
    const street = streetOf.get(community.streetId)!;
    return { cell: c, community, street, weight: busy.has(street.code) ? 6 : 1 };
  });
  // roof leaks cluster in a few old courtyard cells (the 大兴 pattern of 回头看)
  const leakyCells = new Set(cells.filter((_, i) => i % 23 === 0).map((c) => c.cell.id));
  const categories = TICKET_CATEGORIES.map((c) => [c, c.weight] as const);

  const tickets = [];
  const parts: SeedPart[] = [];
  const events: { id: string; ticketId: string; seq: number; type: string; at: Date; fromStatus: string | null; toStatus: string | null; note: string | null; partKind: string | null; actorId: null }[] = [];
  const callbacks = [];
  const persons = [];
  for (let i = 0; i < count; i++) {
    let category = weighted(categories);
    const receivedAt = new Date(now.getTime() - Math.floor(random() * 365 * DAY) - Math.floor(random() * DAY));
    const month = receivedAt.getUTCMonth();
    const place = weighted(cells.map((c) => [c, c.weight * (category.code === 'ROOF_LEAK' && leakyCells.has(c.cell.id) ? 25 : 1)] as const));
    // summer rain brings the roof leaks
    if (month >= 5 && month <= 7 && random() < 0.25) category = TICKET_CATEGORIES.find((c) => c.code === 'ROOF_LEAK')!;
    if ((month <= 1 || month >= 10) && random() < 0.15) category = TICKET_CATEGORIES.find((c) => c.code === 'HEATING')!;
    const id = `tkt_demo_${String(i + 1).padStart(5, '0')}`;
    // the number carries the Beijing date of receipt, as intake numbers it (ticketNumber)
    const day = new Date(receivedAt.getTime() + 8 * HOUR).toISOString().slice(0, 10).replace(/-/g, '');
    const complainant = { id: `per_c_${i + 1}`, name: pick(surnames) + pick(givenNames), phone: `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}` };
    persons.push(complainant);
    const jitter = () => (random() - 0.5) * 0.0012;
    const respondBy = new Date(receivedAt.getTime() + category.responseHours * HOUR);
    const feedbackBy = new Date(receivedAt.getTime() + 48 * HOUR);
    const resolveBy = category.resolveDays ? new Date(receivedAt.getTime() + category.resolveDays * DAY) : null;
    const care = diligence.get(place.street.id)!;
    const age = now.getTime() - receivedAt.getTime();
    const dual = random() < 0.3;

    // Each step below is one write of the live path (schema/src/modules/tickets/mutations): its events
    // share one time, the ticket's version goes up by one per write, and the columns change as that
    // mutation changes them. schema/test/seedHistory.test.ts replays every history through the ticket
    // rules to keep it so.
    let seq = 0;
    let version = 0;
    const write = (at: Date, ...written: [type: string, fromStatus: string | null, toStatus: string, note?: string | null, partKind?: string | null][]) => {
      version++;
      for (const [type, fromStatus, toStatus, note = null, partKind = null] of written)
        events.push({ id: `${id}_e${++seq}`, ticketId: id, seq, type, at, fromStatus, toStatus, note, partKind, actorId: null });
    };
    write(receivedAt, ['RECEIVED', null, 'RECEIVED']);
    const dispatchedAt = new Date(receivedAt.getTime() + (0.2 + random()) * HOUR);
    let status = 'RECEIVED';
    let respondedAt: Date | null = null;
    let resolvedAt: Date | null = null;
    let feedbackAt: Date | null = null;
    let closedAt: Date | null = null;
    let callback: { resolved: boolean; satisfaction: string; at: Date } | null = null;
    const ticketParts: SeedPart[] = [];
    if (dispatchedAt.getTime() < now.getTime()) {
      write(dispatchedAt, ['DISPATCHED', 'RECEIVED', 'DISPATCHED', dual ? '双派单：街道与社区同时派发' : null]);
      status = 'DISPATCHED';
      const part = { status: 'DISPATCHED', version: 1, dispatchedAt, respondBy: new Date(dispatchedAt.getTime() + category.responseHours * HOUR), acceptedAt: null, resolvedAt: null };
      ticketParts.push({ id: `${id}_street`, ticketId: id, kind: 'STREET', assigneeStreetId: place.street.id, assigneeCommunityId: null, assigneeLabel: null, ...part });
      if (dual) ticketParts.push({ id: `${id}_community`, ticketId: id, kind: 'COMMUNITY', assigneeStreetId: null, assigneeCommunityId: place.community.id, assigneeLabel: '物业服务中心', ...part });
      // a diligent street answers inside the window; a slack one sometimes misses it
      const late = random() > care;
      const acceptAt = new Date(dispatchedAt.getTime() + (late ? category.responseHours * (1.2 + random() * 2) : category.responseHours * random() * 0.8) * HOUR);
      if (acceptAt.getTime() < now.getTime() && (age > 3 * DAY || random() < 0.7)) {
        const workDays = (category.resolveDays ?? 5) * (late ? 0.6 + random() : 0.2 + random() * 0.6);
        const doneAt = new Date(acceptAt.getTime() + workDays * DAY);
        const progressAt = new Date(acceptAt.getTime() + Math.min(20 * HOUR, workDays * DAY / 2));
        const resolves = doneAt.getTime() < now.getTime() && random() < 0.93;
        // the community side does each step a little after the street office (not from the PRNG, so
        // the draws, and with them every other ticket, stay as they were)
        const lag = (10 + ((i * 37) % 80)) * 60_000;
        const steps = ticketParts
          .flatMap((p) => {
            const after = (at: Date) => new Date(at.getTime() + (p.kind === 'COMMUNITY' ? lag : 0));
            return [
              { part: p, action: 'accept' as const, at: after(acceptAt), note: null },
              { part: p, action: 'progress' as const, at: after(progressAt), note: '已联系居民，正在协调相关部门处理' },
              ...(resolves ? [{ part: p, action: 'resolve' as const, at: after(doneAt), note: '已处理完毕' }] : []),
            ];
          })
          .filter((s) => s.at.getTime() < now.getTime())
          .sort((a, b) => a.at.getTime() - b.at.getTime());
        // acceptTicketPart / addTicketProgress / resolveTicketPart (changePart): one part moves, the
        // ticket takes the status of its least advanced part
        for (const { part: p, action, at, note } of steps) {
          p.status = PART_AFTER[action];
          p.version++;
          if (action === 'accept') p.acceptedAt = at;
          if (action === 'resolve') p.resolvedAt = at;
          const next = leastAdvanced(ticketParts);
          if (action === 'accept') respondedAt ??= at;
          else feedbackAt ??= at;
          if (next === 'RESOLVED') resolvedAt = at;
          write(at, [PART_EVENT[action], status, next, note, p.kind]);
          status = next;
        }
        if (status === 'RESOLVED' && resolvedAt) {
          const callAt = new Date(resolvedAt.getTime() + (4 + random() * 40) * HOUR);
          if (callAt.getTime() < now.getTime()) {
            const solved = random() < care + 0.05;
            const r = random();
            const satisfaction = solved ? (r < care ? 'SATISFIED' : r < care + 0.15 ? 'BASICALLY_SATISFIED' : 'UNSATISFIED') : (r < 0.25 ? 'BASICALLY_SATISFIED' : 'UNSATISFIED');
            callback = { resolved: solved, satisfaction, at: callAt };
            callbacks.push({ id: `${id}_cb`, ticketId: id, resolved: solved, satisfaction, comment: null, recordedById: null, at: callAt });
            // recordTicketCallback: unsatisfied reopens the ticket to its assignees, unaccepted
            if (satisfaction === 'UNSATISFIED') {
              write(callAt, ['CALLED_BACK', 'RESOLVED', 'CALLED_BACK'], ['REOPENED', 'CALLED_BACK', 'DISPATCHED', '回访不满意，工单重新派发']);
              status = 'DISPATCHED';
              resolvedAt = null;
              for (const p of ticketParts) Object.assign(p, { status: 'DISPATCHED', acceptedAt: null, resolvedAt: null, version: p.version + 1 });
            } else {
              write(callAt, ['CALLED_BACK', 'RESOLVED', 'CALLED_BACK'], ['CLOSED', 'CALLED_BACK', 'CLOSED']);
              status = 'CLOSED';
              closedAt = callAt;
            }
          }
        }
      }
    }
    parts.push(...ticketParts);
    tickets.push({
      id, number: `${day}-${String(i + 1).padStart(6, '0')}`, channel: weighted(CHANNELS), categoryId: `cat_${category.code}`,
      description: pick(category.phrases).replace('{place}', place.cell.name),
      address: `北京市${place.street.name}${place.community.name}`,
      lng: Math.round((place.cell.centroidLng + jitter() * 0.5) * 1e6) / 1e6, lat: Math.round((place.cell.centroidLat + jitter() * 0.4) * 1e6) / 1e6,
      gridCellId: place.cell.id, assetId: null, communityId: place.community.id, streetId: place.street.id, districtId: place.street.districtId,
      complainantId: complainant.id, status, version, receivedAt, respondBy, feedbackBy, resolveBy, respondedAt, feedbackAt, resolvedAt, closedAt,
      callbackResolved: callback?.resolved ?? null, callbackSatisfaction: callback?.satisfaction ?? null, callbackAt: callback?.at ?? null, mergedIntoId: null,
    });
  }
  const categoryRows = TICKET_CATEGORIES.map((c) => ({ id: `cat_${c.code}`, code: c.code, name: c.name, nameEn: c.nameEn, responseHours: c.responseHours, resolveDays: c.resolveDays }));
  // the power list names the city department; the district departments of the same kind (code
  // <district>-<suffix>) hold the same duty in their district
  const departmentCodes = new Set(org.departments.map((d) => d.code));
  const dutyRows = TICKET_CATEGORIES.flatMap((c) =>
    c.duties.flatMap((d) => {
      const suffix = d.department.replace(/^BJ-/, '');
      const codes = [d.department, ...org.districts.map((x) => `${x.code}-${suffix}`).filter((code) => departmentCodes.has(code))];
      return codes.map((code) => ({ id: `dut_${c.code}_${code}`, categoryId: `cat_${c.code}`, departmentId: `dep_${code}`, duty: d.duty }));
    }),
  );
  // the hub's event log orders every event by when it happened (ties by ticket and seq), as the
  // spine migration numbers an existing history; each event carries its ticket's feed keys
  const placeOf = new Map(tickets.map((t) => [t.id, { streetId: t.streetId, districtId: t.districtId }]));
  const logged = [...events]
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : a.seq - b.seq))
    .map((e, i) => ({ ...e, position: i + 1, ...placeOf.get(e.ticketId)! }));
  return { categories: categoryRows, duties: dutyRows, persons, tickets, parts, events: logged, callbacks };
}
