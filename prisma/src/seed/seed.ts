// Deterministic demo data from the seed articles (see data.ts). Ids are derived from the public codes,
// so a re-seed gives every org unit the same id and the same Relay global id as before.
import type { Prisma, PrismaClient } from '../client.ts';
import { hashPassword } from '../password.ts';
import { ASSET_KINDS, DEPARTMENTS, DISTRICTS, GIVEN_NAMES, SURNAMES } from './data.ts';
import { gridCellsAround } from './geometry.ts';
import { buildDemoTickets } from './tickets.ts';
import { buildDemoCases } from './board.ts';
import { buildDemoCouncils } from './councils.ts';
import { buildDemoVolunteers } from './volunteers.ts';
import { buildDemoWhistles } from './whistles.ts';

/** The password of every demo account (documented in the README). */
export const DEMO_PASSWORD = 'whistlehub-demo';

type Role = 'ADMIN' | 'DISTRICT_DISPATCHER' | 'STREET_OFFICER' | 'DEPARTMENT_OFFICER' | 'COUNCIL_MEMBER' | 'PARTY_MEMBER' | 'GRID_WORKER' | 'INTEGRATOR';

/** A demo account: login, display name, and the roles it holds by org-unit code. */
export interface DemoAccount {
  login: string;
  displayName: string;
  roles: { role: Role; district?: string; street?: string; community?: string; gridCell?: string; department?: string }[];
  /** the person the account is (per_user_<login>), for accounts that act as themselves: a council member votes, a party member claims posts */
  personName?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { login: 'admin', displayName: '系统管理员', roles: [{ role: 'ADMIN' }] },
  { login: 'dispatcher.dongcheng', displayName: '东城区派单员', roles: [{ role: 'DISTRICT_DISPATCHER', district: '110101' }] },
  { login: 'street.qianmen', displayName: '前门街道工作人员', roles: [{ role: 'STREET_OFFICER', street: '110101011' }] },
  { login: 'street.lugu', displayName: '鲁谷街道工作人员', roles: [{ role: 'STREET_OFFICER', street: '110107011' }] },
  { login: 'dept.dongcheng.cgzf', displayName: '东城区城管执法局', roles: [{ role: 'DEPARTMENT_OFFICER', department: '110101-CGZF' }] },
  { login: 'council.caochang', displayName: '草厂社区议事会成员', roles: [{ role: 'COUNCIL_MEMBER', community: 'caochang' }], personName: '刘桂英' },
  { login: 'party.caochang', displayName: '草厂社区报到党员', roles: [{ role: 'PARTY_MEMBER', community: 'caochang' }], personName: '王建国' },
  { login: 'grid.caochang', displayName: '草厂社区网格员', roles: [{ role: 'GRID_WORKER', gridCell: 'caochang-01' }] },
  { login: 'hotline.12345', displayName: '12345市民服务热线', roles: [{ role: 'INTEGRATOR' }] },
  { login: 'resident.demo', displayName: '居民', roles: [] },
  // the cross-district whistle of the seed articles: 西城广外 summons 丰台太平桥 across the boundary
  { login: 'street.guangwai', displayName: '广外街道工作人员', roles: [{ role: 'STREET_OFFICER', street: '110102020' }] },
  { login: 'street.taipingqiao', displayName: '太平桥街道工作人员', roles: [{ role: 'STREET_OFFICER', street: '110106002' }] },
  { login: 'dispatcher.fengtai', displayName: '丰台区派单员', roles: [{ role: 'DISTRICT_DISPATCHER', district: '110106' }] },
];

// Stable across re-seeds and providers; the prefix says the kind for a reader of raw rows.
const id = {
  district: (code: string) => `dis_${code}`,
  street: (code: string) => `str_${code}`,
  community: (code: string) => `com_${code}`,
  gridCell: (code: string) => `grd_${code}`,
  asset: (code: string) => `ast_${code}`,
  department: (code: string) => `dep_${code}`,
  person: (key: string) => `per_${key}`,
  user: (login: string) => `usr_${login}`,
};

/** A small deterministic hash (FNV-1a) for picking names and digits from a key. */
function fnv(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const pick = <T>(list: readonly T[], key: string): T => list[fnv(key) % list.length] as T;
const fictionalPhone = (key: string) => `13${(fnv(`${key}#phone`) % 1_000_000_000).toString().padStart(9, '0')}`;

/** The id of a community by its alias (caochang) or code. */
const findCommunityId = (alias: string) => id.community(findCommunity(alias).code);

/** The community that the README and the demo accounts use: 前门街道草厂社区. */
function findCommunity(alias: string) {
  const names: Record<string, string> = { caochang: '草厂社区' };
  for (const d of DISTRICTS)
    for (const s of d.streets) for (const c of s.communities) if (c.name === names[alias] || c.code === alias) return c;
  throw new Error(`seed: no community ${alias}`);
}

/** Builds every row of the demo data in memory; `seed` writes them. Pure, so it is unit-testable. */
export function buildDemoData() {
  const districts = DISTRICTS.map((d) => ({ id: id.district(d.code), code: d.code, name: d.name, nameEn: d.nameEn }));
  const streets = DISTRICTS.flatMap((d) =>
    d.streets.map((s) => ({
      id: id.street(s.code), code: s.code, name: s.name, nameEn: s.nameEn, kind: s.kind,
      centroidLng: s.centroid[0], centroidLat: s.centroid[1], districtId: id.district(d.code),
    })),
  );
  const communities = DISTRICTS.flatMap((d) =>
    d.streets.flatMap((s) =>
      s.communities.map((c) => ({
        id: id.community(c.code), code: c.code, name: c.name, nameEn: c.nameEn, kind: c.kind,
        centroidLng: c.centroid[0], centroidLat: c.centroid[1], streetId: id.street(s.code),
      })),
    ),
  );
  const persons: { id: string; name: string; phone: string | null }[] = [];
  const gridCells: {
    id: string; code: string; name: string; centroidLng: number; centroidLat: number; polygon: string;
    communityId: string; gridWorkerId: string;
  }[] = [];
  const assets: { id: string; code: string; kind: string; kindName: string; lng: number; lat: number; address: string; gridCellId: string }[] = [];
  const assetSerial = new Map<string, number>();
  for (const d of DISTRICTS) {
    for (const s of d.streets) {
      for (const c of s.communities) {
        gridCellsAround(c.centroid).forEach((cell, i) => {
          const code = `${c.code}${String(i + 1).padStart(2, '0')}`;
          const worker = { id: id.person(`gw_${code}`), name: pick(SURNAMES, code) + pick(GIVEN_NAMES, `${code}/given`), phone: fictionalPhone(code) };
          persons.push(worker);
          gridCells.push({
            id: id.gridCell(code), code, name: `${c.name}第${i + 1}网格`,
            centroidLng: cell.centroid[0], centroidLat: cell.centroid[1], polygon: JSON.stringify(cell.polygon),
            communityId: id.community(c.code), gridWorkerId: worker.id,
          });
          // two city components a cell, their kinds rotating through the list; 8-digit codes as in
          // Dongcheng: 2 digits of district, 4 of kind, 2 of serial
          for (let k = 0; k < 2; k++) {
            const kind = ASSET_KINDS[(gridCells.length * 2 + k) % ASSET_KINDS.length]!;
            const serialKey = `${d.code}/${kind.code}`;
            const serial = (assetSerial.get(serialKey) ?? 0) + 1;
            assetSerial.set(serialKey, serial);
            const assetCode = `${d.code.slice(4)}${kind.code}${String(serial).padStart(2, '0')}`;
            const [lng, lat] = cell.corners[k]!;
            assets.push({
              id: id.asset(assetCode), code: assetCode, kind: kind.code, kindName: kind.name, lng, lat,
              address: `${d.name}${s.name}${c.name}`, gridCellId: id.gridCell(code),
            });
          }
        });
      }
    }
  }
  const departments = DEPARTMENTS.map((dep) => ({
    id: id.department(dep.code), code: dep.code, name: dep.name, nameEn: dep.nameEn, level: dep.level,
    districtId: dep.districtCode ? id.district(dep.districtCode) : null,
    streetId: dep.streetCode ? id.street(dep.streetCode) : null,
  }));
  return { districts, streets, communities, persons, gridCells, assets, departments };
}

function roleRows(account: DemoAccount) {
  const caochang = findCommunity('caochang');
  return account.roles.map((r, i) => ({
    id: `rol_${account.login}_${i}`,
    userId: id.user(account.login),
    role: r.role,
    districtId: r.district ? id.district(r.district) : null,
    streetId: r.street ? id.street(r.street) : null,
    communityId: r.community ? id.community(r.community === 'caochang' ? caochang.code : r.community) : null,
    gridCellId: r.gridCell ? id.gridCell(r.gridCell === 'caochang-01' ? `${caochang.code}01` : r.gridCell) : null,
    departmentId: r.department ? id.department(r.department) : null,
  }));
}

/** Deletes every row, children first (re-seeding). */
export async function wipe(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction([
    prisma.caseEvent.deleteMany(), prisma.caseLink.deleteMany(), prisma.caseAssignment.deleteMany(), prisma.caseChecklistItem.deleteMany(), prisma.case.deleteMany(),
    prisma.branchCallAnswer.deleteMany(), prisma.branchCall.deleteMany(), prisma.volunteerEvent.deleteMany(), prisma.shift.deleteMany(),
    prisma.postClaim.deleteMany(), prisma.volunteerPost.deleteMany(), prisma.partyMember.deleteMany(),
    prisma.councilEvent.deleteMany(), prisma.actionItem.deleteMany(), prisma.secretBallot.deleteMany(), prisma.ballot.deleteMany(),
    prisma.motionElector.deleteMany(), prisma.motion.deleteMany(), prisma.agendaItem.deleteMany(), prisma.meetingAttendance.deleteMany(),
    prisma.meeting.deleteMany(), prisma.councilMember.deleteMany(), prisma.council.deleteMany(), prisma.household.deleteMany(),
    prisma.evaluation.deleteMany(), prisma.escalation.deleteMany(), prisma.whistleDeadline.deleteMany(), prisma.whistleFeedEntry.deleteMany(),
    prisma.whistleEvent.deleteMany(), prisma.whistleSummons.deleteMany(), prisma.whistle.deleteMany(), prisma.powerListEntry.deleteMany(),
    prisma.whistleTier.deleteMany(), prisma.rankingWeights.deleteMany(),
    prisma.mutationReceipt.deleteMany(), prisma.logHead.deleteMany(), prisma.bootstrapStep.deleteMany(),
    prisma.revisitItem.deleteMany(), prisma.revisitPlan.deleteMany(), prisma.callbackSurvey.deleteMany(),
    prisma.ticketEvent.deleteMany(), prisma.ticketPart.deleteMany(), prisma.ticket.deleteMany({ where: { mergedIntoId: { not: null } } }),
    prisma.ticket.deleteMany(), prisma.categoryDuty.deleteMany(), prisma.ticketCategory.deleteMany(),
    prisma.session.deleteMany(), prisma.apiToken.deleteMany(), prisma.roleAssignment.deleteMany(),
    prisma.user.deleteMany(), prisma.asset.deleteMany(), prisma.gridCell.deleteMany(), prisma.person.deleteMany(),
    prisma.community.deleteMany(), prisma.street.deleteMany(), prisma.department.deleteMany(), prisma.district.deleteMany(),
  ]);
}

/** The BootstrapStep key of the demo seed. */
export const DEMO_SEED_STEP = 'demo-seed';

// Every createMany of the demo data runs in one interactive transaction, whose default 5 s would cut a
// seed on a slow machine short; an instance waiting for another's seed holds its own transaction open
// just as long (https://www.prisma.io/docs/orm/prisma-client/queries/transactions#interactive-transactions).
const SEED_TRANSACTION = { maxWait: 60_000, timeout: 300_000 } as const;

type DemoRows = Awaited<ReturnType<typeof demoRows>>;

async function demoRows(now: Date) {
  const data = buildDemoData();
  const t = buildDemoTickets(data, now, 480, SURNAMES, GIVEN_NAMES);
  const w = buildDemoWhistles(data, now, t.tickets);
  // Demo accounts share one password, so one (deliberately slow) hash serves them all.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = DEMO_ACCOUNTS.map((a) => ({ id: id.user(a.login), login: a.login, displayName: a.displayName, passwordHash, personId: a.personName ? id.person(`user_${a.login}`) : null }));
  const accountPersons = DEMO_ACCOUNTS.filter((a) => a.personName).map((a) => ({ id: id.person(`user_${a.login}`), name: a.personName!, phone: null }));
  // the ground-lock ticket of 前门 that the demo whistle is about: the council's agenda and the board's case link it too
  const lockTicketId = w.whistles.find((x) => x.id === 'whs_qianmen-lock')?.ticketId ?? t.tickets.find((x) => x.communityId === findCommunityId('caochang') && x.categoryId === 'cat_GROUND_LOCK')?.id ?? null;
  const lockTicket = lockTicketId ? { id: lockTicketId } : null;
  const c = buildDemoCouncils(data, now, { ticketId: lockTicket?.id ?? null, whistleId: 'whs_qianmen-lock' });
  const v = buildDemoVolunteers(data, now);
  const b = buildDemoCases(now, { ticketId: lockTicket?.id ?? null, whistleId: 'whs_qianmen-lock', agendaItemId: 'agi_parking_1' });
  return { data, t, w, c, v, b, users, accountPersons };
}

async function writeDemoRows(tx: Prisma.TransactionClient, { data, t, w, c, v, b, users, accountPersons }: DemoRows) {
  await tx.district.createMany({ data: data.districts });
  await tx.street.createMany({ data: data.streets });
  await tx.community.createMany({ data: data.communities });
  await tx.person.createMany({ data: [...data.persons, ...accountPersons, ...c.persons, ...v.persons] });
  await tx.gridCell.createMany({ data: data.gridCells });
  await tx.asset.createMany({ data: data.assets });
  await tx.department.createMany({ data: data.departments });
  await tx.user.createMany({ data: users });
  await tx.roleAssignment.createMany({ data: DEMO_ACCOUNTS.flatMap(roleRows) });
  await tx.ticketCategory.createMany({ data: t.categories });
  await tx.categoryDuty.createMany({ data: t.duties });
  await tx.person.createMany({ data: t.persons });
  await tx.ticket.createMany({ data: t.tickets as Prisma.TicketCreateManyInput[] });
  await tx.ticketPart.createMany({ data: t.parts as Prisma.TicketPartCreateManyInput[] });
  await tx.ticketEvent.createMany({ data: t.events as Prisma.TicketEventCreateManyInput[] });
  await tx.callbackSurvey.createMany({ data: t.callbacks as Prisma.CallbackSurveyCreateManyInput[] });
  // whistle events take the log positions after the tickets' (the log is hub-wide), in time order
  const whistleEvents = [...w.events].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id)).map((e, i) => ({ ...e, position: t.events.length + i + 1 }));
  await tx.whistleTier.createMany({ data: w.tiers });
  await tx.powerListEntry.createMany({ data: w.powerList });
  await tx.whistle.createMany({ data: w.whistles });
  await tx.whistleSummons.createMany({ data: w.summonses });
  await tx.whistleDeadline.createMany({ data: w.deadlines });
  await tx.escalation.createMany({ data: w.escalations });
  await tx.whistleEvent.createMany({ data: whistleEvents });
  await tx.whistleFeedEntry.createMany({ data: whistleEvents.flatMap((e) => e.feedKeys.split(' ').map((key) => ({ key, position: e.position, eventId: e.id }))) });
  await tx.evaluation.createMany({ data: w.evaluations });
  // council and volunteer events follow in the log, in time order
  let position = t.events.length + whistleEvents.length;
  const placed = <E extends { at: Date; id: string }>(events: readonly E[]) =>
    [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id)).map((e) => ({ ...e, position: ++position }));
  await tx.household.createMany({ data: c.households });
  await tx.council.createMany({ data: c.councils });
  await tx.councilMember.createMany({ data: c.members });
  await tx.meeting.createMany({ data: c.meetings });
  await tx.meetingAttendance.createMany({ data: c.attendance });
  await tx.agendaItem.createMany({ data: c.agenda });
  await tx.motion.createMany({ data: c.motions });
  await tx.motionElector.createMany({ data: c.electors });
  await tx.ballot.createMany({ data: c.ballots });
  await tx.actionItem.createMany({ data: c.actionItems });
  await tx.councilEvent.createMany({ data: placed(c.events) });
  await tx.partyMember.createMany({ data: v.members });
  await tx.volunteerPost.createMany({ data: v.posts });
  await tx.postClaim.createMany({ data: v.claims });
  await tx.shift.createMany({ data: v.shifts });
  await tx.volunteerEvent.createMany({ data: placed(v.events) });
  await tx.branchCall.createMany({ data: v.calls });
  await tx.branchCallAnswer.createMany({ data: v.answers });
  await tx.case.createMany({ data: b.cases });
  await tx.caseChecklistItem.createMany({ data: b.checklist });
  await tx.caseAssignment.createMany({ data: b.assignments });
  await tx.caseLink.createMany({ data: b.links });
  await tx.caseEvent.createMany({ data: placed(b.events) });
  const head = position;
  await tx.logHead.upsert({ where: { id: 'log' }, create: { id: 'log', position: head }, update: { position: head } });
}

/**
 * Claims a start-up step as the first statement of the caller's transaction: true when this
 * transaction inserted its row. While another instance's transaction holds the row uncommitted, the
 * insert waits for it (PostgreSQL: on the unique index; SQLite: on the write lock), then finds the
 * row and claims nothing. Plain SQL: upsert does not say whether it inserted, and Prisma has no
 * createMany({ skipDuplicates }) on SQLite.
 */
async function claimStep(tx: Prisma.TransactionClient, key: string): Promise<boolean> {
  return (await tx.$executeRaw`INSERT INTO "BootstrapStep" ("key", "at") VALUES (${key}, ${new Date()}) ON CONFLICT DO NOTHING`) === 1;
}

/** Writes the demo data into an empty, migrated database, in one transaction; tickets span the year before `now`. */
export async function seed(prisma: PrismaClient, options: { now?: Date } = {}): Promise<{ users: number; gridCells: number; tickets: number }> {
  const rows = await demoRows(options.now ?? new Date());
  await prisma.$transaction(async (tx) => {
    await claimStep(tx, DEMO_SEED_STEP);
    await writeDemoRows(tx, rows);
  }, SEED_TRANSACTION);
  return { users: rows.users.length, gridCells: rows.data.gridCells.length, tickets: rows.t.tickets.length };
}

/**
 * Seeds only a database with no org data yet (start-up); returns whether it seeded. Safe when several
 * instances start together on one fresh database: exactly one of them seeds, the others wait for its
 * commit and return false.
 */
export async function seedIfEmpty(prisma: PrismaClient, options: { now?: Date } = {}): Promise<boolean> {
  // the usual restart: done long ago, so skip building and hashing the demo data
  if ((await prisma.bootstrapStep.count({ where: { key: DEMO_SEED_STEP } })) > 0) return false;
  const rows = await demoRows(options.now ?? new Date());
  const giveUpAt = Date.now() + SEED_TRANSACTION.timeout;
  for (;;) {
    try {
      return await prisma.$transaction(async (tx) => {
        if (!(await claimStep(tx, DEMO_SEED_STEP))) return false;
        // claimed, but a release from before start-up steps seeded it: keep its data, and record the
        // step so that later starts skip at once
        if ((await tx.district.count()) > 0) return false;
        await writeDemoRows(tx, rows);
        return true;
      }, SEED_TRANSACTION);
    } catch (error) {
      // SQLite's busy timeout (10 s, createPrisma) can run out before another instance's seed commits;
      // the rolled-back attempt left nothing behind, so wait again
      if (!isSqliteBusy(error) || Date.now() > giveUpAt) throw error;
    }
  }
}

const isSqliteBusy = (error: unknown) => (error as { code?: string }).code === 'P2010' && /SQLITE_BUSY/.test((error as Error).message);
