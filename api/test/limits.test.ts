// The query limits (src/limits.ts) on a real server: for each one a document just inside runs and one
// just outside is refused with its code, over HTTP and over graphql-ws, before any resolver runs: the
// refused request runs no SQL statement and a refused mutation changes nothing.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { QUERY_LIMITS } from '../src/limits.ts';
import { startTestServer, type TestServer } from './helpers.ts';

interface Outcome {
  /** HTTP status; undefined over graphql-ws */
  status?: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  /** SQL statements the server ran while answering */
  statements: number;
}

type Transport = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<Outcome>;

let t: TestServer;
const statements: string[] = [];
beforeAll(async () => {
  t = await startTestServer('sqlite', { onQuery: (sql) => statements.push(sql) });
});
afterAll(() => t?.close());

const overHttp: Transport = async (query, variables, token) => {
  statements.length = 0;
  const response = await t.post({ query, variables }, token ? { authorization: `Bearer ${token}` } : {});
  const body = (await response.json()) as Omit<Outcome, 'status' | 'statements'>;
  return { status: response.status, ...body, statements: statements.length };
};

// A refusal at parse or validation arrives as graphql-ws's `error` message, one at execution as a
// `next` result with errors; both are what a graphql-ws client sees for an operation it may not run.
const overWs: Transport = async (query, variables, token) => {
  const client = createClient({ url: t.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: token ? { authorization: `Bearer ${token}` } : {} });
  try {
    // connect first, so that resolving the viewer's token is not counted as the operation's work
    await new Promise<void>((resolve, reject) => {
      client.on('connected', () => resolve());
      client.on('closed', (event) => reject(new Error(`socket closed: ${JSON.stringify(event)}`)));
      void client.subscribe({ query: '{ __typename }' }, { next: () => {}, error: reject, complete: () => {} });
    });
    statements.length = 0;
    const result = await new Promise<Omit<Outcome, 'statements'>>((resolve, reject) => {
      let last: Omit<Outcome, 'statements'> = {};
      client.subscribe(
        { query, variables: variables ?? {} },
        {
          next: (value) => {
            last = value as typeof last;
          },
          error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
          complete: () => resolve(last),
        },
      );
    });
    return { ...result, statements: statements.length };
  } finally {
    await client.dispose();
  }
};

const codesOf = (outcome: Outcome) => outcome.errors?.map((e) => e.extensions?.code);

function expectRan(outcome: Outcome) {
  expect(outcome.errors, JSON.stringify(outcome.errors)).toBeUndefined();
  expect(outcome.data).toBeTruthy();
  if (outcome.status !== undefined) expect(outcome.status).toBe(200);
}

function expectRefused(outcome: Outcome, code: string) {
  expect(codesOf(outcome), JSON.stringify(outcome.errors)).toEqual([code]);
  expect(outcome.data ?? null).toBeNull();
  expect(outcome.statements).toBe(0);
  if (outcome.status !== undefined) expect(outcome.status).toBe(400);
}

// `depth` levels of fields, down and up the org tree: districts → edges → node → streets → edges →
// node → district → streets …, ending in a scalar of the last type.
function deepQuery(depth: number) {
  const cycle = ['streets(first: 1)', 'edges', 'node', 'district'];
  const leafOf: Record<string, string> = { 'streets(first: 1)': 'totalCount', edges: 'cursor', node: 'code', district: 'code' };
  const path = ['districts(first: 1)', 'edges', 'node'];
  while (path.length < depth - 1) path.push(cycle[(path.length - 3) % cycle.length]!);
  const leaf = path.length === 3 ? 'code' : leafOf[path.at(-1)!]!;
  return `{ ${path.reduceRight((inner, field) => `${field} { ${inner} }`, leaf)} }`;
}

const aliasedQuery = (aliases: number) =>
  `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: districts(first: 1) { totalCount }`).join(' ')} }`;

const directiveQuery = (directives: number) => `{ districts(first: 1) { ${'totalCount @include(if: true) '.repeat(directives)}} }`;

// 34 tokens around the default list, one per string in it. The padding is a default the request
// overrides (ids: []), not repeated fields, which graphql-js's own overlap check would give up on.
const tokenQuery = (tokens: number) =>
  `query ($ids: [ID!] = [${'"x" '.repeat(tokens - 34)}]) { districts(first: 1) { totalCount } nodes(ids: $ids) { id } }`;

// Cost (schema/src/limits.ts): each field 1, a connection's selection times its page, `edges` times 1.
// districts(first: 100) { edges { node { streets(first: s) { edges { node { id } } } } } } costs
// 1 + 100 × (3 + 3s); departments(first: 32) { edges { node { id } } } 97; each __typename 1. With
// s = 82 and two __typename that is 24,901 + 97 + 2 = 25,000, the budget exactly.
const costlyQuery = (typenames: number) =>
  `query ($streets: Int) { ${'__typename '.repeat(typenames)}districts(first: 100) { edges { node { streets(first: $streets) { edges { node { id } } } } } } departments(first: 32) { edges { node { id } } } }`;

describe.each([
  ['HTTP', overHttp],
  ['graphql-ws', overWs],
] as const)('query limits over %s', (_name, run) => {
  it(`depth: ${QUERY_LIMITS.depth} levels run, ${QUERY_LIMITS.depth + 1} are refused as QUERY_TOO_DEEP`, async () => {
    const inside = await run(deepQuery(QUERY_LIMITS.depth));
    expectRan(inside);
    expect(inside.statements).toBeGreaterThan(0);
    const outside = await run(deepQuery(QUERY_LIMITS.depth + 1));
    expectRefused(outside, 'QUERY_TOO_DEEP');
    expect(outside.errors![0]!.message).toBe(`Query depth limit of ${QUERY_LIMITS.depth} exceeded, found ${QUERY_LIMITS.depth + 1}.`);
  });

  it('depth counts fields, not fragments: the same 12 levels through a spread and an inline fragment run', async () => {
    const query = `{ districts(first: 1) { edges { node { ...Down } } } }
      fragment Down on District { streets(first: 1) { edges { node { ... on Street { district { streets(first: 1) { edges { node { district { code } } } } } } } } } }`;
    expect(deepQuery(12)).toBe('{ districts(first: 1) { edges { node { streets(first: 1) { edges { node { district { streets(first: 1) { edges { node { district { code } } } } } } } } } } } }');
    expectRan(await run(query));
  });

  it(`aliases: ${QUERY_LIMITS.aliases} run, ${QUERY_LIMITS.aliases + 1} are refused as TOO_MANY_ALIASES`, async () => {
    const inside = await run(aliasedQuery(QUERY_LIMITS.aliases));
    expectRan(inside);
    expect(inside.statements).toBeGreaterThan(0);
    expectRefused(await run(aliasedQuery(QUERY_LIMITS.aliases + 1)), 'TOO_MANY_ALIASES');
  });

  it(`directives: ${QUERY_LIMITS.directives} run, ${QUERY_LIMITS.directives + 1} are refused as TOO_MANY_DIRECTIVES`, async () => {
    const inside = await run(directiveQuery(QUERY_LIMITS.directives));
    expectRan(inside);
    expect(inside.statements).toBeGreaterThan(0);
    expectRefused(await run(directiveQuery(QUERY_LIMITS.directives + 1)), 'TOO_MANY_DIRECTIVES');
  });

  it(`tokens: ${QUERY_LIMITS.tokens} run, ${QUERY_LIMITS.tokens + 1} are refused as TOO_MANY_TOKENS`, async () => {
    const inside = await run(tokenQuery(QUERY_LIMITS.tokens), { ids: [] });
    expectRan(inside);
    expect(inside.statements).toBeGreaterThan(0);
    const outside = await run(tokenQuery(QUERY_LIMITS.tokens + 1), { ids: [] });
    expectRefused(outside, 'TOO_MANY_TOKENS');
    expect(outside.errors![0]!.message).toBe(`Token limit of ${QUERY_LIMITS.tokens} exceeded.`);
  });

  it(`cost: exactly ${QUERY_LIMITS.cost} runs, one more is refused as QUERY_TOO_COMPLEX`, async () => {
    const inside = await run(costlyQuery(2), { streets: 82 });
    expectRan(inside);
    expect(inside.statements).toBeGreaterThan(0);
    const outside = await run(costlyQuery(3), { streets: 82 });
    expectRefused(outside, 'QUERY_TOO_COMPLEX');
    expect(outside.errors![0]!.extensions).toMatchObject({ cost: QUERY_LIMITS.cost + 1, limit: QUERY_LIMITS.cost });
  });

  it('cost is measured per request: the same document text with a larger $streets is refused after a cheap one ran', async () => {
    expectRan(await run(costlyQuery(2), { streets: 82 }));
    const outside = await run(costlyQuery(2), { streets: 83 });
    expectRefused(outside, 'QUERY_TOO_COMPLEX');
    expect(outside.errors![0]!.extensions).toMatchObject({ cost: 25_300 });
  });

  it('cost: a nested connection of full pages is refused', async () => {
    const query = `{ districts(first: 200) { edges { node { streets(first: 200) { edges { node { communities(first: 200) { edges { node { id name } } } } } } } } } }`;
    const outside = await run(query);
    expectRefused(outside, 'QUERY_TOO_COMPLEX');
    expect(outside.errors![0]!.extensions!.cost).toBeGreaterThan(8_000_000);
  });

  it('page size: first: 200 runs, first: 201 is refused as PAGE_SIZE_EXCEEDED, as a literal and as a variable', async () => {
    expectRan(await run(`{ districts(first: 200) { totalCount } }`));
    expectRefused(await run(`{ districts(first: 201) { totalCount } }`), 'PAGE_SIZE_EXCEEDED');
    expectRefused(await run(`{ districts(last: 201) { totalCount } }`), 'PAGE_SIZE_EXCEEDED');
    const byVariable = `query ($first: Int) { districts(first: $first) { totalCount } }`;
    const inside = await run(byVariable, { first: 200 });
    expectRan(inside);
    expect(inside.statements).toBeGreaterThan(0);
    const outside = await run(byVariable, { first: 201 });
    expectRefused(outside, 'PAGE_SIZE_EXCEEDED');
    expect(outside.errors![0]!.extensions).toMatchObject({ field: 'districts', requested: 201, limit: 200 });
  });

  it('page size: a nested connection counts too', async () => {
    expectRefused(await run(`{ districts(first: 1) { edges { node { streets(first: 201) { totalCount } } } } }`), 'PAGE_SIZE_EXCEEDED');
  });

  it('page size: nodes(ids:) takes 200 ids, not 201', async () => {
    const found = (await overHttp(`{ districts(first: 1) { edges { node { id } } } }`)).data as { districts: { edges: { node: { id: string } }[] } };
    const id = found.districts.edges[0]!.node.id;
    expect(id).toBeTruthy();
    const query = `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    const inside = await run(query, { ids: Array(200).fill(id) });
    expectRan(inside);
    expect((inside.data!.nodes as unknown[]).length).toBe(200);
    expectRefused(await run(query, { ids: Array(201).fill(id) }), 'PAGE_SIZE_EXCEEDED');
  });
});

describe('a refused mutation changes nothing', () => {
  const signIn = (alias: string) => `${alias}: signIn(input: { login: "resident.demo", password: "whistlehub-demo" }) { __typename }`;

  it.each([
    ['HTTP', overHttp],
    ['graphql-ws', overWs],
  ] as const)('too many aliased signIn over %s: no session is created', async (_name, run) => {
    const before = await t.db.prisma.session.count();
    const names = Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => signIn(`s${i}`));
    expectRefused(await run(`mutation { ${names.join(' ')} }`), 'TOO_MANY_ALIASES');
    expect(await t.db.prisma.session.count()).toBe(before);
    // the same mutation inside the limit does sign in, so the count above could have moved
    expectRan(await run(`mutation { ${signIn('s0')} }`));
    expect(await t.db.prisma.session.count()).toBe(before + 1);
  });

  it.each([
    ['HTTP', overHttp],
    ['graphql-ws', overWs],
  ] as const)('createTicket asking for 201 events over %s: no ticket is filed', async (_name, run) => {
    const token = await t.signIn('hotline.12345');
    const before = await t.db.prisma.ticket.count();
    const create = (events: number) =>
      `mutation ($input: CreateTicketInput!) { createTicket(input: $input) { __typename ... on CreateTicketResult { result { ticket { number events(first: ${events}) { totalCount } } } } } }`;
    const input = { channel: 'HOTLINE_12345', categoryCode: 'NOISE', description: '夜间施工噪音扰民', address: '石景山区鲁谷街道某小区' };
    const outside = await run(create(201), { input }, token);
    expect(codesOf(outside)).toEqual(['PAGE_SIZE_EXCEEDED']);
    expect(outside.data ?? null).toBeNull();
    expect(await t.db.prisma.ticket.count()).toBe(before);
    const inside = await run(create(200), { input }, token);
    expect((inside.data as { createTicket: { __typename: string } }).createTicket.__typename).toBe('CreateTicketResult');
    expect(await t.db.prisma.ticket.count()).toBe(before + 1);
  });
});

describe('subscriptions are measured when they start', () => {
  const live = `subscription ($events: Int) { ticketEvents(streetCode: "110101011") { ... on TicketEventNotice { ticket { events(first: $events) { totalCount } } } } }`;

  it('over graphql-ws: within the page size the subscription reaches its authorization, above it is refused first', async () => {
    // anonymous: a subscription that passes the limits is refused by the resolver's auth scope
    expect(codesOf(await overWs(live, { events: 200 }))).toEqual(['UNAUTHENTICATED']);
    expectRefused(await overWs(live, { events: 201 }), 'PAGE_SIZE_EXCEEDED');
  });

  it('over SSE: the same', async () => {
    const sse = async (events: number) => {
      const response = await fetch(`${t.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: live, variables: { events } }),
      });
      return response.text();
    };
    expect(await sse(200)).toContain('UNAUTHENTICATED');
    const refused = await sse(201);
    expect(refused).toContain('PAGE_SIZE_EXCEEDED');
    expect(refused).not.toContain('UNAUTHENTICATED');
  });
});

describe('batched HTTP requests', () => {
  const post = async (operations: unknown[]) => {
    statements.length = 0;
    const response = await t.post(operations);
    return { status: response.status, body: (await response.json()) as any, statements: statements.length };
  };

  it(`runs ${QUERY_LIMITS.batch} operations in one request`, async () => {
    const { status, body } = await post(Array.from({ length: QUERY_LIMITS.batch }, () => ({ query: '{ districts(first: 1) { totalCount } }' })));
    expect(status).toBe(200);
    expect(body).toHaveLength(QUERY_LIMITS.batch);
    for (const result of body) expect(result.data.districts.totalCount).toBeGreaterThan(0);
  });

  it(`refuses ${QUERY_LIMITS.batch + 1} with 413 and BATCH_TOO_LARGE, running none of them`, async () => {
    const before = await t.db.prisma.session.count();
    const signIn = { query: `mutation { signIn(input: { login: "resident.demo", password: "whistlehub-demo" }) { __typename } }` };
    const { status, body, statements: ran } = await post(Array(QUERY_LIMITS.batch + 1).fill(signIn));
    expect(status).toBe(413);
    expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['BATCH_TOO_LARGE']);
    expect(ran).toBe(0);
    expect(await t.db.prisma.session.count()).toBe(before);
  });

  it('measures each operation of a batch on its own', async () => {
    const { status, body } = await post([{ query: '{ districts(first: 1) { totalCount } }' }, { query: '{ districts(first: 201) { totalCount } }' }]);
    // the batch as a whole answers 200; each result carries its own errors
    expect(status).toBe(200);
    expect(body[0].data.districts.totalCount).toBeGreaterThan(0);
    expect(body[1].errors[0].extensions.code).toBe('PAGE_SIZE_EXCEEDED');
  });
});

describe('the real clients fit', () => {
  // What the 12345 hotline sends for each call it takes in: the whole result, every typed error.
  const HOTLINE_INTAKE = `mutation HotlineIntake($input: CreateTicketInput!) {
    createTicket(input: $input) {
      __typename
      ... on CreateTicketResult {
        result {
          seq version replayed
          ticket {
            id number status version channel receivedAt respondBy feedbackBy resolveBy
            category { code name responseHours resolveDays }
            district { code name } street { code name } community { code name } gridCell { code name }
            complainant { name phone masked }
            parts { id kind status respondBy assigneeLabel assigneeStreet { code name } assigneeCommunity { code name } }
          }
        }
      }
      ... on Error { message }
      ... on InputValidationError { issues { path message } }
      ... on OutsideGridError { unmatched }
      ... on UnknownCategoryError { code }
      ... on InvalidPhoneError { phone }
      ... on IdempotencyKeyReusedError { clientMutationId firstMutation }
    }
  }`;

  it(`the hotline's intake runs, ${QUERY_LIMITS.batch} calls to a batch`, async () => {
    const token = await t.signIn('hotline.12345');
    const operations = Array.from({ length: QUERY_LIMITS.batch }, (_, i) => ({
      query: HOTLINE_INTAKE,
      variables: {
        input: {
          channel: 'HOTLINE_12345', categoryCode: 'NOISE', description: `夜间施工噪音扰民（第${i + 1}通）`, address: '石景山区鲁谷街道某小区',
          complainant: { name: '王芳', phone: '13912345678' }, clientMutationId: `hotline-limits-${i}`,
        },
      },
    }));
    const response = await t.post(operations, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    const results = (await response.json()) as any[];
    expect(results.map((r) => r.errors ?? r.data.createTicket.__typename)).toEqual(Array(QUERY_LIMITS.batch).fill('CreateTicketResult'));
  });
});
