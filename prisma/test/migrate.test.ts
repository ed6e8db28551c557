import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrisma } from '../src/client.ts';
import type { Provider } from '../src/database.ts';
import { EditedMigrationError, listMigrations, migrate } from '../src/migrate.ts';
import { createTestDatabase, testProviders, type TestDatabase } from '../src/testing.ts';

// the release before the spine: its databases hold ticket histories without log positions
const TICKETS_RELEASE = '20261122140455_tickets';

/** Runs statements on the database, and returns the rows of the last one. */
async function sql<T = Record<string, unknown>>(url: string, ...statements: string[]): Promise<T[]> {
  const prisma = await createPrisma(url);
  try {
    for (const s of statements.slice(0, -1)) await prisma.$executeRawUnsafe(s);
    return await prisma.$queryRawUnsafe<T[]>(statements.at(-1)!);
  } finally {
    await prisma.$disconnect();
  }
}

const tableExists = async (provider: Provider, url: string, table: string) =>
  (await sql<{ n: unknown }>(url,
    provider === 'sqlite'
      ? `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '${table}'`
      : `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '${table}'`,
  ))[0]!.n != 0;

/** Runs migrate() in a separate Node process: real concurrency, as two api instances starting together. */
function migrateInChild(url: string): Promise<{ code: number | null; out: string }> {
  const script = `import { migrate } from ${JSON.stringify(fileURLToPath(new URL('../src/migrate.ts', import.meta.url)))};
    const r = await migrate(${JSON.stringify(url)}); console.log(JSON.stringify(r));`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe.each(await testProviders())('migrations on %s', (provider) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it('apply from empty, then are a no-op, and leave Prisma-compatible bookkeeping', async () => {
    db = await createTestDatabase(provider);
    const all = listMigrations(provider);
    expect(all.length).toBeGreaterThan(0);
    const first = await migrate(db.url);
    expect(first.applied).toEqual(all.map((m) => m.name));
    const second = await migrate(db.url);
    expect(second).toEqual({ provider, applied: [], alreadyApplied: all.length });

    const prisma = await createPrisma(db.url);
    try {
      const rows = await prisma.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: unknown; applied_steps_count: number }[]>(
        'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(rows.map((r) => r.migration_name)).toEqual(all.map((m) => m.name));
      expect(rows.map((r) => r.checksum)).toEqual(all.map((m) => m.checksum));
      expect(rows.every((r) => r.finished_at != null && Number(r.applied_steps_count) === 1)).toBe(true);
      // the schema is there and usable
      expect(await prisma.district.count()).toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('is safe when several instances start at once: each migration is applied exactly once', async () => {
    db = await createTestDatabase(provider);
    const results = await Promise.all([migrateInChild(db.url), migrateInChild(db.url), migrateInChild(db.url)]);
    for (const r of results) expect(r.code, r.out).toBe(0);
    const applied = results.map((r) => JSON.parse(r.out.trim().split('\n').at(-1)!).applied as string[]);
    const total = listMigrations(provider).length;
    expect(applied.flat()).toHaveLength(total);
    expect(applied.filter((a) => a.length > 0)).toHaveLength(1);
  });

  it('refuses to start over a migration that failed half-way', async () => {
    db = await createTestDatabase(provider);
    await migrate(db.url);
    const prisma = await createPrisma(db.url);
    try {
      await prisma.$executeRawUnsafe(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('x', 'y', '99999999999999_broken', CURRENT_TIMESTAMP, 0)`,
      );
    } finally {
      await prisma.$disconnect();
    }
    await expect(migrate(db.url)).rejects.toThrow(/99999999999999_broken failed earlier/);
  });

  it('refuses, before applying anything, a database whose applied migration was edited afterwards', async () => {
    db = await createTestDatabase(provider);
    const [init] = listMigrations(provider);
    await migrate(db.url, { to: TICKETS_RELEASE });
    // the database remembers the text it ran; the file has changed since (here: a comment added)
    const asApplied = createHash('sha256').update(`${init!.sql}\n-- tidied up later\n`).digest('hex');
    await sql(db.url, `UPDATE "_prisma_migrations" SET checksum = '${asApplied}' WHERE migration_name = '${init!.name}'`, 'SELECT 1');

    const error = await migrate(db.url).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(EditedMigrationError);
    expect(error).toMatchObject({ name: 'EditedMigrationError', migration: init!.name, provider });
    expect((error as Error).message).toContain(`migration ${init!.name} was edited after it was applied`);
    expect((error as Error).message).toMatch(/nothing was migrated.*new migration/);
    // the newer migration is still pending: not recorded, and its tables absent
    const rows = await sql<{ migration_name: string }>(db.url, 'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name');
    expect(rows.map((r) => r.migration_name)).toEqual([init!.name, TICKETS_RELEASE]);
    expect(await tableExists(provider, db.url, 'LogHead')).toBe(false);
    // and it stays refused, start after start, until the file is put back
    await expect(migrate(db.url)).rejects.toBeInstanceOf(EditedMigrationError);
    await sql(db.url, `UPDATE "_prisma_migrations" SET checksum = '${init!.checksum}' WHERE migration_name = '${init!.name}'`, 'SELECT 1');
    expect((await migrate(db.url)).applied).toEqual(listMigrations(provider).slice(2).map((m) => m.name));
  });

  it('upgrades a database of the tickets release with its histories: log positions in time order, feed keys, the log head', async () => {
    db = await createTestDatabase(provider);
    expect((await migrate(db.url, { to: TICKETS_RELEASE })).applied.at(-1)).toBe(TICKETS_RELEASE);
    const at = (hhmm: string) => `'2026-11-20T${hhmm}:00.000+00:00'`;
    const ticket = (id: string, street: string | null, district: string) =>
      `INSERT INTO "Ticket" ("id", "number", "channel", "categoryId", "description", "streetId", "districtId", "status", "version", "receivedAt", "respondBy", "feedbackBy")
       VALUES ('${id}', '20261120-${id}', 'HOTLINE_12345', 'cat_noise', '夜间施工噪音', ${street ? `'${street}'` : 'NULL'}, '${district}', 'DISPATCHED', 2, ${at('08:00')}, ${at('10:00')}, ${at('23:59')})`;
    const event = (ticketId: string, seq: number, type: string, hhmm: string) =>
      `INSERT INTO "TicketEvent" ("id", "ticketId", "seq", "type", "at") VALUES ('${ticketId}_e${seq}', '${ticketId}', ${seq}, '${type}', ${at(hhmm)})`;
    // inserted ticket by ticket, so that only the times can give the interleaved order checked below
    await sql(db.url,
      `INSERT INTO "District" ("id", "code", "name", "nameEn") VALUES ('dis_a', '110101', '东城区', 'Dongcheng'), ('dis_b', '110102', '西城区', 'Xicheng')`,
      `INSERT INTO "Street" ("id", "code", "name", "nameEn", "districtId") VALUES ('str_a', '110101011', '前门街道', 'Qianmen', 'dis_a'), ('str_b', '110102001', '西长安街街道', 'Xichang''anjie', 'dis_b')`,
      `INSERT INTO "TicketCategory" ("id", "code", "name", "nameEn", "responseHours") VALUES ('cat_noise', 'NOISE', '夜间施工噪音', 'Night-time noise', 2)`,
      ticket('tkt_1', 'str_a', 'dis_a'), ticket('tkt_2', 'str_b', 'dis_b'), ticket('tkt_3', null, 'dis_a'),
      event('tkt_1', 1, 'RECEIVED', '08:00'), event('tkt_1', 2, 'DISPATCHED', '09:00'), event('tkt_1', 3, 'ACCEPTED', '10:00'),
      event('tkt_2', 1, 'RECEIVED', '08:30'), event('tkt_2', 2, 'DISPATCHED', '10:00'),
      // the same minute as tkt_1's dispatch: the tie goes by ticket id
      event('tkt_3', 1, 'RECEIVED', '09:00'),
      'SELECT 1',
    );

    expect((await migrate(db.url)).applied).toEqual(listMigrations(provider).slice(2).map((m) => m.name));

    const prisma = await createPrisma(db.url);
    try {
      const events = await prisma.ticketEvent.findMany({ orderBy: { position: 'asc' }, select: { id: true, position: true, streetId: true, districtId: true, at: true } });
      expect(events.map((e) => [e.position, e.id])).toEqual([
        [1, 'tkt_1_e1'], [2, 'tkt_2_e1'], [3, 'tkt_1_e2'], [4, 'tkt_3_e1'], [5, 'tkt_1_e3'], [6, 'tkt_2_e2'],
      ]);
      for (let i = 1; i < events.length; i++) expect(events[i]!.at >= events[i - 1]!.at).toBe(true);
      const place = { tkt_1: ['str_a', 'dis_a'], tkt_2: ['str_b', 'dis_b'], tkt_3: [null, 'dis_a'] } as Record<string, [string | null, string]>;
      for (const e of events) expect([e.streetId, e.districtId], e.id).toEqual(place[e.id.slice(0, 5)]);
      expect(await prisma.logHead.findMany()).toEqual([{ id: 'log', position: 6 }]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
