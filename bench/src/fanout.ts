// npm run bench:fanout [-- --subscribers 100,1000 --writes 20 --selection web --provider sqlite] [--redis]
// Live fan-out: N graphql-ws subscribers of ticketEvents(streetCode: "110101011") signed in as the
// street officer of 前门街道 (a bearer token in connectionParams), then K tickets filed one after the
// other by the 12345 hotline (an integrator API token) into a 草厂社区 grid cell of that street.
// Latency is measured per delivery, from the write's commit to the subscriber's `next` callback: the
// hub process (src/servers/hub.ts, composed like api/src/main.ts) stamps each feed nudge, which is
// published right after the transaction commits, on the monotonic clock the clients read too. Each
// write waits until all N got its event (or --timeout), then --gap ms, so every event fans out alone.
// The floor: a bare `ws` server (src/servers/ws-floor.ts) sending the same number of messages of the
// same size (a real `next` message captured from the hub) to N sockets.
// --redis: two hub processes sharing one database (PostgreSQL when it answers) and live events
// through Redis (the api's REDIS_URL pub/sub): writes on A, every subscriber on B.
// Prints p50/p95/p99/max and deliveries/s; writes bench/results/fanout-<mode>-<provider>-<selection>.json.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Provider } from '@whistlehub/prisma';
import { checkPostgres, createSeededDatabase } from '@whistlehub/prisma/testing';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { apiToken, CREATE_TICKET, gql, type NoticeSelection, NOTICE_SELECTIONS, QIANMEN, signIn, ticketEventsSubscription } from './lib/graphql.ts';
import { type Child, spawnTs } from './lib/processes.ts';
import { machineLoad, monoMs, round, type Summary, summarize } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '100,1000' },
    writes: { type: 'string', default: '20' },
    /** ms after an event reached every subscriber before the next write */
    gap: { type: 'string', default: '50' },
    /** writes before the measured ones (delivered to everyone, not counted): the first events after subscribing are slower */
    'warmup-writes': { type: 'string', default: '2' },
    selection: { type: 'string', default: 'web' },
    provider: { type: 'string' },
    redis: { type: 'boolean', default: false },
    'redis-url': { type: 'string', default: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' },
    'skip-floor': { type: 'boolean', default: false },
    /** clients connecting (and subscribing) at once */
    'connect-batch': { type: 'string', default: '50' },
    /** seconds to wait for one event to reach every subscriber */
    timeout: { type: 'string', default: '60' },
    out: { type: 'string' },
  },
});
const SIZES = values.subscribers.split(',').map(Number);
const WRITES = Number(values.writes);
const GAP = Number(values.gap);
const WARMUP_WRITES = Number(values['warmup-writes']);
const BATCH = Number(values['connect-batch']);
const TIMEOUT_MS = Number(values.timeout) * 1000;
const selection = values.selection as NoticeSelection;
if (!(selection in NOTICE_SELECTIONS)) throw new Error(`--selection is one of ${Object.keys(NOTICE_SELECTIONS).join(', ')}`);
const postgres = (await checkPostgres()).ok;
const provider = (values.provider ?? (values.redis && postgres ? 'postgresql' : 'sqlite')) as Provider;
if (provider === 'postgresql' && !postgres) throw new Error('postgresql: no server at TEST_POSTGRES_URL');
const mode = values.redis ? 'redis' : 'single';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Arrival times by log position, and who waits for N of them. */
class Arrivals {
  private readonly times = new Map<number, number[]>();
  private readonly waiters = new Map<number, { count: number; resolve: () => void }>();
  add(position: number, t: number) {
    let list = this.times.get(position);
    if (!list) this.times.set(position, (list = []));
    list.push(t);
    const waiter = this.waiters.get(position);
    if (waiter && list.length >= waiter.count) {
      this.waiters.delete(position);
      waiter.resolve();
    }
  }
  /** resolves with the arrivals once `count` came, or with those that came within `ms` */
  async wait(position: number, count: number, ms: number): Promise<number[]> {
    if ((this.times.get(position)?.length ?? 0) < count) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.waiters.set(position, { count, resolve })),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
      ]);
      clearTimeout(timer);
      this.waiters.delete(position);
    }
    return [...(this.times.get(position) ?? [])];
  }
  clear() {
    this.times.clear();
  }
}

interface Outcome {
  target: string;
  subscribers: number;
  events: number;
  payloadBytes: number;
  latency: Summary;
  /** per event: commit to the first subscriber */
  firstDelivery: Summary;
  /** per event: commit to the last subscriber */
  lastDelivery: Summary;
  deliveriesPerSec: number;
  missing: number;
  extra?: Record<string, number>;
}

function report(o: Outcome) {
  const l = o.latency;
  console.log(
    `  ${o.target}: ${o.subscribers} × ${o.events} events (${o.payloadBytes} B): p50 ${round(l.p50)} ms, p95 ${round(l.p95)}, p99 ${round(l.p99)}, max ${round(l.max)}; ` +
      `first/last subscriber p50 ${round(o.firstDelivery.p50)}/${round(o.lastDelivery.p50)} ms; ${round(o.deliveriesPerSec)} deliveries/s${o.missing ? `; ${o.missing} deliveries MISSING` : ''}`,
  );
}

/** The hub side: N graphql-ws clients on `subUrl`, K tickets filed on `writeUrl`. */
async function measureHub(n: number, ctx: { writer: Child; commits: Map<number, number>; writeUrl: string; subUrl: string; hotline: string; officer: string; db: Awaited<ReturnType<typeof createSeededDatabase>>; cell: { centroidLng: number; centroidLat: number }; streetId: string }): Promise<{ outcome: Outcome; payload: string }> {
  const arrivals = new Arrivals();
  const clients: Client[] = [];
  const problems: string[] = [];
  let closedEarly = 0;
  let sample: unknown = null;
  let measuring = false;
  const head = (await ctx.db.prisma.ticketEvent.findFirstOrThrow({ where: { streetId: ctx.streetId }, orderBy: { position: 'desc' }, select: { position: true } })).position;
  const query = ticketEventsSubscription(selection);
  const wsUrl = `${ctx.subUrl.replace('http', 'ws')}/graphql`;

  const t0 = performance.now();
  for (let i = 0; i < n; i += BATCH) {
    const registered: Promise<void>[] = [];
    for (let j = i; j < Math.min(n, i + BATCH); j++) {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${ctx.officer}` },
        lazy: false,
        retryAttempts: 0,
        on: { closed: () => measuring && (closedEarly += 1) },
      });
      clients.push(client);
      registered.push(
        new Promise<void>((resolve, reject) => {
          let first = true;
          // afterSeq one below the street's newest event: that event is replayed first, which proves
          // the subscription is registered with the hub's feed before any write
          client.subscribe({ query, variables: { streetCode: QIANMEN, afterSeq: head - 1 } }, {
            next: (value: any) => {
              const t = monoMs();
              const notice = value.data?.ticketEvents;
              if (value.errors || !notice) problems.push(JSON.stringify(value).slice(0, 300));
              else if (notice.__typename === 'TicketEventNotice') {
                arrivals.add(notice.logSeq, t);
                if (measuring && sample === null) sample = value;
              }
              if (first) {
                first = false;
                resolve();
              }
            },
            error: (error) => {
              problems.push(String((error as { reason?: string }).reason ?? (error as Error).message ?? JSON.stringify(error)));
              reject(new Error(`subscriber ${j}: ${problems.at(-1)}`));
            },
            complete: () => {},
          });
        }),
      );
    }
    await Promise.all(registered);
  }
  const connectSeconds = (performance.now() - t0) / 1000;
  console.log(`  ${n} graphql-ws subscribers connected and registered in ${round(connectSeconds)} s`);

  measuring = true;
  const latencies: number[] = [];
  const first: number[] = [];
  const last: number[] = [];
  const roundTrips: number[] = [];
  const commitToAck: number[] = [];
  let fanoutMs = 0;
  let missing = 0;
  for (let k = -WARMUP_WRITES; k < WRITES; k++) {
    const sent = monoMs();
    const data = await gql(ctx.writeUrl, CREATE_TICKET, {
      input: { channel: 'HOTLINE_12345', categoryCode: 'NOISE', description: `压测 ${k + 1}：夜间施工噪音扰民`, location: { lng: ctx.cell.centroidLng, lat: ctx.cell.centroidLat }, complainant: { name: '王芳', phone: '13912345678' } },
    }, ctx.hotline);
    const acked = monoMs();
    const ticket = data.createTicket?.result?.ticket;
    if (data.createTicket?.__typename !== 'CreateTicketResult' || ticket?.street?.code !== QIANMEN) throw new Error(`createTicket: ${JSON.stringify(data)}`);
    const event = await ctx.db.prisma.ticketEvent.findFirstOrThrow({ where: { ticket: { number: ticket.number } }, select: { position: true } });
    let commit = ctx.commits.get(event.position);
    if (commit === undefined) {
      await ctx.writer.message((m) => m?.kind === 'nudge' && m.position === event.position, 10_000);
      commit = ctx.commits.get(event.position)!;
    }
    const times = await arrivals.wait(event.position, n, TIMEOUT_MS);
    await sleep(GAP);
    if (k < 0) continue; // a warm-up write: delivered to everyone, not measured
    missing += n - times.length;
    for (const t of times) latencies.push(t - commit);
    first.push((times.length ? Math.min(...times) : commit + TIMEOUT_MS) - commit);
    const end = times.length ? Math.max(...times) : commit + TIMEOUT_MS;
    last.push(end - commit);
    fanoutMs += end - commit;
    roundTrips.push(acked - sent);
    commitToAck.push(acked - commit);
  }
  console.log(`  commit → last subscriber, per event (ms): ${last.map((x) => Math.round(x)).join(' ')}`);
  measuring = false;
  await Promise.all(clients.map((c) => c.dispose()));
  if (problems.length) console.log(`  ${problems.length} error payloads, e.g. ${problems[0]}`);
  if (closedEarly) console.log(`  ${closedEarly} sockets closed during the measurement`);
  const payload = JSON.stringify({ id: randomUUID(), type: 'next', payload: sample });
  const mutation = summarize(roundTrips);
  const ack = summarize(commitToAck);
  console.log(`  createTicket round trip p50 ${round(mutation.p50)} ms (p95 ${round(mutation.p95)}); commit → response at the writer p50 ${round(ack.p50)} ms`);
  return {
    payload,
    outcome: {
      target: mode === 'redis' ? 'hub A→Redis→B' : 'hub',
      subscribers: n,
      events: WRITES,
      payloadBytes: Buffer.byteLength(payload),
      latency: summarize(latencies),
      firstDelivery: summarize(first),
      lastDelivery: summarize(last),
      deliveriesPerSec: latencies.length / (fanoutMs / 1000),
      missing,
      extra: { connectSeconds, mutationP50: mutation.p50, mutationP95: mutation.p95, commitToAckP50: ack.p50 },
    },
  };
}

/** The floor: a bare ws server broadcasting `payload` (a real `next` message) to N sockets, K times. */
async function measureFloor(n: number, floor: Child, port: number, payload: string): Promise<Outcome> {
  const arrivals = new Arrivals();
  const sockets: WebSocket[] = [];
  for (let i = 0; i < n; i += BATCH) {
    const opened: Promise<void>[] = [];
    for (let j = i; j < Math.min(n, i + BATCH); j++) {
      const socket = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
      sockets.push(socket);
      // parsed like graphql-ws parses each message; the seq and the server's stamp ride along
      socket.on('message', (data) => {
        const t = monoMs();
        const message = JSON.parse(data.toString()) as { seq: number; t: number };
        arrivals.add(message.seq, t);
      });
      opened.push(new Promise((resolve, reject) => socket.once('open', () => resolve()).once('error', reject)));
    }
    await Promise.all(opened);
  }
  await sleep(200);
  const latencies: number[] = [];
  const first: number[] = [];
  const last: number[] = [];
  let fanoutMs = 0;
  let missing = 0;
  for (let k = 1; k <= WARMUP_WRITES + WRITES; k++) {
    const sent = floor.message<{ t: number }>((m) => m?.kind === 'sent' && m.seq === k, TIMEOUT_MS);
    floor.send({ kind: 'broadcast', seq: k, payload });
    const times = await arrivals.wait(k, n, TIMEOUT_MS);
    const t = (await sent).t;
    await sleep(GAP);
    if (k <= WARMUP_WRITES) continue;
    missing += n - times.length;
    for (const x of times) latencies.push(x - t);
    first.push((times.length ? Math.min(...times) : t + TIMEOUT_MS) - t);
    const end = times.length ? Math.max(...times) : t + TIMEOUT_MS;
    last.push(end - t);
    fanoutMs += end - t;
  }
  for (const socket of sockets) socket.terminate();
  return { target: 'floor: bare ws', subscribers: n, events: WRITES, payloadBytes: Buffer.byteLength(payload) + `"seq":${WRITES},"t":${monoMs()},`.length, latency: summarize(latencies), firstDelivery: summarize(first), lastDelivery: summarize(last), deliveriesPerSec: latencies.length / (fanoutMs / 1000), missing };
}

console.log(`fan-out (${mode}, ${provider}, selection ${selection}): ${SIZES.join(' and ')} subscribers, ${WRITES} writes (after ${WARMUP_WRITES} warm-up writes), gap ${GAP} ms, node ${process.version}, ${await machineLoad()}`);
const db = await createSeededDatabase(provider);
const hubScript = fileURLToPath(new URL('./servers/hub.ts', import.meta.url));
const hubArgs = (name: string) => ['--name', name, ...(values.redis ? ['--redis', values['redis-url']] : [])];
const writer = spawnTs('hub-a', hubScript, { args: hubArgs('A'), env: { DATABASE_URL: db.url } });
const reader = values.redis ? spawnTs('hub-b', hubScript, { args: hubArgs('B'), env: { DATABASE_URL: db.url } }) : writer;
const floor = values['skip-floor'] ? null : spawnTs('ws-floor', fileURLToPath(new URL('./servers/ws-floor.ts', import.meta.url)));
const outcomes: Outcome[] = [];
try {
  const commits = new Map<number, number>();
  writer.process.on('message', (m: any) => {
    if (m?.kind === 'nudge' && !commits.has(m.position)) commits.set(m.position, m.t);
  });
  const [writePort, subPort, floorPort] = await Promise.all([
    writer.message<{ port: number }>((m) => m?.kind === 'listening').then((m) => m.port),
    reader.message<{ port: number }>((m) => m?.kind === 'listening').then((m) => m.port),
    floor?.message<{ port: number }>((m) => m?.kind === 'listening').then((m) => m.port),
  ]);
  const writeUrl = `http://127.0.0.1:${writePort}`;
  const subUrl = `http://127.0.0.1:${subPort}`;
  const street = await db.prisma.street.findUniqueOrThrow({ where: { code: QIANMEN }, select: { id: true } });
  const cell = await db.prisma.gridCell.findFirstOrThrow({ where: { community: { name: '草厂社区', streetId: street.id } }, orderBy: { code: 'asc' } });
  const hotline = await apiToken(writeUrl, 'hotline.12345', 'fan-out bench');
  const officer = await signIn(subUrl, 'street.qianmen');
  for (const n of SIZES) {
    console.log(`\n${n} subscribers`);
    const { outcome, payload } = await measureHub(n, { writer, commits, writeUrl, subUrl, hotline, officer, db, cell, streetId: street.id });
    outcomes.push(outcome);
    report(outcome);
    if (floor) {
      const floorOutcome = await measureFloor(n, floor, floorPort!, payload);
      outcomes.push(floorOutcome);
      report(floorOutcome);
    }
    await sleep(1000);
  }
  console.log(`  (${await machineLoad()} at the end)`);
} finally {
  await Promise.all([writer.stop(), reader === writer ? null : reader.stop(), floor?.stop()]);
  await db.close();
}

console.table(outcomes.map((o) => ({
  target: o.target, subscribers: o.subscribers, events: o.events, 'payload B': o.payloadBytes,
  'p50 ms': round(o.latency.p50), 'p95 ms': round(o.latency.p95), 'p99 ms': round(o.latency.p99), 'max ms': round(o.latency.max),
  'first p50 ms': round(o.firstDelivery.p50), 'last p50 ms': round(o.lastDelivery.p50), 'deliveries/s': round(o.deliveriesPerSec), missing: o.missing,
})));
const out = values.out ?? fileURLToPath(new URL(`../results/fanout-${mode}-${provider}-${selection}.json`, import.meta.url));
mkdirSync(new URL('../results', import.meta.url), { recursive: true });
const roundAll = (x: unknown): unknown => (typeof x === 'number' ? round(x) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, roundAll(v)])) : x);
writeFileSync(out, `${JSON.stringify({ mode, provider, selection, writes: WRITES, warmupWrites: WARMUP_WRITES, gapMs: GAP, outcomes: outcomes.map(roundAll), at: new Date().toISOString(), node: process.version }, null, 2)}\n`);
console.log(`wrote ${out}`);
