// One model source, one generated client per provider (each embeds its own query compiler): the
// client is chosen here from the DATABASE_URL scheme, and nothing above this file knows which it is.
// The SQLite client's type stands for both: they are generated from the same models.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/sqlite/client.ts';
import { databaseUrl, providerOf, sqlitePath } from './database.ts';

export { Prisma, PrismaClient } from '../generated/sqlite/client.ts';
export * from '../generated/sqlite/enums.ts';
export type {
  ApiToken, Asset, Community, Department, District, GridCell, Person, RoleAssignment, Session, Street, User,
} from '../generated/sqlite/client.ts';

export interface PrismaOptions {
  /** called with each SQL statement the client runs (tests count them to guard against N+1) */
  onQuery?: (sql: string) => void;
}

const queryLog = { log: [{ emit: 'event', level: 'query' }] } as const;

function listen(client: PrismaClient, options: PrismaOptions): PrismaClient {
  const { onQuery } = options;
  if (onQuery) (client as unknown as { $on(e: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) => onQuery(e.query));
  return client;
}

/** Opens a Prisma client for the URL (default: DATABASE_URL or the embedded SQLite file). */
export async function createPrisma(url = databaseUrl(), options: PrismaOptions = {}): Promise<PrismaClient> {
  const log = options.onQuery ? queryLog : {};
  if (providerOf(url) === 'sqlite') {
    const path = sqlitePath(url);
    mkdirSync(dirname(path), { recursive: true });
    // timeout is SQLite's busy timeout: a writer waits for another's lock instead of failing at once
    return listen(new PrismaClient({ ...log, adapter: new PrismaBetterSQLite3({ url: `file:${path}`, timeout: 10_000 }) }), options);
  }
  const [{ PrismaPg }, generated] = await Promise.all([
    import('@prisma/adapter-pg'),
    import('../generated/postgres/client.ts'),
  ]);
  const client = new generated.PrismaClient({ ...log, adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  return listen(client as unknown as PrismaClient, options);
}
