// npm run bench:http [-- --duration 10 --connections 50 --warmup 2 --provider sqlite --queries typename,inbox]
// GraphQL over HTTP POST under load (autocannon), each server in its own process:
//  - hub:  the real api process (api/src/main.ts, NODE_ENV=production: every plugin, query limits,
//          cookies, readiness, the per-request log at LOG_LEVEL) on a throwaway database it migrates
//          and seeds itself;
//  - bare: graphql-yoga with a one-field schema and nothing else (src/servers/bare-yoga.ts).
// Queries: `{ __typename }` against both (the transport and plugin overhead), and `inbox`: the web
// app's inbox page (50 tickets with parts and places) as the signed-in street officer of 前门街道,
// against the hub only. Prints req/s and p50/p99 latency (from autocannon's per-response timings) and
// the hub / bare ratios; writes bench/results/http-<provider>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Provider } from '@whistlehub/prisma';
import { checkPostgres, createTestDatabase } from '@whistlehub/prisma/testing';
import autocannon from 'autocannon';
import { gql, signIn, TICKET_INBOX_QUERY } from './lib/graphql.ts';
import { freePort, spawnTs, waitForHttp } from './lib/processes.ts';
import { machineLoad, round, summarize } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    pipelining: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '2' },
    /** rounds of hub, bare (and inbox), alternating, so that a busy moment on a shared machine hits both; the table shows the median round (by req/s) */
    repeat: { type: 'string', default: '1' },
    provider: { type: 'string', default: 'sqlite' },
    queries: { type: 'string', default: 'typename,inbox' },
    /** the hub's LOG_LEVEL: production logs every request at info */
    'log-level': { type: 'string', default: 'info' },
    out: { type: 'string' },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const PIPELINING = Number(values.pipelining);
const WARMUP = Number(values.warmup);
const REPEAT = Number(values.repeat);
const provider = values.provider as Provider;
const queries = new Set(values.queries.split(','));

interface Run {
  target: 'hub' | 'bare' | 'bare+limits';
  query: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function load(url: string, body: string, headers: Record<string, string>, seconds: number) {
  const latencies: number[] = [];
  let non2xx = 0;
  const instance = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body,
    connections: CONNECTIONS,
    pipelining: PIPELINING,
    duration: seconds,
    timeout: 30,
  });
  // autocannon's own histogram keeps whole milliseconds; its per-response timings are fractional
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else non2xx += 1;
  });
  const result = await instance;
  return { result, latencies, non2xx };
}

async function measure(target: Run['target'], query: string, base: string, body: string, headers: Record<string, string> = {}): Promise<Run> {
  if (WARMUP > 0) await load(`${base}/graphql`, body, headers, WARMUP);
  const { result, latencies, non2xx } = await load(`${base}/graphql`, body, headers, DURATION);
  const s = summarize(latencies);
  const run: Run = {
    target, query,
    reqPerSec: latencies.length / result.duration,
    p50: s.p50, p99: s.p99, mean: s.mean, max: s.max,
    requests: latencies.length + non2xx, non2xx, errors: result.errors, timeouts: result.timeouts,
  };
  console.log(`  ${target.padEnd(4)} ${query.padEnd(9)} ${round(run.reqPerSec)} req/s  p50 ${round(run.p50)} ms  p99 ${round(run.p99)} ms${non2xx + result.errors + result.timeouts ? `  (non-2xx ${non2xx}, errors ${result.errors}, timeouts ${result.timeouts})` : ''}`);
  return run;
}

if (provider === 'postgresql' && !(await checkPostgres()).ok) {
  console.log('postgresql: no server at TEST_POSTGRES_URL');
  process.exit(1);
}
const db = await createTestDatabase(provider);
const hubPort = await freePort();
const hub = spawnTs('hub', fileURLToPath(new URL('../../api/src/main.ts', import.meta.url)), {
  env: { DATABASE_URL: db.url, PORT: String(hubPort), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: values['log-level'], WEB_DIST: '/nonexistent', REDIS_URL: undefined },
});
const bare = spawnTs('bare-yoga', fileURLToPath(new URL('./servers/bare-yoga.ts', import.meta.url)));
const limited = spawnTs('bare-yoga-limits', fileURLToPath(new URL('./servers/bare-yoga.ts', import.meta.url)), { env: { WITH_LIMITS: '1' } });
const rounds: Run[] = [];
try {
  const hubUrl = `http://127.0.0.1:${hubPort}`;
  await waitForHttp(`${hubUrl}/readyz`, hub);
  const barePort = (await bare.message<{ port: number }>((m) => m?.kind === 'listening')).port;
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const limitedUrl = `http://127.0.0.1:${(await limited.message<{ port: number }>((m) => m?.kind === 'listening')).port}`;
  console.log(`${provider}: ${DURATION} s per run after ${WARMUP} s warm-up, ${CONNECTIONS} connections, pipelining ${PIPELINING}, hub LOG_LEVEL=${values['log-level']}, node ${process.version}, ${await machineLoad()}`);

  const TYPENAME = JSON.stringify({ query: '{ __typename }' });
  for (const base of [hubUrl, bareUrl, limitedUrl]) {
    const data = await gql(base, '{ __typename }');
    if (data.__typename !== 'Query') throw new Error(`${base}: unexpected answer ${JSON.stringify(data)}`);
  }
  const officer = await signIn(hubUrl, 'street.qianmen');
  const INBOX = JSON.stringify({ query: TICKET_INBOX_QUERY, variables: { filter: null } });
  if (queries.has('inbox')) {
    const inbox = await gql(hubUrl, TICKET_INBOX_QUERY, { filter: null }, officer);
    console.log(`  (inbox as street.qianmen: ${inbox.tickets.edges.length} of ${inbox.tickets.totalCount} tickets, ${JSON.stringify({ data: inbox }).length} bytes a page)`);
  }
  for (let i = 1; i <= REPEAT; i++) {
    if (REPEAT > 1) console.log(` round ${i} of ${REPEAT}`);
    if (queries.has('typename')) {
      rounds.push(await measure('hub', 'typename', hubUrl, TYPENAME));
      rounds.push(await measure('bare', 'typename', bareUrl, TYPENAME));
      rounds.push(await measure('bare+limits', 'typename', limitedUrl, TYPENAME));
    }
    if (queries.has('inbox')) rounds.push(await measure('hub', 'inbox', hubUrl, INBOX, { authorization: `Bearer ${officer}` }));
  }
  console.log(` (${await machineLoad()} at the end)`);
} finally {
  await Promise.all([hub.stop(), bare.stop(), limited.stop()]);
  await db.drop();
}

// one row per target and query: the median round by req/s (the only round when --repeat 1)
const runs: Run[] = [];
for (const r of rounds) {
  if (runs.some((x) => x.target === r.target && x.query === r.query)) continue;
  const same = rounds.filter((x) => x.target === r.target && x.query === r.query).sort((a, b) => a.reqPerSec - b.reqPerSec);
  runs.push(same[Math.floor((same.length - 1) / 2)]!);
}
console.table(runs.map((r) => ({ target: r.target, query: r.query, 'req/s': round(r.reqPerSec), 'p50 ms': round(r.p50), 'p99 ms': round(r.p99), 'mean ms': round(r.mean), 'max ms': round(r.max), requests: r.requests, 'non-2xx': r.non2xx, errors: r.errors })));
// per round (the hub and bare runs of one round are back to back), then the median round
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const pairs = rounds.flatMap((r, i) => (r.target === 'hub' && r.query === 'typename' && rounds[i + 1]?.target === 'bare' ? [[r, rounds[i + 1]!] as const] : []));
const overhead = pairs.length
  ? {
      throughput: median(pairs.map(([hub, bare]) => bare.reqPerSec / hub.reqPerSec)),
      p50: median(pairs.map(([hub, bare]) => hub.p50 / bare.p50)),
      p99: median(pairs.map(([hub, bare]) => hub.p99 / bare.p99)),
    }
  : null;
// the limits plugin alone: bare yoga without and with it, back to back in each round
const limitPairs = rounds.flatMap((r, i) => (r.target === 'bare' && r.query === 'typename' && rounds[i + 1]?.target === 'bare+limits' ? [[r, rounds[i + 1]!] as const] : []));
const limitsOverhead = limitPairs.length
  ? {
      throughput: median(limitPairs.map(([bare, lim]) => bare.reqPerSec / lim.reqPerSec)),
      p50: median(limitPairs.map(([bare, lim]) => lim.p50 / bare.p50)),
      p99: median(limitPairs.map(([bare, lim]) => lim.p99 / bare.p99)),
    }
  : null;
if (limitsOverhead) {
  console.log(`query-limits plugin on { __typename } (bare yoga without ÷ with it${limitPairs.length > 1 ? `, median of ${limitPairs.length} rounds` : ''}): ${round(limitsOverhead.throughput)}× the req/s without; p50 ${round(limitsOverhead.p50)}× and p99 ${round(limitsOverhead.p99)}× with it`);
}
if (overhead) {
  console.log(`hub overhead on { __typename }${pairs.length > 1 ? ` (median of ${pairs.length} rounds)` : ''}: bare serves ${round(overhead.throughput)}× the hub's req/s; hub p50 ${round(overhead.p50)}× and p99 ${round(overhead.p99)}× bare's`);
}
const out = values.out ?? fileURLToPath(new URL(`../results/http-${provider}.json`, import.meta.url));
mkdirSync(new URL('../results', import.meta.url), { recursive: true });
const rounded = runs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])));
const roundsRounded = rounds.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])));
writeFileSync(out, `${JSON.stringify({ provider, duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, pipelining: PIPELINING, repeat: REPEAT, hubLogLevel: values['log-level'], runs: rounded, rounds: roundsRounded, overhead: overhead && { throughput: round(overhead.throughput), p50: round(overhead.p50), p99: round(overhead.p99) }, limitsOverhead: limitsOverhead && { throughput: round(limitsOverhead.throughput), p50: round(limitsOverhead.p50), p99: round(limitsOverhead.p99) }, at: new Date().toISOString(), node: process.version }, null, 2)}\n`);
console.log(`wrote ${out}`);
