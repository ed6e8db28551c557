// npm run bench:whistles [-- --whistles 10000 --runs 20 --due 50 --watch 100 --window 20 --providers sqlite,postgresql]
// Seeds a throwaway database per provider with the demo data plus N live whistles (2–3 summonses each,
// their ACK and ON_SITE deadlines PENDING and due 1 h to 3 days from now, a BLOWN event with its feed
// entries), bulk-inserted with createMany. Then measures the deadline watcher
// (schema/src/modules/whistles/whistleWatch.ts):
//   1. idle pass: fireDueDeadlines when nothing is due (what the 1 s watcher costs all day);
//   2. due pass: K deadlines just became due, one pass fires them (per pass and per fired deadline);
//   3. noticed after due: the real watchWhistleDeadlines(prisma, feeds, 1000) runs while M deadlines
//      come due at random moments over --window seconds; for each, the delay from its dueAt to the
//      feed nudge of its ESCALATED event (published right after the firing transaction commits).
// Prints the figures and the machine load before/after, writes bench/results/whistles-<provider>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Prisma, PrismaClient, Provider } from '@whistlehub/prisma';
import { buildDemoData } from '@whistlehub/prisma/seed';
import { checkPostgres, createSeededDatabase } from '@whistlehub/prisma/testing';
import { createInProcessPubSub, FeedHub, fireDueDeadlines, watchWhistleDeadlines } from '@whistlehub/schema';
import { machineLoad, round, type Summary, summarize } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    whistles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '20' },
    due: { type: 'string', default: '50' },
    'due-runs': { type: 'string', default: '5' },
    watch: { type: 'string', default: '100' },
    window: { type: 'string', default: '20' },
    providers: { type: 'string', default: 'sqlite,postgresql' },
  },
});
const WHISTLES = Number(values.whistles);
const RUNS = Number(values.runs);
const DUE = Number(values.due);
const DUE_RUNS = Number(values['due-runs']);
const WATCH = Number(values.watch);
const WINDOW_S = Number(values.window);

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Wall-clock milliseconds with sub-millisecond resolution (dueAt is wall-clock). */
const wallMs = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// a deterministic pseudo-random sequence, so every run loads the same data
let seedState = 0x9e3779b9;
const rand = () => {
  seedState ^= seedState << 13;
  seedState ^= seedState >>> 17;
  seedState ^= seedState << 5;
  return (seedState >>> 0) / 2 ** 32;
};

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** N live whistles with their summonses, pending deadlines, BLOWN events and feed entries. */
function buildBenchWhistles(now: Date, count: number, firstPosition: number) {
  const org = buildDemoData();
  const deptsOf = new Map<string, typeof org.departments>();
  for (const d of org.departments) if (d.districtId) deptsOf.set(d.districtId, [...(deptsOf.get(d.districtId) ?? []), d]);
  // streets of districts with at least three departments of their own (no cross-district whistles)
  const streets = org.streets.filter((s) => (deptsOf.get(s.districtId)?.length ?? 0) >= 3);
  const tiers = ['EMERGENCY', 'KEY', 'ROUTINE'] as const;
  const whistles: Prisma.WhistleCreateManyInput[] = [];
  const summonses: Prisma.WhistleSummonsCreateManyInput[] = [];
  const deadlines: Prisma.WhistleDeadlineCreateManyInput[] = [];
  const events: Prisma.WhistleEventCreateManyInput[] = [];
  const feedEntries: Prisma.WhistleFeedEntryCreateManyInput[] = [];
  for (let i = 0; i < count; i++) {
    const street = streets[i % streets.length]!;
    const pool = deptsOf.get(street.districtId)!;
    const n = 2 + (i % 2);
    const start = Math.floor(rand() * pool.length);
    const depts = Array.from({ length: n }, (_, k) => pool[(start + k) % pool.length]!);
    const id = `whs_bench_${i}`;
    const blownAt = new Date(now.getTime() - Math.floor(rand() * 30 * MIN));
    const keys = [`whistle:street:${street.id}`, `whistle:district:${street.districtId}`, ...depts.map((d) => `whistle:dept:${d.id}`)];
    whistles.push({
      id, number: `WB-${String(i).padStart(6, '0')}`, streetId: street.id, districtId: street.districtId, ticketId: null, categoryId: null,
      tier: tiers[i % 3]!, mode: 'LEAD_ASSIST', stage: 'ASSEMBLE', reason: `bench whistle ${i}`, lng: street.centroidLng, lat: street.centroidLat,
      crossDistrict: false, blownAt, createdById: null, version: 1,
    });
    depts.forEach((dep, k) => {
      const sid = `${id}_${dep.code}`;
      summonses.push({ id: sid, whistleId: id, departmentId: dep.id, departmentDistrictId: dep.districtId, role: k === 0 ? 'LEAD' : 'ASSIST', summonedAt: blownAt });
      // due 1 h to 3 days from now: none comes due while the bench runs
      const ackDue = new Date(now.getTime() + HOUR + Math.floor(rand() * 71 * HOUR));
      const onSiteDue = new Date(ackDue.getTime() + 2 * HOUR + Math.floor(rand() * 46 * HOUR));
      deadlines.push({ id: `${sid}_ACK`, summonsId: sid, whistleId: id, kind: 'ACK', dueAt: ackDue, state: 'PENDING' });
      deadlines.push({ id: `${sid}_ON_SITE`, summonsId: sid, whistleId: id, kind: 'ON_SITE', dueAt: onSiteDue, state: 'PENDING' });
    });
    const position = firstPosition + i;
    const eventId = `wev_${id}_1`;
    events.push({ id: eventId, whistleId: id, seq: 1, position, type: 'BLOWN', summonsId: null, note: `bench whistle ${i}`, feedKeys: keys.join(' '), actorId: null, at: blownAt });
    for (const key of keys) feedEntries.push({ key, position, eventId });
  }
  return { whistles, summonses, deadlines, events, feedEntries };
}

const fmt = (s: Summary) => ({ n: s.n, mean: round(s.mean), p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) });

/** A FeedHub that records when each nudge was published (wall clock), by log position. */
class StampingFeedHub extends FeedHub {
  readonly stamps = new Map<number, number>();
  override nudge(keys: readonly string[], nudge: { position: number }): void {
    this.stamps.set(nudge.position, wallMs());
    super.nudge(keys, nudge);
  }
}

/** `count` pending bench ACK deadlines, one per whistle, of whistles not used before. */
function takeDeadlines(prisma: PrismaClient, used: Set<string>, count: number) {
  const ids: string[] = [];
  return (async () => {
    const rows = await prisma.whistleDeadline.findMany({ where: { state: 'PENDING', kind: 'ACK', whistleId: { startsWith: 'whs_bench_' } }, select: { id: true, whistleId: true }, orderBy: { id: 'asc' } });
    for (const r of rows) {
      if (ids.length === count) break;
      if (used.has(r.whistleId)) continue;
      used.add(r.whistleId);
      ids.push(r.id);
    }
    return ids;
  })();
}

async function run(provider: Provider) {
  const t0 = performance.now();
  const db = await createSeededDatabase(provider);
  const { prisma } = db;
  try {
    const head = (await prisma.logHead.findUniqueOrThrow({ where: { id: 'log' } })).position;
    const now = new Date();
    const data = buildBenchWhistles(now, WHISTLES, head + 1);
    await insertInBatches(data.whistles, 1000, (b) => prisma.whistle.createMany({ data: b }));
    await insertInBatches(data.summonses, 2000, (b) => prisma.whistleSummons.createMany({ data: b }));
    await insertInBatches(data.deadlines, 2000, (b) => prisma.whistleDeadline.createMany({ data: b }));
    await insertInBatches(data.events, 2000, (b) => prisma.whistleEvent.createMany({ data: b }));
    await insertInBatches(data.feedEntries, 4000, (b) => prisma.whistleFeedEntry.createMany({ data: b }));
    await prisma.logHead.update({ where: { id: 'log' }, data: { position: head + WHISTLES } });
    const loadSeconds = (performance.now() - t0) / 1000;

    const pubsub = createInProcessPubSub();
    const feeds = new StampingFeedHub(pubsub);
    // the start-up sweep: whatever the demo seed left due (nothing, normally)
    const sweptAtStart = await fireDueDeadlines(prisma, feeds);
    const live = await prisma.whistle.count({ where: { closedAt: null } });
    const pending = await prisma.whistleDeadline.count({ where: { state: 'PENDING' } });
    const dueNow = await prisma.whistleDeadline.count({ where: { state: 'PENDING', dueAt: { lte: new Date() } } });
    console.log(`${provider}: ${live} live whistles, ${pending} pending deadlines (${dueNow} due), loaded in ${loadSeconds.toFixed(1)} s; start-up sweep fired ${sweptAtStart}`);

    // 1. idle pass
    for (let i = 0; i < 5; i++) await fireDueDeadlines(prisma, feeds);
    const idle: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const fired = await fireDueDeadlines(prisma, feeds);
      idle.push(performance.now() - s);
      if (fired !== 0) throw new Error(`idle pass fired ${fired}`);
    }

    // 2. a pass with K deadlines just due (each on its own whistle)
    const used = new Set<string>();
    const duePass: number[] = [];
    const perDeadline: number[] = [];
    for (let r = 0; r < DUE_RUNS; r++) {
      const ids = await takeDeadlines(prisma, used, DUE);
      await prisma.whistleDeadline.updateMany({ where: { id: { in: ids } }, data: { dueAt: new Date(Date.now() - 1000) } });
      const s = performance.now();
      const fired = await fireDueDeadlines(prisma, feeds);
      const ms = performance.now() - s;
      if (fired !== ids.length) throw new Error(`due pass fired ${fired} of ${ids.length}`);
      duePass.push(ms);
      perDeadline.push(ms / fired);
    }

    // 3. the real watcher: M deadlines due at random moments over the window
    const ids = await takeDeadlines(prisma, used, WATCH);
    const startAt = wallMs() + 2000;
    const dueAtById = new Map<string, number>();
    for (const id of ids) {
      const dueAt = Math.round(startAt + rand() * WINDOW_S * 1000);
      dueAtById.set(id, dueAt);
      await prisma.whistleDeadline.update({ where: { id }, data: { dueAt: new Date(dueAt) } });
    }
    feeds.stamps.clear();
    const errors: unknown[] = [];
    const loadBefore = await machineLoad();
    const stop = watchWhistleDeadlines(prisma, feeds, 1000, (e) => errors.push(e));
    const deadline = startAt + WINDOW_S * 1000 + 15_000;
    let firedCount = 0;
    while (wallMs() < deadline) {
      await sleep(500);
      firedCount = await prisma.whistleDeadline.count({ where: { id: { in: ids }, state: 'FIRED' } });
      if (firedCount === ids.length) break;
    }
    stop();
    await sleep(1500); // let a pass in flight finish
    if (errors.length) throw errors[0];
    // the ESCALATED event of each deadline → the nudge published after its commit
    const escalated = await prisma.whistleEvent.findMany({ where: { type: 'ESCALATED', whistleId: { in: ids.map((id) => id.replace(/_[^_]+_ACK$/, '')) } }, select: { position: true, summonsId: true, note: true } });
    const rows = await prisma.whistleDeadline.findMany({ where: { id: { in: ids } }, select: { id: true, firedAt: true } });
    const firedAtById = new Map(rows.map((r) => [r.id, r.firedAt?.getTime() ?? null]));
    const noticed: number[] = [];
    const claimed: number[] = [];
    for (const e of escalated) {
      const id = `${e.summonsId}_${e.note}`;
      const dueAt = dueAtById.get(id);
      const stamp = feeds.stamps.get(e.position);
      if (dueAt == null || stamp == null) continue;
      noticed.push(stamp - dueAt);
      const firedAt = firedAtById.get(id);
      if (firedAt != null) claimed.push(firedAt - dueAt);
    }
    const loadAfter = await machineLoad();
    return {
      provider,
      whistles: WHISTLES,
      liveWhistles: live,
      pendingDeadlines: pending,
      loadSeconds: +loadSeconds.toFixed(1),
      idlePass: { runs: RUNS, ms: fmt(summarize(idle)) },
      duePass: { due: DUE, runs: DUE_RUNS, passMs: fmt(summarize(duePass)), perDeadlineMs: fmt(summarize(perDeadline)) },
      noticed: {
        deadlines: ids.length,
        fired: firedCount,
        windowSeconds: WINDOW_S,
        intervalMs: 1000,
        /** dueAt → the feed nudge of its ESCALATED event (after the firing transaction committed) */
        noticedAfterDueMs: fmt(summarize(noticed)),
        /** dueAt → the `now` of the pass that claimed it (firedAt): the part that is the 1 s interval */
        passStartAfterDueMs: fmt(summarize(claimed)),
      },
      load: { before: loadBefore, after: loadAfter },
    };
  } finally {
    await db.close();
  }
}

const providers = values.providers.split(',') as Provider[];
mkdirSync(new URL('../results', import.meta.url), { recursive: true });
for (const provider of providers) {
  if (provider === 'postgresql' && !(await checkPostgres()).ok) {
    console.log('postgresql: no server at TEST_POSTGRES_URL, skipped');
    continue;
  }
  const startLoad = await machineLoad();
  console.log(`\n${provider}: ${startLoad} (before)`);
  const report = await run(provider);
  const endLoad = await machineLoad();
  console.log(`\n${provider}: ${report.liveWhistles} live whistles, ${report.pendingDeadlines} pending deadlines`);
  const n = report.noticed;
  console.table([
    { measure: `idle pass (nothing due), ${RUNS} runs`, ...report.idlePass.ms },
    { measure: `pass firing ${DUE} due, ${DUE_RUNS} runs`, ...report.duePass.passMs },
    { measure: `  per fired deadline`, ...report.duePass.perDeadlineMs },
    { measure: `noticed after due (${n.fired}/${n.deadlines} over ${WINDOW_S} s, 1 s watcher)`, ...n.noticedAfterDueMs },
    { measure: `  claiming pass started after due`, ...n.passStartAfterDueMs },
  ]);
  console.log(`${provider}: ${endLoad} (after); during the watcher run: ${report.load.before} → ${report.load.after}`);
  writeFileSync(
    new URL(`../results/whistles-${provider}.json`, import.meta.url),
    `${JSON.stringify({ ...report, load: { start: startLoad, watcherBefore: report.load.before, watcherAfter: report.load.after, end: endLoad }, at: new Date().toISOString(), node: process.version }, null, 2)}\n`,
  );
}
