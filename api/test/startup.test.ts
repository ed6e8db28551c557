// `npm start` against a database it cannot reach: one clear message and a non-zero exit.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

describe('start-up', () => {
  it('exits non-zero with one clear line when the database is unreachable', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, DATABASE_URL: 'postgresql://nobody:secret@127.0.0.1:1/none', PORT: '0', LOG_LEVEL: 'info', VITEST: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    const lines = (run.stdout + run.stderr).trim().split('\n').filter((l) => l.includes('"level":60'));
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry.msg).toBe('cannot reach or migrate the database');
    expect(entry.database).toBe('postgresql://nobody:***@127.0.0.1:1/none');
    expect(entry.reason).toMatch(/ECONNREFUSED/);
    expect(run.stdout + run.stderr).not.toContain('secret');
  });

  it('refuses a DATABASE_URL of an unknown kind', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, DATABASE_URL: 'mysql://localhost/x', PORT: '0', LOG_LEVEL: 'info', VITEST: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\//);
  });
});
