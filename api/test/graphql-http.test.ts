// The GraphQL-over-HTTP spec as its own audit suite defines it (graphql-http's serverAudits): every
// audit passes except the ones listed below, which Whistlehub answers differently on purpose.
// https://github.com/graphql/graphql-http#audits
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('sqlite');
});
afterAll(() => t?.close());

// Three SHOULD audits expect 200 for a malformed request sent with Accept: application/json, which the
// spec allows for legacy clients; Whistlehub answers 400 whatever the Accept header, so integrators see
// a client error in their HTTP logs (useBadRequestStatus in src/yoga.ts).
const DELIBERATE = new Map([
  ['SHOULD use 200 status code on document parsing failure when accepting application/json', 'an unparsable document'],
  ['SHOULD use 200 status code on document validation failure when accepting application/json', 'an invalid document'],
  ['SHOULD use a status code of 200 on variable coercion failure when accepting application/json', 'variables that do not coerce'],
]);

const audits = serverAudits({ url: () => `${t.server.url}/graphql`, fetchFn: fetch });

describe('GraphQL over HTTP audits', () => {
  for (const audit of audits) {
    const deliberate = DELIBERATE.get(audit.name);
    it(`${audit.name}${deliberate ? ` — deliberately 400 for ${deliberate}` : ''}`, async () => {
      const result = await audit.fn();
      if (deliberate) {
        expect(result.status).toBe('warn');
        expect(result.status !== 'ok' && result.response.status).toBe(400);
      } else {
        expect(result, JSON.stringify(result.status === 'ok' ? result : { status: result.status, reason: result.reason })).toMatchObject({ status: 'ok' });
      }
    });
  }

  it('lists as deliberate only audits that exist', () => {
    const names = new Set<string>(audits.map((audit) => audit.name));
    expect([...DELIBERATE.keys()].filter((name) => !names.has(name))).toEqual([]);
  });
});
