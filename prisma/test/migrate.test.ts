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
});
