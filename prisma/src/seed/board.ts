// Demo cases on 前门's live board: the 草厂 ground locks the council and the street work together
// (linked to the seeded ticket, whistle and the council's agenda item), a roof-leak sweep before the
// rainy season, a drain revisit in review. Pure: the caller passes `now` and what to link; the
// histories are ones the live write path could have made (CREATED first, seq 1..n, versions to match).
import type { Prisma } from '../client.ts';

const DAY = 24 * 3600_000;

interface EventRow { id: string; caseId: string; seq: number; kind: string; target: string | null; payload: string; actorId: null; clientMutationId: null; at: Date }

const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');

/** Every board row of the demo, with the case events to place in the log (positions are the caller's). */
export function buildDemoCases(now: Date, links: { ticketId: string | null; whistleId: string | null; agendaItemId: string | null }) {
  const specs = [
    { key: 'locks', ago: 6 * DAY, title: '草厂胡同地锁拆除与停车自治', description: '胡同内私装地锁12处，议事会与街道、城管共同推进拆除并试行居民停车自治。', status: 'IN_PROGRESS' as const, priority: 'HIGH' as const, tags: '停车 地锁 议事会', community: true,
      checklist: [['排查私装地锁位置', true], ['城管执法拆除', false], ['议事会表决停车自治方案', false]] as const, dept: 'dep_110101-CGZF', link: true },
    { key: 'leaks', ago: 3 * DAY, title: '雨季前草厂四条老旧房屋漏雨排查', description: '回头看：两年内“房屋漏雨”诉求集中在草厂四条，雨季前逐户排查。', status: 'TODO' as const, priority: 'NORMAL' as const, tags: '回头看 房屋漏雨', community: true,
      checklist: [['列出两年内漏雨诉求户', true], ['房管所上门查看', false]] as const, dept: null, link: false },
    { key: 'drain', ago: 10 * DAY, title: '西打磨厂街排水管网疏通', description: '疏通完成，待街道复核。', status: 'REVIEW' as const, priority: 'NORMAL' as const, tags: '排水', community: false,
      checklist: [['疏通主管', true], ['复核积水点', false]] as const, dept: null, link: false },
  ];
  const cases: Prisma.CaseCreateManyInput[] = [];
  const checklist: Prisma.CaseChecklistItemCreateManyInput[] = [];
  const assignments: Prisma.CaseAssignmentCreateManyInput[] = [];
  const caseLinks: Prisma.CaseLinkCreateManyInput[] = [];
  const events: EventRow[] = [];
  const serials = new Map<string, number>();
  for (const s of specs) {
    const id = `case_${s.key}`;
    const createdAt = new Date(now.getTime() - s.ago);
    const day = beijingDay(createdAt);
    const serial = (serials.get(day) ?? 0) + 1;
    serials.set(day, serial);
    const history: Omit<EventRow, 'id' | 'caseId' | 'seq' | 'actorId' | 'clientMutationId'>[] = [{ kind: 'CREATED', target: null, payload: JSON.stringify({ title: s.title, status: 'TODO' }), at: createdAt }];
    const at = (hours: number) => new Date(createdAt.getTime() + hours * 3600_000);
    history.push({ kind: 'FIELD_UPDATED', target: 'description', payload: JSON.stringify({ value: s.description, version: 2 }), at: at(1) });
    history.push({ kind: 'FIELD_UPDATED', target: 'tags', payload: JSON.stringify({ value: s.tags, version: 2 }), at: at(1) });
    if (s.priority !== 'NORMAL') history.push({ kind: 'FIELD_UPDATED', target: 'priority', payload: JSON.stringify({ value: s.priority, version: 2 }), at: at(1) });
    let key = 'a0';
    s.checklist.forEach(([text, done], i) => {
      const itemId = `cli_${s.key}_${i + 1}`;
      checklist.push({ id: itemId, caseId: id, text, done, orderKey: key, version: done ? 2 : 1 });
      history.push({ kind: 'CHECKLIST_ADDED', target: `item:${itemId}`, payload: JSON.stringify({ id: itemId, text, orderKey: key, done: false, version: 1 }), at: at(2 + i) });
      if (done) history.push({ kind: 'CHECKLIST_TOGGLED', target: `item:${itemId}`, payload: JSON.stringify({ done: true, version: 2 }), at: at(24 + i) });
      key = `a${i + 1}`;
    });
    if (s.dept) {
      assignments.push({ caseId: id, assigneeKey: `dept:${s.dept}`, departmentId: s.dept, at: at(3) });
      history.push({ kind: 'ASSIGNED', target: `dept:${s.dept}`, payload: 'null', at: at(3) });
    }
    if (s.link) {
      const targets: { targetKey: string; ticketId?: string; whistleId?: string; agendaItemId?: string }[] = [];
      if (links.ticketId) targets.push({ targetKey: `ticket:${links.ticketId}`, ticketId: links.ticketId });
      if (links.whistleId) targets.push({ targetKey: `whistle:${links.whistleId}`, whistleId: links.whistleId });
      if (links.agendaItemId) targets.push({ targetKey: `agenda:${links.agendaItemId}`, agendaItemId: links.agendaItemId });
      for (const t of targets) {
        caseLinks.push({ caseId: id, ...t, at: at(4) });
        history.push({ kind: 'LINKED', target: t.targetKey, payload: 'null', at: at(4) });
      }
    }
    // the column it stands in, reached by allowed moves
    const path = { TODO: [], IN_PROGRESS: ['IN_PROGRESS'], REVIEW: ['IN_PROGRESS', 'REVIEW'], BACKLOG: ['BACKLOG'], DONE: ['IN_PROGRESS', 'REVIEW', 'DONE'] }[s.status] as string[];
    let from = 'TODO';
    path.forEach((to, i) => {
      history.push({ kind: 'MOVED', target: 'status', payload: JSON.stringify({ from, to, version: i + 2 }), at: at(30 + i) });
      from = to;
    });
    history.sort((a, b) => a.at.getTime() - b.at.getTime());
    history.forEach((e, i) => events.push({ id: `cev_${s.key}_${i + 1}`, caseId: id, seq: i + 1, actorId: null, clientMutationId: null, ...e }));
    cases.push({
      id, number: `C${day}-${String(serial).padStart(4, '0')}`, streetId: 'str_110101011', districtId: 'dis_110101', communityId: s.community ? 'com_110101011003' : null,
      title: s.title, description: s.description, descriptionVersion: 2, status: s.status, statusVersion: path.length + 1, priority: s.priority, priorityVersion: s.priority !== 'NORMAL' ? 2 : 1,
      tags: s.tags, tagsVersion: 2, version: history.length, createdAt, updatedAt: history.at(-1)!.at,
    });
  }
  return { cases, checklist, assignments, links: caseLinks, events };
}
