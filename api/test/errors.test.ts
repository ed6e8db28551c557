import type { PrismaClient } from '@whistlehub/prisma';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/yoga.ts';

// A database client whose every call fails with an internal-looking message.
const broken = new Proxy({} as PrismaClient, {
  get: (_target, model) =>
    new Proxy(() => {}, {
      get: () => async () => {
        throw new Error(`SQLITE_CORRUPT: database disk image is malformed (table ${String(model)})`);
      },
      apply: async () => {
        throw new Error('SQLITE_CORRUPT: database disk image is malformed');
      },
    }),
});

describe('unexpected errors', () => {
  const app = createApp({ prisma: broken });

  it('are masked: the client sees "Unexpected error." and nothing of the cause', async () => {
    const response = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ districts(first: 1) { edges { node { name } } } }' }),
    });
    const text = await response.text();
    expect(text).toContain('Unexpected error.');
    expect(text).not.toMatch(/SQLITE|malformed|disk/);
  });

  it('make /readyz report not ready while /healthz stays up', async () => {
    expect((await app.fetch('http://test/readyz')).status).toBe(503);
    expect((await app.fetch('http://test/healthz')).status).toBe(200);
  });
});
