// `npm start` as an operator sees it: a database it cannot reach, migrate or seed is one clear fatal
// line and a non-zero exit; several instances starting together on a fresh database all come up.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPrisma, DEMO_ACCOUNTS, listMigrations, migrate } from '@whistlehub/prisma';
import { createTestDatabase, testProviders } from '@whistlehub/prisma/testing';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const env = (databaseUrl: string) => ({ ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', VITEST: '' });

function startOnce(databaseUrl: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', main], { env: env(databaseUrl), encoding: 'utf8', timeout: 60_000 });
}

/** The one fatal line of a failed start, parsed; fails when there is not exactly one. */
function fatalLine(output: string) {
  const lines = output.trim().split('\n').filter((l) => l.includes('"level":60'));
  expect(lines, output).toHaveLength(1);
  return JSON.parse(lines[0]!) as { msg: string; reason: string; database?: string; code?: string };
}

// a stack frame, as Node prints them ("    at fn (file:line:col)")
const STACK_FRAME = /^\s+at .+:\d+/m;

describe('start-up', () => {
  it('exits non-zero with one clear line when the database is unreachable', () => {
    const run = startOnce('postgresql://nobody:secret@127.0.0.1:1/none');
    expect(run.status).toBe(1);
    const entry = fatalLine(run.stdout + run.stderr);
    expect(entry.msg).toBe('cannot reach or migrate the database');
    expect(entry.database).toBe('postgresql://nobody:***@127.0.0.1:1/none');
    expect(entry.reason).toMatch(/ECONNREFUSED/);
    expect(run.stdout + run.stderr).not.toContain('secret');
  });

  it('refuses a DATABASE_URL of an unknown kind', () => {
    const run = startOnce('mysql://localhost/x');
    expect(run.status).toBe(1);
    expect(fatalLine(run.stdout + run.stderr).reason).toMatch(/DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\//);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
  });

  it('refuses a migration edited after it was applied, naming it, with one line and no stack', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      await migrate(db.url);
      const [first] = listMigrations('sqlite');
      const prisma = await createPrisma(db.url);
      await prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = '${first!.name}'`);
      await prisma.$disconnect();
      const run = startOnce(db.url);
      expect(run.status).toBe(1);
      const entry = fatalLine(run.stdout + run.stderr);
      expect(entry.msg).toBe('cannot reach or migrate the database');
      expect(entry.reason).toContain(`migration ${first!.name} was edited after it was applied`);
      expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
    } finally {
      await db.drop();
    }
  });

  it('exits non-zero with one clear line, no stack, when the seed fails', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      await migrate(db.url);
      // an empty org tree but a demo login already taken: the seed cannot write its accounts
      const prisma = await createPrisma(db.url);
      await prisma.user.create({ data: { login: 'admin', displayName: 'someone', passwordHash: 'x' } });
      await prisma.$disconnect();
      const run = startOnce(db.url);
      expect(run.status).toBe(1);
      const entry = fatalLine(run.stdout + run.stderr);
      expect(entry).toMatchObject({ msg: 'cannot seed the database', code: 'P2002' });
      expect(entry.reason).toMatch(/Unique constraint failed/);
      expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
    } finally {
      await db.drop();
    }
  });
});

/** Starts the api; resolves once it listens (or exits), with its log lines so far. */
function startInstance(databaseUrl: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', main], { env: env(databaseUrl), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<{ listening: boolean; out: string }>((resolve) => {
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('Whistlehub listening')) resolve({ listening: true, out });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => resolve({ listening: false, out }));
  });
  const stopped = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { ready, stop: () => (child.kill('SIGTERM'), stopped) };
}

describe.each(await testProviders())('several instances starting at once on a fresh %s database', (provider) => {
  it('all start, and the demo data is there exactly once', async () => {
    const db = await createTestDatabase(provider);
    const instances = [startInstance(db.url), startInstance(db.url), startInstance(db.url)];
    try {
      const started = await Promise.all(instances.map((i) => i.ready));
      for (const s of started) expect(s.listening, s.out).toBe(true);
      expect(started.filter((s) => s.out.includes('seeded the empty database'))).toHaveLength(1);
      for (const s of started) expect(s.out).not.toContain('"level":60');
      const prisma = await createPrisma(db.url);
      try {
        expect(await prisma.district.count()).toBe(10);
        expect(await prisma.user.count()).toBe(DEMO_ACCOUNTS.length);
        expect((await prisma.bootstrapStep.findMany()).map((s) => s.key)).toEqual(['demo-seed']);
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      expect(await Promise.all(instances.map((i) => i.stop()))).toEqual([0, 0, 0]);
      await db.drop();
    }
  }, 120_000);
});
