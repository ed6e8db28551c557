import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPrisma } from '../src/client.ts';
import { databaseUrl, providerOf, redactUrl } from '../src/database.ts';
import { migrate } from '../src/migrate.ts';
import { DISTRICTS } from '../src/seed/data.ts';
import { buildDemoData, DEMO_ACCOUNTS, seed, seedIfEmpty, wipe } from '../src/seed/seed.ts';
import { buildDemoTickets } from '../src/seed/tickets.ts';
import { buildDemoWhistles } from '../src/seed/whistles.ts';
import { createTestDatabase, testProviders } from '../src/testing.ts';

describe('demo data', () => {
  const data = buildDemoData();

  it('is deterministic', () => {
    expect(buildDemoData()).toEqual(data);
  });

  it('covers the ten districts and the streets and communities named in the articles', () => {
    expect(data.districts.map((d) => d.name)).toEqual(
      expect.arrayContaining(['平谷区', '东城区', '西城区', '丰台区', '大兴区', '怀柔区', '石景山区', '昌平区', '朝阳区', '海淀区']),
    );
    const streets = data.streets.map((s) => s.name);
    for (const name of ['金海湖镇', '前门街道', '东花市街道', '西长安街街道', '广安门外街道', '太平桥街道', '鲁谷街道', '八里庄街道', '雁栖镇']) {
      expect(streets).toContain(name);
    }
    const communities = data.communities.map((c) => c.name);
    for (const name of ['草厂社区', '柏泉社区', '西交民巷社区']) expect(communities).toContain(name);
    for (const d of DISTRICTS) expect(d.streets.length).toBeGreaterThanOrEqual(2);
  });

  it('has unique codes, and codes that nest (street in district, community in street, cell in community)', () => {
    for (const rows of [data.districts, data.streets, data.communities, data.gridCells, data.assets, data.departments]) {
      const codes = rows.map((r) => r.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
    const byId = new Map([...data.districts, ...data.streets, ...data.communities].map((r) => [r.id, r.code]));
    for (const s of data.streets) expect(s.code.startsWith(byId.get(s.districtId)!)).toBe(true);
    for (const c of data.communities) expect(c.code.startsWith(byId.get(c.streetId)!)).toBe(true);
    for (const g of data.gridCells) expect(g.code.startsWith(byId.get(g.communityId)!)).toBe(true);
    for (const a of data.assets) expect(a.code).toMatch(/^\d{8}$/);
  });

  it('gives every grid cell a closed polygon containing its centroid and a grid worker with a mobile number', () => {
    const workers = new Map(data.persons.map((p) => [p.id, p]));
    for (const g of data.gridCells) {
      const ring = JSON.parse(g.polygon).coordinates[0] as [number, number][];
      expect(ring[0]).toEqual(ring.at(-1));
      const lngs = ring.map((p) => p[0]);
      const lats = ring.map((p) => p[1]);
      expect(g.centroidLng).toBeGreaterThan(Math.min(...lngs));
      expect(g.centroidLng).toBeLessThan(Math.max(...lngs));
      expect(g.centroidLat).toBeGreaterThan(Math.min(...lats));
      expect(g.centroidLat).toBeLessThan(Math.max(...lats));
      expect(workers.get(g.gridWorkerId)?.phone).toMatch(/^1\d{10}$/);
    }
  });

  it('has a demo account for every role', () => {
    const roles = new Set(DEMO_ACCOUNTS.flatMap((a) => a.roles.map((r) => r.role)));
    for (const role of ['ADMIN', 'DISTRICT_DISPATCHER', 'STREET_OFFICER', 'DEPARTMENT_OFFICER', 'COUNCIL_MEMBER', 'PARTY_MEMBER', 'GRID_WORKER', 'INTEGRATOR']) {
      expect(roles).toContain(role);
    }
  });
});

describe('seeding a database', () => {
  it('seeds an empty database once, and a re-seed gives the same ids', async () => {
    const db = await createTestDatabase('sqlite');
    await migrate(db.url);
    const prisma = await createPrisma(db.url);
    try {
      expect(await seedIfEmpty(prisma)).toBe(true);
      expect(await seedIfEmpty(prisma)).toBe(false);
      const before = await prisma.gridCell.findMany({ select: { id: true, code: true }, orderBy: { code: 'asc' } });
      await wipe(prisma);
      expect(await prisma.district.count()).toBe(0);
      await seed(prisma);
      expect(await prisma.gridCell.findMany({ select: { id: true, code: true }, orderBy: { code: 'asc' } })).toEqual(before);
      expect(await prisma.roleAssignment.count()).toBe(DEMO_ACCOUNTS.reduce((n, a) => n + a.roles.length, 0));
    } finally {
      await prisma.$disconnect();
      await db.drop();
    }
  });
});

/** Starts like an api instance, in its own Node process: migrate, then seed an empty database. */
function startInChild(url: string): Promise<{ code: number | null; out: string }> {
  const index = JSON.stringify(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
  const script = `import { createPrisma, migrate, seedIfEmpty } from ${index};
    await migrate(${JSON.stringify(url)});
    const prisma = await createPrisma(${JSON.stringify(url)});
    try { console.log(JSON.stringify({ seeded: await seedIfEmpty(prisma) })); } finally { await prisma.$disconnect(); }`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe.each(await testProviders())('start-up seeding on %s', (provider) => {
  it('seeds once when several instances start together on a fresh database; the others wait for it and start', async () => {
    const db = await createTestDatabase(provider);
    try {
      const runs = await Promise.all([startInChild(db.url), startInChild(db.url), startInChild(db.url)]);
      for (const r of runs) expect(r.code, r.out).toBe(0);
      const seeded = runs.map((r) => JSON.parse(r.out.trim().split('\n').at(-1)!).seeded as boolean);
      expect(seeded.filter(Boolean)).toHaveLength(1);
      const prisma = await createPrisma(db.url);
      try {
        expect(await prisma.district.count()).toBe(DISTRICTS.length);
        expect(await prisma.user.count()).toBe(DEMO_ACCOUNTS.length);
        expect(await prisma.ticket.count()).toBe(480);
        expect((await prisma.bootstrapStep.findMany()).map((s) => s.key)).toEqual(['demo-seed']);
        // the log is hub-wide: ticket events, then the demo whistles' events
        expect((await prisma.logHead.findUniqueOrThrow({ where: { id: 'log' } })).position).toBe((await prisma.ticketEvent.count()) + (await prisma.whistleEvent.count()) + (await prisma.councilEvent.count()) + (await prisma.volunteerEvent.count()) + (await prisma.caseEvent.count()));
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await db.drop();
    }
  }, 120_000);

  it('leaves alone a database seeded before start-up steps were recorded', async () => {
    const db = await createTestDatabase(provider);
    await migrate(db.url);
    const prisma = await createPrisma(db.url);
    try {
      await seed(prisma);
      // as an older release left it: demo data, no step row
      await prisma.bootstrapStep.deleteMany();
      await prisma.district.update({ where: { code: '110101' }, data: { name: '东城区（已改）' } });
      expect(await seedIfEmpty(prisma)).toBe(false);
      expect(await prisma.district.count()).toBe(DISTRICTS.length);
      expect((await prisma.district.findUniqueOrThrow({ where: { code: '110101' } })).name).toBe('东城区（已改）');
      // recorded now, so the next start skips without looking further
      expect((await prisma.bootstrapStep.findMany()).map((s) => s.key)).toEqual(['demo-seed']);
    } finally {
      await prisma.$disconnect();
      await db.drop();
    }
  });
});

describe('start-up seeding on sqlite, behind a long seed', () => {
  it('waits past the busy timeout for the instance that is seeding, then skips', async () => {
    const db = await createTestDatabase('sqlite');
    await migrate(db.url);
    // another instance in the middle of a seed longer than SQLite's 10 s busy timeout (a process of
    // its own: a busy wait blocks the waiting process's event loop)
    const other = spawn(process.execPath, ['--input-type=module', '-e', `
      import Database from 'better-sqlite3';
      const db = new Database(${JSON.stringify(db.url.slice('file:'.length))});
      db.exec('BEGIN IMMEDIATE');
      db.exec(\`INSERT INTO "BootstrapStep" ("key") VALUES ('demo-seed')\`);
      console.log('seeding');
      setTimeout(() => db.exec('COMMIT'), 12_000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => other.stdout.once('data', resolve));
    const prisma = await createPrisma(db.url);
    try {
      const started = Date.now();
      expect(await seedIfEmpty(prisma)).toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
      expect(await prisma.district.count()).toBe(0);
    } finally {
      other.kill();
      await prisma.$disconnect();
      await db.drop();
    }
  }, 60_000);
});

describe('DATABASE_URL', () => {
  it('picks the provider from the scheme', () => {
    expect(providerOf('file:./x.db')).toBe('sqlite');
    expect(providerOf('postgresql://h/db')).toBe('postgresql');
    expect(providerOf('postgres://h/db')).toBe('postgresql');
    expect(() => providerOf('mysql://h/db')).toThrow(/file: \(SQLite\) or postgresql:\/\//);
  });

  it('resolves a relative SQLite path against the folder npm was started from', () => {
    expect(databaseUrl({ DATABASE_URL: 'file:./data/a.db', INIT_CWD: '/home/me/hub' })).toBe('file:/home/me/hub/data/a.db');
    expect(databaseUrl({})).toMatch(/^file:\/.*\/data\/whistlehub\.db$/);
    expect(databaseUrl({ DATABASE_URL: 'postgresql://u:p@h/db' })).toBe('postgresql://u:p@h/db');
  });

  it('hides passwords in logs', () => {
    expect(redactUrl('postgresql://u:secret@h:5432/db')).toBe('postgresql://u:***@h:5432/db');
    expect(redactUrl('postgresql://h/db')).toBe('postgresql://h/db');
    expect(redactUrl('redis://:secret@h:6379')).toBe('redis://:***@h:6379');
  });
});

describe('demo tickets', () => {
  const now = new Date('2026-11-22T04:00:00Z');
  const t = buildDemoTickets(buildDemoData(), now, 480, ['王', '李'], ['伟', '芳']);

  it('are deterministic for a given now', () => {
    expect(buildDemoTickets(buildDemoData(), now, 480, ['王', '李'], ['伟', '芳'])).toEqual(t);
  });

  it('span the twelve months before now, in every status the rates need', () => {
    const months = new Set(t.tickets.map((x) => x.receivedAt.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    expect(t.tickets.every((x) => x.receivedAt <= now && now.getTime() - x.receivedAt.getTime() <= 366 * 864e5)).toBe(true);
    const statuses = new Set(t.tickets.map((x) => x.status));
    for (const s of ['DISPATCHED', 'IN_PROGRESS', 'CLOSED']) expect(statuses).toContain(s);
    const late = t.tickets.filter((x) => x.respondedAt && x.respondedAt > x.respondBy);
    expect(late.length).toBeGreaterThan(10);
    expect(t.callbacks.some((c) => c.satisfaction === 'UNSATISFIED')).toBe(true);
  });

  it('keep each ticket consistent: contiguous event numbers, call-back copied, closed after a call-back', () => {
    for (const ticket of t.tickets) {
      const seqs = t.events.filter((e) => e.ticketId === ticket.id).map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const cb = t.callbacks.find((c) => c.ticketId === ticket.id);
      expect(ticket.callbackSatisfaction ?? null).toBe(cb?.satisfaction ?? null);
      if (ticket.status === 'CLOSED') expect(cb && ticket.closedAt).toBeTruthy();
    }
    const dual = new Set(t.parts.filter((p) => p.kind === 'COMMUNITY').map((p) => p.ticketId));
    expect(dual.size).toBeGreaterThan(50);
  });

  it('cluster roof leaks in a few cells, as a hot spot to find', () => {
    const leaks = t.tickets.filter((x) => x.categoryId === 'cat_ROOF_LEAK');
    const perCell = new Map<string, number>();
    for (const x of leaks) perCell.set(x.gridCellId, (perCell.get(x.gridCellId) ?? 0) + 1);
    expect(Math.max(...perCell.values())).toBeGreaterThanOrEqual(3);
    expect(leaks.every((x) => x.description.includes('漏雨'))).toBe(true);
  });
});

describe('demo whistles', () => {
  const now = new Date('2026-11-20T02:00:00Z');
  const org = buildDemoData();
  const t = buildDemoTickets(org, now);
  const w = buildDemoWhistles(org, now, t.tickets);

  it('seed every district with the three tiers (emergency 10/30 min, key 2 h/24 h, routine 24 h/72 h)', () => {
    expect(w.tiers).toHaveLength(org.districts.length * 3);
    const pinggu = w.tiers.filter((r) => r.districtId === 'dis_110117').map((r) => [r.tier, r.ackMinutes, r.onSiteMinutes]);
    expect(pinggu).toEqual([['EMERGENCY', 10, 30], ['KEY', 120, 1440], ['ROUTINE', 1440, 4320]]);
  });

  it('tell the seed stories: Pinggu emergency, cross-district 广外/太平桥, Daxing stalled estate, a live whistle in 前门', () => {
    const byKey = new Map(w.whistles.map((x) => [x.id, x]));
    expect(byKey.get('whs_guangwai')).toMatchObject({ crossDistrict: true, streetId: 'str_110102020', stage: 'ACT' });
    expect(byKey.get('whs_jinhaihu')).toMatchObject({ tier: 'EMERGENCY', stage: 'CLOSE', crossDistrict: false });
    expect(byKey.get('whs_guoling')).toMatchObject({ stage: 'SUPERVISE', mode: 'DEPARTMENT_REQUIRES' });
    expect(byKey.get('whs_qianmen-lock')).toMatchObject({ stage: 'ASSEMBLE', tier: 'ROUTINE' });
    expect(byKey.get('whs_qianmen-lock')!.ticketId).toMatch(/^tkt_demo_/);
    // exactly one LEAD per whistle
    for (const x of w.whistles) expect(w.summonses.filter((s) => s.whistleId === x.id && s.role === 'LEAD')).toHaveLength(1);
  });

  it('escalate exactly the deadlines that passed unmet, and number each history from 1', () => {
    for (const d of w.deadlines) {
      const esc = w.escalations.filter((e) => e.deadlineId === d.id);
      expect(esc).toHaveLength(d.state === 'FIRED' ? 1 : 0);
    }
    // Pinggu's 城管 acknowledged 4 minutes late and arrived 17 minutes late
    expect(w.summonses.find((s) => s.id === 'whs_jinhaihu_110117-CGZF')).toMatchObject({ ackLate: true, onSiteLate: true });
    for (const x of w.whistles) {
      const seqs = w.events.filter((e) => e.whistleId === x.id).map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    // the live 前门 whistle: its lead has not acknowledged and its deadlines are still pending
    expect(w.deadlines.filter((d) => d.whistleId === 'whs_qianmen-lock' && d.state === 'PENDING').length).toBeGreaterThan(0);
  });
});
