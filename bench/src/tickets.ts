// npm run bench:tickets [-- --tickets 100000 --runs 50 --providers sqlite,postgresql]
// Seeds a throwaway database per provider with the demo org tree and N tickets (with parts and
// call-backs), then times, in-process through the real yoga app with a signed-in street officer and a
// dispatcher: the inbox (first 50 with nested parts), the monthly rates per street and the ranking.
// Prints p50/p95 per query and writes bench/results/tickets-<provider>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createApp, createLogger } from '@whistlehub/api';
import { createPrisma, migrate, type Prisma, type Provider, seed } from '@whistlehub/prisma';
import { buildDemoData } from '@whistlehub/prisma/seed';
import { buildDemoTickets } from '@whistlehub/prisma/seed-tickets';
import { checkPostgres, createTestDatabase } from '@whistlehub/prisma/testing';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '50' },
    providers: { type: 'string', default: 'sqlite,postgresql' },
  },
});
const TICKETS = Number(values.tickets);
const RUNS = Number(values.runs);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function time(label: string, fn: () => Promise<void>) {
  for (let i = 0; i < 5; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { label, runs: RUNS, p50: +percentile(samples, 50).toFixed(2), p95: +percentile(samples, 95).toFixed(2), max: +samples.at(-1)!.toFixed(2) };
}

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function run(provider: Provider) {
  const db = await createTestDatabase(provider);
  try {
    await migrate(db.url);
    const prisma = await createPrisma(db.url);
    const t0 = performance.now();
    await seed(prisma); // org tree, demo accounts and the 480 demo tickets
    const org = buildDemoData();
    const tb = performance.now();
    const extra = buildDemoTickets(org, new Date(), TICKETS, ['王', '李', '张', '刘', '陈'], ['伟', '芳', '娜', '敏', '静']);
    // fresh ids and numbers, so the bulk set does not collide with the demo tickets
    const rename = (id: string) => id.replace('tkt_demo_', 'tkt_bench_');
    console.log(`${provider}: built ${extra.tickets.length} tickets in ${((performance.now() - tb) / 1000).toFixed(1)} s`);
    const tickets = extra.tickets.map((t) => ({ ...t, id: rename(t.id), number: `B${t.number}`, complainantId: `b${t.complainantId}` }));
    await insertInBatches(extra.persons.map((p) => ({ ...p, id: `b${p.id}` })), 2000, (b) => prisma.person.createMany({ data: b }));
    await insertInBatches(tickets, 1000, (b) => prisma.ticket.createMany({ data: b as Prisma.TicketCreateManyInput[] }));
    await insertInBatches(extra.parts.map((p) => ({ ...p, id: rename(p.id), ticketId: rename(p.ticketId) })), 2000, (b) => prisma.ticketPart.createMany({ data: b as Prisma.TicketPartCreateManyInput[] }));
    // events are left out of the bulk set: none of the measured queries reads them, and 5 a ticket
    // would triple the load time
    await insertInBatches(extra.callbacks.map((c) => ({ ...c, id: rename(c.id), ticketId: rename(c.ticketId) })), 4000, (b) => prisma.callbackSurvey.createMany({ data: b as Prisma.CallbackSurveyCreateManyInput[] }));
    const seedSeconds = (performance.now() - t0) / 1000;
    const total = await prisma.ticket.count();
    const qianmen = await prisma.ticket.count({ where: { street: { code: '110101011' } } });

    const app = createApp({ prisma, graphiql: false, logger: createLogger({ level: 'silent' }) });
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const response = await app.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const signIn = async (login: string) =>
      (await gql(`mutation ($l: String!) { signIn(input: { login: $l, password: "whistlehub-demo" }) { ... on SignInResult { session { token } } } }`, { l: login })).signIn.session.token as string;
    const officer = await signIn('street.qianmen');
    const dispatcher = await signIn('dispatcher.dongcheng');
    const month = new Date(Date.now() - 40 * 864e5 + 8 * 3600e3).toISOString().slice(0, 7);

    const INBOX = `query { tickets(first: 50, filter: { status: [DISPATCHED, ACCEPTED, IN_PROGRESS] }) { totalCount edges { node { id number status receivedAt respondBy missedDeadlines description category { name } gridCell { code } parts { kind status respondBy assigneeStreet { name } } } } pageInfo { hasNextPage endCursor } } }`;
    const RATES = `query ($m: String!) { ticketRates(month: $m, groupBy: STREET) { unitCode tickets responseRate resolutionRate satisfactionRate } }`;
    const RANKING = `query ($m: String!) { monthlyRanking(month: $m) { rows { rank score bottom rates { unitCode } } } }`;
    const results = [
      await time('inbox: first 50 open tickets with parts (street officer)', () => gql(INBOX, {}, officer)),
      await time('inbox: first 50 open tickets with parts (district dispatcher)', () => gql(INBOX, {}, dispatcher)),
      await time(`monthly rates per street (${month})`, () => gql(RATES, { m: month }, dispatcher)),
      await time(`monthly ranking (${month})`, () => gql(RANKING, { m: month }, dispatcher)),
    ];
    await prisma.$disconnect();
    return { provider, tickets: total, ticketsOfQianmen: qianmen, seedSeconds: +seedSeconds.toFixed(1), results };
  } finally {
    await db.drop();
  }
}

const providers = values.providers.split(',') as Provider[];
mkdirSync(new URL('../results', import.meta.url), { recursive: true });
for (const provider of providers) {
  if (provider === 'postgresql' && !(await checkPostgres()).ok) {
    console.log('postgresql: no server at TEST_POSTGRES_URL, skipped');
    continue;
  }
  const report = await run(provider);
  console.log(`\n${provider}: ${report.tickets} tickets (${report.ticketsOfQianmen} in 前门街道), loaded in ${report.seedSeconds} s, ${RUNS} runs each`);
  console.table(report.results.map((r) => ({ query: r.label, 'p50 ms': r.p50, 'p95 ms': r.p95, 'max ms': r.max })));
  writeFileSync(new URL(`../results/tickets-${provider}.json`, import.meta.url), `${JSON.stringify({ ...report, at: new Date().toISOString(), node: process.version }, null, 2)}\n`);
}
