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
import { fileURLToPath } from 'node:url';
import { createSeededDatabase } from '@whistlehub/prisma/testing';
import WebSocket from 'ws';
import { apiToken, CREATE_TICKET, gql, type NoticeSelection, NOTICE_SELECTIONS, QIANMEN, signIn, ticketEventsSubscription } from './lib/graphql.ts';
import { Arrivals, connectSubscribers, fanOutcome, fanoutSettings, type Outcome, report, reportTable, startHubs, writeResults } from './lib/live.ts';
import { type Child, spawnTs } from './lib/processes.ts';
import { machineLoad, monoMs, round, summarize } from './lib/stats.ts';

const { values, sizes: SIZES, writes: WRITES, gap: GAP, warmupWrites: WARMUP_WRITES, batch: BATCH, timeoutMs: TIMEOUT_MS, provider, mode } = await fanoutSettings({ subscribers: '100,1000', selection: 'web' });
const selection = values.selection as NoticeSelection;
if (!(selection in NOTICE_SELECTIONS)) throw new Error(`--selection is one of ${Object.keys(NOTICE_SELECTIONS).join(', ')}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The hub side: N graphql-ws clients on `subUrl`, K tickets filed on `writeUrl`. */
async function measureHub(n: number, ctx: { writer: Child; commits: Map<number, number>; writeUrl: string; subUrl: string; hotline: string; officer: string; db: Awaited<ReturnType<typeof createSeededDatabase>>; cell: { centroidLng: number; centroidLat: number }; streetId: string }): Promise<{ outcome: Outcome; payload: string }> {
  const arrivals = new Arrivals();
  let sample: unknown = null;
  let measuring = false;
  const head = (await ctx.db.prisma.ticketEvent.findFirstOrThrow({ where: { streetId: ctx.streetId }, orderBy: { position: 'desc' }, select: { position: true } })).position;
  // afterSeq one below the street's newest event: that event is replayed first, which proves the
  // subscription is registered with the hub's feed before any write
  const subscribers = await connectSubscribers({
    n, batch: BATCH, url: `${ctx.subUrl.replace('http', 'ws')}/graphql`, token: ctx.officer,
    query: ticketEventsSubscription(selection), variables: { streetCode: QIANMEN, afterSeq: head - 1 },
    onNext: (value, t) => {
      const notice = value.data?.ticketEvents;
      if (!value.errors && !notice) subscribers.problems.push(JSON.stringify(value).slice(0, 300));
      else if (notice?.__typename === 'TicketEventNotice') {
        arrivals.add(notice.logSeq, t);
        if (measuring && sample === null) sample = value;
      }
    },
  });
  console.log(`  ${n} graphql-ws subscribers connected and registered in ${round(subscribers.connectSeconds)} s`);

  measuring = true;
  subscribers.counting = true;
  const events: { start: number; arrivals: number[] }[] = [];
  const roundTrips: number[] = [];
  const commitToAck: number[] = [];
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
    events.push({ start: commit, arrivals: times });
    roundTrips.push(acked - sent);
    commitToAck.push(acked - commit);
  }
  console.log(`  commit → last subscriber, per event (ms): ${events.map((e) => (e.arrivals.length ? Math.round(Math.max(...e.arrivals) - e.start) : 'timeout')).join(' ')}`);
  measuring = false;
  subscribers.counting = false;
  await subscribers.dispose();
  if (subscribers.problems.length) console.log(`  ${subscribers.problems.length} error payloads, e.g. ${subscribers.problems[0]}`);
  if (subscribers.closedEarly) console.log(`  ${subscribers.closedEarly} sockets closed during the measurement`);
  const payload = JSON.stringify({ id: randomUUID(), type: 'next', payload: sample });
  const mutation = summarize(roundTrips);
  const ack = summarize(commitToAck);
  console.log(`  createTicket round trip p50 ${round(mutation.p50)} ms (p95 ${round(mutation.p95)}); commit → response at the writer p50 ${round(ack.p50)} ms`);
  return {
    payload,
    outcome: fanOutcome(
      { target: mode === 'redis' ? 'hub A→Redis→B' : 'hub', subscribers: n, payloadBytes: Buffer.byteLength(payload), extra: { connectSeconds: subscribers.connectSeconds, mutationP50: mutation.p50, mutationP95: mutation.p95, commitToAckP50: ack.p50 } },
      events,
      TIMEOUT_MS,
    ),
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
  const events: { start: number; arrivals: number[] }[] = [];
  for (let k = 1; k <= WARMUP_WRITES + WRITES; k++) {
    const sent = floor.message<{ t: number }>((m) => m?.kind === 'sent' && m.seq === k, TIMEOUT_MS);
    floor.send({ kind: 'broadcast', seq: k, payload });
    const times = await arrivals.wait(k, n, TIMEOUT_MS);
    const t = (await sent).t;
    await sleep(GAP);
    if (k > WARMUP_WRITES) events.push({ start: t, arrivals: times });
  }
  for (const socket of sockets) socket.terminate();
  return fanOutcome({ target: 'floor: bare ws', subscribers: n, payloadBytes: Buffer.byteLength(payload) + `"seq":${WRITES},"t":${monoMs()},`.length }, events, TIMEOUT_MS);
}

console.log(`fan-out (${mode}, ${provider}, selection ${selection}): ${SIZES.join(' and ')} subscribers, ${WRITES} writes (after ${WARMUP_WRITES} warm-up writes), gap ${GAP} ms, node ${process.version}, ${await machineLoad()}`);
const db = await createSeededDatabase(provider);
const hubs = startHubs(db.url, values.redis ? values['redis-url'] : undefined);
const { writer, reader } = hubs;
const floor = values['skip-floor'] ? null : spawnTs('ws-floor', fileURLToPath(new URL('./servers/ws-floor.ts', import.meta.url)));
const outcomes: Outcome[] = [];
try {
  const commits = new Map<number, number>();
  writer.process.on('message', (m: any) => {
    if (m?.kind === 'nudge' && !commits.has(m.position)) commits.set(m.position, m.t);
  });
  const [[writePort, subPort], floorPort] = await Promise.all([hubs.ports, floor?.message<{ port: number }>((m) => m?.kind === 'listening').then((m) => m.port)]);
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
  await Promise.all([hubs.stop(), floor?.stop()]);
  await db.close();
}

reportTable(outcomes);
writeResults(values.out ?? fileURLToPath(new URL(`../results/fanout-${mode}-${provider}-${selection}.json`, import.meta.url)), { mode, provider, selection, writes: WRITES, warmupWrites: WARMUP_WRITES, gapMs: GAP, outcomes });
