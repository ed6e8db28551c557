// Applies the committed SQL migrations at start-up, idempotently and safely when several instances
// start at once. Prisma's own `migrate deploy` cannot run here on PostgreSQL (its JavaScript schema
// engine fails to introspect; see shared/DESIGN.md), so this keeps Prisma's bookkeeping table
// `_prisma_migrations` itself, in Prisma's format, so that Prisma's tools read the same history.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseUrl, providerOf, type Provider, sqlitePath } from './database.ts';

const migrationsRoot = fileURLToPath(new URL('../migrations', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  provider: Provider;
  applied: string[];
  alreadyApplied: number;
}

/** The committed migrations for a provider, oldest first. */
export function listMigrations(provider: Provider): Migration[] {
  const dir = join(migrationsRoot, provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Thrown when the database holds a migration that failed half-way; a person must look at it. */
export class FailedMigrationError extends Error {
  override name = 'FailedMigrationError';
}

/** Thrown when a migration file differs from the one applied to the database: it was edited afterwards. */
export class EditedMigrationError extends Error {
  override name = 'EditedMigrationError';

  constructor(
    readonly migration: string,
    readonly provider: Provider,
    readonly appliedChecksum: string,
    readonly fileChecksum: string,
  ) {
    super(
      `migration ${migration} was edited after it was applied to this database (applied sha-256 ${appliedChecksum.slice(0, 12)}…, ` +
        `file now ${fileChecksum.slice(0, 12)}…); nothing was migrated. Restore prisma/migrations/${provider}/${migration}/migration.sql ` +
        `as it was applied (see git log -p on it) and put the change in a new migration`,
    );
  }
}

export interface MigrateOptions {
  /** apply only up to and including this migration (an upgrade test stops at an older release) */
  to?: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/**
 * The migrations still to apply, after refusing a database that cannot be migrated safely: one holding a
 * migration that failed half-way, or one whose applied migrations no longer match their files. Both
 * checks run before anything is applied, so a refused database is left exactly as it was.
 */
function pending(provider: Provider, all: Migration[], rows: AppliedRow[], options: MigrateOptions): Migration[] {
  const failed = rows.find((r) => r.finished_at == null && r.rolled_back_at == null);
  if (failed) {
    throw new FailedMigrationError(
      `migration ${failed.migration_name} failed earlier and was not rolled back; resolve it before starting`,
    );
  }
  const applied = rows.filter((r) => r.rolled_back_at == null);
  const files = new Map(all.map((m) => [m.name, m]));
  for (const row of applied) {
    // a row without a file is a database migrated by a newer release; there is nothing to compare
    const file = files.get(row.migration_name);
    if (file && file.checksum !== row.checksum) throw new EditedMigrationError(row.migration_name, provider, row.checksum, file.checksum);
  }
  let wanted = all;
  if (options.to !== undefined) {
    const last = all.findIndex((m) => m.name === options.to);
    if (last < 0) throw new Error(`migrate: there is no ${provider} migration named ${options.to}`);
    wanted = all.slice(0, last + 1);
  }
  const done = new Set(applied.map((r) => r.migration_name));
  return wanted.filter((m) => !done.has(m.name));
}

const alreadyApplied = (all: Migration[], rows: AppliedRow[]) =>
  all.filter((m) => rows.some((r) => r.migration_name === m.name && r.rolled_back_at == null)).length;

// Same column set and types as the table `prisma migrate` creates, per provider.
const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;
const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
const SELECT_APPLIED = `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`;

/**
 * Brings the database at `url` up to the newest committed migration (or to `options.to`); refuses, with
 * FailedMigrationError or EditedMigrationError and before applying anything, a database it cannot
 * migrate safely.
 */
export async function migrate(url = databaseUrl(), options: MigrateOptions = {}): Promise<MigrateResult> {
  const provider = providerOf(url);
  return provider === 'sqlite' ? migrateSqlite(url, options) : migratePostgres(url, options);
}

async function migrateSqlite(url: string, options: MigrateOptions): Promise<MigrateResult> {
  const { default: Database } = await import('better-sqlite3');
  const path = sqlitePath(url);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 30_000 });
  try {
    // WAL lets readers go on while the api writes; the setting is stored in the file.
    db.pragma('journal_mode = WAL');
    // BEGIN IMMEDIATE takes the database's write lock first: a second instance starting at the same
    // time waits here (busy timeout) and then finds the migrations applied.
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(SQLITE_TABLE);
      const all = listMigrations('sqlite');
      const rows = db.prepare(SELECT_APPLIED).all() as AppliedRow[];
      const todo = pending('sqlite', all, rows, options);
      const record = db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES (?, ?, ?, current_timestamp, current_timestamp, 1)`,
      );
      for (const m of todo) {
        db.exec(m.sql);
        record.run(randomUUID(), m.checksum, m.name);
      }
      db.exec('COMMIT');
      return { provider: 'sqlite', applied: todo.map((m) => m.name), alreadyApplied: alreadyApplied(all, rows) };
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.close();
  }
}

// An arbitrary constant shared by every Whistlehub instance: the advisory lock's key.
const MIGRATION_LOCK_KEY = 7_070_2024;

async function migratePostgres(url: string, options: MigrateOptions): Promise<MigrateResult> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // A session-level advisory lock serialises instances that start together; PostgreSQL DDL is
    // transactional, so each migration and its bookkeeping row commit together or not at all.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(POSTGRES_TABLE);
    const all = listMigrations('postgresql');
    const { rows } = await client.query<AppliedRow>(SELECT_APPLIED);
    const todo = pending('postgresql', all, rows, options);
    for (const m of todo) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    return { provider: 'postgresql', applied: todo.map((m) => m.name), alreadyApplied: alreadyApplied(all, rows) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
