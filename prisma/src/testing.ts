// Test support shared by every package: throwaway databases on real SQLite and PostgreSQL, and the
// rule for services a newcomer may lack: skip loudly on a laptop, fail under CI (CI=true).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrisma, type PrismaClient, type PrismaOptions } from './client.ts';
import { type Provider, redactUrl } from './database.ts';
import { migrate } from './migrate.ts';
import { seed } from './seed/seed.ts';

/** The PostgreSQL server tests use; a throwaway database is created on it per test file. */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export interface ServiceCheck {
  ok: boolean;
  reason: string;
}

const inCI = () => /^(1|true)$/i.test(process.env.CI ?? '');

/**
 * Decides whether a suite that needs a service runs. Unavailable under CI: throws, so the run fails.
 * Unavailable elsewhere: prints a loud banner and returns false, so the caller skips the suite.
 */
export function requireService(name: string, check: ServiceCheck): boolean {
  if (check.ok) return true;
  const message = `${name} unavailable: ${check.reason}`;
  if (inCI()) throw new Error(`${message} — under CI=true nothing may be skipped`);
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING the ${name} suites: ${check.reason}\n${'!'.repeat(78)}\n`);
  return false;
}

/** Whether the test PostgreSQL server answers. */
export async function checkPostgres(url = testPostgresUrl): Promise<ServiceCheck> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true, reason: '' };
  } catch (error) {
    return { ok: false, reason: `no PostgreSQL at ${redactUrl(url)} (${(error as Error).message}); set TEST_POSTGRES_URL` };
  } finally {
    await client.end().catch(() => {});
  }
}

export interface TestDatabase {
  provider: Provider;
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database: a temporary SQLite file, or a new database on the test PostgreSQL server. */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  const name = `whistlehub_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (provider === 'sqlite') {
    const path = join(tmpdir(), `${name}.db`);
    return {
      provider,
      url: `file:${path}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
      },
    };
  }
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return {
    provider,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: testPostgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface SeededDatabase extends TestDatabase {
  prisma: PrismaClient;
  close(): Promise<void>;
}

/** Providers the suites run on: SQLite always, PostgreSQL when its server answers (always under CI). */
export async function testProviders(): Promise<Provider[]> {
  return requireService('PostgreSQL', await checkPostgres()) ? ['sqlite', 'postgresql'] : ['sqlite'];
}

/** A fresh database, migrated and seeded with the demo data, with an open client. */
export async function createSeededDatabase(provider: Provider, options: PrismaOptions = {}): Promise<SeededDatabase> {
  const db = await createTestDatabase(provider);
  await migrate(db.url);
  const prisma = await createPrisma(db.url, options);
  await seed(prisma);
  return {
    ...db,
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await db.drop();
    },
  };
}
