// npm run bench:board [-- --subscribers 1,100,1000 --writes 20 --selection card --provider sqlite] [--redis]
// The live board's fan-out: N graphql-ws subscribers of caseEvents(caseId) on one case, signed in as
// the street officer of 前门街道, then K edits (updateCaseField on the title, each on the version the
// last one left) sent one after the other by that officer over HTTP. Latency is per delivery, from the
// moment the bench sends the mutation to the subscriber's `next` callback, on the monotonic clock. Each
// edit waits until all N got its event (or --timeout), then --gap ms, so every event fans out alone.
// The hub's memory (RSS and heap, read in its process) before the subscribers connect, with them
// connected, and after the edits.
// The floor, in the same run: bare graphql-ws (`useServer` over `ws`) with a one-field subscription
// broadcasting a constant payload of the same size (src/servers/graphql-ws-floor.ts), to the same
// number of graphql-ws clients; latency from the bench's broadcast order to each `next`.
// --redis: two hubs on one database (PostgreSQL when it answers) sharing live events through Redis;
// edits go to A, every subscriber is on B.
// Prints p50/p95/p99/max and memory; writes bench/results/board-<mode>-<provider>-<selection>.json.
import { fileURLToPath } from 'node:url';
import { createSeededDatabase } from '@whistlehub/prisma/testing';
import { gql, QIANMEN, signIn } from './lib/graphql.ts';
import { Arrivals, connectSubscribers, fanOutcome, fanoutSettings, type Outcome, report, reportTable, startHubs, writeResults } from './lib/live.ts';
import { formatMemory, type Memory, memoryOf } from './lib/memory.ts';
import { type Child, spawnTs } from './lib/processes.ts';
import { machineLoad, monoMs, round, summarize } from './lib/stats.ts';

const { values, sizes: SIZES, writes: WRITES, gap: GAP, warmupWrites: WARMUP_WRITES, batch: BATCH, timeoutMs: TIMEOUT_MS, provider, mode } = await fanoutSettings({ subscribers: '1,100,1000', selection: 'card' });

/**
 * What each subscriber selects besides the notice: `card` the case as a board card shows it (title,
 * column, priority, tags, checklist progress, versions), `notice` nothing more (no case load).
 */
const SELECTIONS = {
  notice: '',
  card: 'case { id number title { value version } status statusVersion priority tags checklistProgress { done total } version seq }',
} as const;
const selection = values.selection as keyof typeof SELECTIONS;
if (!(selection in SELECTIONS)) throw new Error(`--selection is one of ${Object.keys(SELECTIONS).join(', ')}`);
const CASE_EVENTS = `subscription BoardCaseLiveUpdates($caseId: ID!, $afterSeq: Int) {
  caseEvents(caseId: $caseId, afterSeq: $afterSeq) { __typename ... on CaseEventNotice { kind seq logSeq target value actor mine ${SELECTIONS[selection]} } ... on FeedResync { resyncSeq: logSeq missed } }
}`;
const CREATE_CASE = `mutation ($input: CreateCaseInput!) { createCase(input: $input) { __typename ... on Error { message } ... on CreateCaseResult { result { logSeq case { id } } } } }`;
const UPDATE_FIELD = `mutation ($input: UpdateCaseFieldInput!) { updateCaseField(input: $input) { __typename ... on Error { message } ... on UpdateCaseFieldResult { result { seq logSeq } } } }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MB = 2 ** 20;

interface Board {
  writeUrl: string;
  subUrl: string;
  officer: string;
  caseId: string;
  /** the case's newest log position and title version */
  logSeq: number;
  titleVersion: number;
}

/** One title edit; resolves with its send time, round trip and log position. */
async function edit(board: Board, k: number) {
  const sent = monoMs();
  const data = await gql(board.writeUrl, UPDATE_FIELD, { input: { caseId: board.caseId, field: 'title', value: `草厂胡同停车自治（第 ${k} 稿）`, baseVersion: board.titleVersion } }, board.officer);
  const acked = monoMs();
  if (data.updateCaseField?.__typename !== 'UpdateCaseFieldResult') throw new Error(`updateCaseField: ${JSON.stringify(data)}`);
  board.titleVersion += 1;
  board.logSeq = data.updateCaseField.result.logSeq;
  return { sent, roundTrip: acked - sent, logSeq: board.logSeq };
}

/** The hub side: N subscribers of the case on the reader, K edits on the writer. */
async function measureHub(n: number, board: Board, reader: Child): Promise<{ outcome: Outcome; body: string; memory: Record<'before' | 'connected' | 'afterEdits', Memory> }> {
  const arrivals = new Arrivals();
  let sample: unknown = null;
  const before = await memoryOf(reader);
  // afterSeq one below the case's newest event: it is replayed first, which proves the subscription
  // is registered with the hub's feed before any edit
  const subscribers = await connectSubscribers({
    n, batch: BATCH, url: `${board.subUrl.replace('http', 'ws')}/graphql`, token: board.officer,
    query: CASE_EVENTS, variables: { caseId: board.caseId, afterSeq: board.logSeq - 1 },
    onNext: (value, t) => {
      const notice = value.data?.caseEvents;
      if (!value.errors && notice?.__typename !== 'CaseEventNotice') subscribers.problems.push(JSON.stringify(value).slice(0, 300));
      else if (notice) {
        arrivals.add(notice.logSeq, t);
        if (sample === null && notice.kind === 'FIELD_UPDATED') sample = notice;
      }
    },
  });
  const connected = await memoryOf(reader);
  console.log(`  ${n} graphql-ws subscribers connected and registered in ${round(subscribers.connectSeconds)} s; hub ${formatMemory(connected)} (before: ${formatMemory(before)})`);
  subscribers.counting = true;
  const events: { start: number; arrivals: number[] }[] = [];
  const roundTrips: number[] = [];
  for (let k = -WARMUP_WRITES; k < WRITES; k++) {
    const { sent, roundTrip, logSeq } = await edit(board, k);
    const times = await arrivals.wait(logSeq, n, TIMEOUT_MS);
    await sleep(GAP);
    if (k < 0) continue; // a warm-up edit: delivered to everyone, not measured
    events.push({ start: sent, arrivals: times });
    roundTrips.push(roundTrip);
  }
  const memory = { before, connected, afterEdits: await memoryOf(reader) };
  subscribers.counting = false;
  await subscribers.dispose();
  console.log(`  send → last subscriber, per edit (ms): ${events.map((e) => (e.arrivals.length ? Math.round(Math.max(...e.arrivals) - e.start) : 'timeout')).join(' ')}`);
  if (subscribers.problems.length) console.log(`  ${subscribers.problems.length} error payloads, e.g. ${subscribers.problems[0]}`);
  if (subscribers.closedEarly) console.log(`  ${subscribers.closedEarly} sockets closed during the measurement`);
  const mutation = summarize(roundTrips);
  console.log(`  updateCaseField round trip p50 ${round(mutation.p50)} ms (p95 ${round(mutation.p95)}); hub after the edits: ${formatMemory(memory.afterEdits)}`);
  const body = JSON.stringify(sample);
  return {
    body,
    memory,
    outcome: fanOutcome(
      {
        target: mode === 'redis' ? 'hub A→Redis→B' : 'hub', subscribers: n, payloadBytes: Buffer.byteLength(body),
        extra: { connectSeconds: subscribers.connectSeconds, mutationP50: mutation.p50, mutationP95: mutation.p95, rssMB: memory.connected.rss / MB, heapUsedMB: memory.connected.heapUsed / MB, heapTotalMB: memory.connected.heapTotal / MB, rssBeforeMB: memory.before.rss / MB, heapUsedBeforeMB: memory.before.heapUsed / MB },
      },
      events,
      TIMEOUT_MS,
    ),
  };
}

/** The floor: N graphql-ws clients of bare graphql-ws, K broadcasts of a constant payload. */
async function measureFloor(n: number, floor: Child, port: number, bodyBytes: number): Promise<Outcome> {
  const arrivals = new Arrivals();
  const before = await memoryOf(floor);
  const subscribers = await connectSubscribers({
    n, batch: BATCH, url: `ws://127.0.0.1:${port}/graphql`, query: 'subscription { broadcast { seq body } }',
    onNext: (value, t) => arrivals.add(value.data.broadcast.seq, t),
  });
  const connected = await memoryOf(floor);
  subscribers.counting = true;
  const events: { start: number; arrivals: number[] }[] = [];
  for (let k = 1; k <= WARMUP_WRITES + WRITES; k++) {
    const start = monoMs();
    floor.send({ kind: 'broadcast', seq: k });
    const times = await arrivals.wait(k, n, TIMEOUT_MS);
    await sleep(GAP);
    if (k > WARMUP_WRITES) events.push({ start, arrivals: times });
  }
  subscribers.counting = false;
  await subscribers.dispose();
  console.log(`  floor: ${n} subscribers connected in ${round(subscribers.connectSeconds)} s; floor ${formatMemory(connected)} (before: ${formatMemory(before)})`);
  return fanOutcome({ target: 'floor: graphql-ws + ws', subscribers: n, payloadBytes: bodyBytes, extra: { rssMB: connected.rss / MB, heapUsedMB: connected.heapUsed / MB, heapTotalMB: connected.heapTotal / MB, rssBeforeMB: before.rss / MB, heapUsedBeforeMB: before.heapUsed / MB } }, events, TIMEOUT_MS);
}

console.log(`board fan-out (${mode}, ${provider}, selection ${selection}): ${SIZES.join(', ')} subscribers, ${WRITES} edits (after ${WARMUP_WRITES} warm-up edits), gap ${GAP} ms, node ${process.version}, ${await machineLoad()}`);
const db = await createSeededDatabase(provider);
const hubs = startHubs(db.url, values.redis ? values['redis-url'] : undefined);
const { reader } = hubs;
let floor: { child: Child; port: number } | null = null;
const outcomes: Outcome[] = [];
const memories: Record<number, Record<string, Memory>> = {};
try {
  const [writePort, subPort] = await hubs.ports;
  const board: Board = { writeUrl: `http://127.0.0.1:${writePort}`, subUrl: `http://127.0.0.1:${subPort}`, officer: '', caseId: '', logSeq: 0, titleVersion: 1 };
  board.officer = await signIn(board.writeUrl, 'street.qianmen');
  const created = await gql(board.writeUrl, CREATE_CASE, { input: { streetCode: QIANMEN, communityCode: '110101011003', title: '草厂胡同停车自治' } }, board.officer);
  if (created.createCase?.__typename !== 'CreateCaseResult') throw new Error(`createCase: ${JSON.stringify(created)}`);
  board.caseId = created.createCase.result.case.id;
  board.logSeq = created.createCase.result.logSeq;
  for (const n of SIZES) {
    console.log(`\n${n} subscribers`);
    const { outcome, body, memory } = await measureHub(n, board, reader);
    outcomes.push(outcome);
    memories[n] = memory;
    report(outcome);
    if (!values['skip-floor']) {
      // started once, with a constant payload as long as the hub's notice
      if (!floor) {
        const child = spawnTs('graphql-ws-floor', fileURLToPath(new URL('./servers/graphql-ws-floor.ts', import.meta.url)), { env: { BODY: 'x'.repeat(Buffer.byteLength(body)) } });
        floor = { child, port: (await child.message<{ port: number }>((m) => m?.kind === 'listening')).port };
      }
      const floorOutcome = await measureFloor(n, floor.child, floor.port, Buffer.byteLength(body));
      outcomes.push(floorOutcome);
      report(floorOutcome);
    }
    await sleep(1000);
  }
  console.log(`  (${await machineLoad()} at the end)`);
} finally {
  await Promise.all([hubs.stop(), floor?.child.stop()]);
  await db.close();
}

reportTable(outcomes);
console.table(outcomes.map((o) => ({ target: o.target, subscribers: o.subscribers, 'RSS MB': round(o.extra!.rssMB!), 'heap used MB': round(o.extra!.heapUsedMB!), 'heap total MB': round(o.extra!.heapTotalMB!), 'RSS before MB': round(o.extra!.rssBeforeMB!), 'heap before MB': round(o.extra!.heapUsedBeforeMB!) })));
writeResults(values.out ?? fileURLToPath(new URL(`../results/board-${mode}-${provider}-${selection}.json`, import.meta.url)), { mode, provider, selection, writes: WRITES, warmupWrites: WARMUP_WRITES, gapMs: GAP, outcomes, memories });
