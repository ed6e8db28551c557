import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder above prisma/). */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The embedded default: a SQLite file under data/ at the repository root. */
export const defaultDatabaseUrl = `file:${join(repoRoot, 'data', 'whistlehub.db')}`;

export type Provider = 'sqlite' | 'postgresql';

/** Which provider a DATABASE_URL speaks, from its scheme; throws a readable error for anything else. */
export function providerOf(url: string): Provider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${redactUrl(url)}"`);
}

/**
 * The configured database URL. A relative SQLite path is resolved against the folder the command was
 * started from (npm sets INIT_CWD; workspace scripts otherwise run inside their package folder).
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim() || defaultDatabaseUrl;
  if (providerOf(url) !== 'sqlite') return url;
  return `file:${sqlitePath(url, env.INIT_CWD ?? process.cwd())}`;
}

/** The file path of a file: URL (query string dropped), made absolute against `base`. */
export function sqlitePath(url: string, base = process.cwd()): string {
  const path = url.slice('file:'.length).replace(/\?.*$/, '');
  return isAbsolute(path) ? path : resolve(base, path);
}

/** The URL without its password, for logs and error messages. */
export function redactUrl(url: string): string {
  // a user may be empty, as in redis://:secret@host
  return url.replace(/(\/\/[^:/@]*):[^@]*@/, '$1:***@');
}
