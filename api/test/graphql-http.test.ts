// The GraphQL-over-HTTP spec as its own audit suite defines it (graphql-http's serverAudits).
// https://github.com/graphql/graphql-http#audits
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('sqlite');
});
afterAll(() => t?.close());

// One of graphql-http's SHOULD audits expects 200 for unparsable documents sent with Accept:
// application/json; Whistlehub answers 400 on purpose (see useBadRequestStatus in src/yoga.ts).
const DELIBERATE = new Set(['SHOULD use 200 status code on document parsing failure when accepting application/json', 'SHOULD use 200 status code on document validation failure when accepting application/json']);

describe('GraphQL over HTTP audits', () => {
  for (const audit of serverAudits({ url: () => `${t.server.url}/graphql`, fetchFn: fetch })) {
    const deliberate = DELIBERATE.has(audit.name);
    it(`${audit.name}${deliberate ? ' — deliberately not (400 instead)' : ''}`, async () => {
      const result = await audit.fn();
      if (deliberate) {
        expect(result.status).not.toBe('ok');
        return;
      }
      if (audit.name.startsWith('MUST') || result.status !== 'warn') expect(result, JSON.stringify(result)).toMatchObject({ status: 'ok' });
      else expect(['ok', 'warn']).toContain(result.status);
    });
  }
});
