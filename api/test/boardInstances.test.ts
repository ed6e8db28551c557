// The live board across real api processes (schema/src/modules/board/): A and B share one database and
// Redis, and poll their feeds only every 10 minutes, so whatever reaches a subscriber within a test came
// through Redis; C polls every 500 ms and reaches Redis through its own proxy, to show that with Redis
// cut an edit still arrives ("the database is the log and Redis only a nudge": an outage delays, never
// loses). Every client is the graphql-ws library's own, on a real socket, as the web app's.
import type { Provider } from '@whistlehub/prisma';
import { checkPostgres, createTestDatabase, requireService, type ServiceCheck, type TestDatabase } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRedis, type Instance, post, redisProxy, type RedisProxy, signIn, startInstance, testRedisUrl } from './instances.ts';
import { liveClient, type Recording } from './live.ts';

const SUITE = 'boardInstances.test.ts (the live board across two api processes sharing Redis)';
const named = (check: ServiceCheck, scope: string): ServiceCheck => ({ ...check, reason: `${check.reason} — skipping ${SUITE} ${scope}` });
const withRedis = requireService('Redis', named(await checkRedis(), 'on every provider'));
// SQLite runs too: the processes open the one database file (an absolute file: URL), in WAL mode
const providers: Provider[] = ['sqlite'];
if (withRedis && requireService('PostgreSQL', named(await checkPostgres(), 'on PostgreSQL (it still runs on SQLite)'))) providers.push('postgresql');

const ERRORS = '... on Error { message } ... on CaseConflictError { target currentVersion }';
const CREATE = `mutation ($input: CreateCaseInput!) { createCase(input: $input) { __typename ${ERRORS} ... on CreateCaseResult { result { seq logSeq case { id } } } } }`;
const UPDATE = `mutation ($input: UpdateCaseFieldInput!) { updateCaseField(input: $input) { __typename ${ERRORS} ... on UpdateCaseFieldResult { result { seq logSeq } } } }`;
const EVENTS = `subscription ($caseId: ID!, $afterSeq: Int) { caseEvents(caseId: $caseId, afterSeq: $afterSeq) {
  __typename ... on CaseEventNotice { kind seq logSeq target value actor mine case { title { value version } } } ... on FeedResync { logSeq missed } } }`;
const PRESENCE = `subscription ($caseId: ID!) { casePresence(caseId: $caseId) { viewers { name field } } }`;
const HEARTBEAT = `mutation ($caseId: ID!, $field: String) { heartbeatCasePresence(caseId: $caseId, field: $field) { caseId } }`;
const LEAVE = `mutation ($caseId: ID!) { leaveCasePresence(caseId: $caseId) }`;

const notice = (item: any) => item.data?.caseEvents;
/** `promise`, or a failure naming `what` after `ms` (a test's own timeout would not say which wait hung). */
const within = <T>(ms: number, what: () => string, promise: Promise<T>) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what()}`)), ms).unref())]);
const seqs = (rec: Recording) => rec.items.map((i) => notice(i)?.seq as number);
/** 1, 2 … n: each case event once, in seq order, nothing missing. */
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe.skipIf(!withRedis).each(providers)('the live board across api processes on one %s database', (provider) => {
  let db: TestDatabase;
  let shared: RedisProxy;
  let own: RedisProxy;
  const instances: Instance[] = [];
  let urls: { a: string; b: string; c: string };
  let tokens: { officer: string; council: string };

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    shared = await redisProxy(new URL(testRedisUrl));
    own = await redisProxy(new URL(testRedisUrl));
    // started together on the empty database: one migrates and seeds, the others wait for it
    instances.push(startInstance(db.url, shared.url), startInstance(db.url, shared.url), startInstance(db.url, own.url, { FEED_POLL_MS: '500' }));
    const [a, b, c] = await Promise.all(instances.map((i) => i.url));
    urls = { a: a!, b: b!, c: c! };
    tokens = { officer: await signIn(urls.a, 'street.qianmen'), council: await signIn(urls.b, 'council.caochang') };
  }, 120_000);

  afterAll(async () => {
    const codes = await Promise.all(instances.map((i) => i.stop()));
    await shared?.close();
    await own?.close();
    await db?.drop();
    // every process shut down cleanly, Redis outage or not
    expect(codes).toEqual(instances.map(() => 0));
  });

  /** The error and fatal lines of every process's log, for a failure's message (a masked error is logged, not answered). */
  const loggedErrors = () => instances.flatMap((i) => i.log().split('\n').filter((line) => /"level":(50|60)/.test(line))).join('\n');
  const ws = (base: string) => `${base.replace('http', 'ws')}/graphql`;
  /** Puts a case on 前门's board through `base`; returns its global id and the CREATED event's log position. */
  async function newCase(base: string, title: string) {
    const out = await post(base, CREATE, { input: { streetCode: '110101011', communityCode: '110101011003', title } }, tokens.officer);
    expect(out.data?.createCase?.__typename, JSON.stringify(out)).toBe('CreateCaseResult');
    return { id: out.data.createCase.result.case.id as string, logSeq: out.data.createCase.result.logSeq as number };
  }
  /** One updateCaseField through `base`; returns its seq and log position. */
  async function edit(base: string, caseId: string, field: string, value: string, baseVersion: number, token = tokens.officer) {
    const out = await post(base, UPDATE, { input: { caseId, field, value, baseVersion } }, token);
    expect(out.data?.updateCaseField?.__typename, `${JSON.stringify(out)}; errors the processes logged:\n${loggedErrors()}`).toBe('UpdateCaseFieldResult');
    return out.data.updateCaseField.result as { seq: number; logSeq: number };
  }
  /** A caseEvents subscriber on `base`, surely registered with that process's feed: it is replayed the event at `from` first. */
  async function subscriber(base: string, caseId: string, from: number, token = tokens.officer) {
    const client = liveClient(ws(base), token);
    const rec = client.subscribe(EVENTS, { caseId, afterSeq: from - 1 });
    await rec.take(1);
    return { client, rec };
  }
  const expectInOrder = (rec: Recording, n: number) => {
    expect(rec.items.every((i) => notice(i)?.__typename === 'CaseEventNotice'), JSON.stringify(rec.items)).toBe(true);
    expect(seqs(rec)).toEqual(upTo(n));
    const positions = rec.items.map((i) => notice(i).logSeq as number);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  };

  it('delivers edits made through A and B, racing on different fields, to subscribers on both, each once and in seq order', async () => {
    const c = await newCase(urls.a, '草厂胡同停车自治');
    const onB = await subscriber(urls.b, c.id, c.logSeq, tokens.council);
    const onA = await subscriber(urls.a, c.id, c.logSeq);
    // one edit through A: B's subscriber has it through Redis (A and B poll only every 10 minutes)
    const first = await edit(urls.a, c.id, 'title', '草厂四条停车自治试点', 1);
    const item = await onB.rec.until((i) => notice(i)?.seq === first.seq);
    expect(notice(item)).toMatchObject({ kind: 'FIELD_UPDATED', target: 'title', logSeq: first.logSeq, actor: '前门街道工作人员', mine: false, case: { title: { value: '草厂四条停车自治试点', version: 2 } } });
    expect(JSON.parse(notice(item).value)).toEqual({ value: '草厂四条停车自治试点', version: 2 });
    // four writers at once, two through each process, each on its own field: none conflicts (the
    // losers of the case version decide again), and every subscriber gets all of them in one order
    const raced = await Promise.all([
      edit(urls.a, c.id, 'description', '四条胡同车位划线，居民议事会定规则', 1),
      edit(urls.b, c.id, 'tags', '停车 自治', 1, tokens.council),
      edit(urls.a, c.id, 'priority', 'HIGH', 1),
      edit(urls.b, c.id, 'title', '草厂四条停车自治试点（议事会）', 2, tokens.council),
    ]);
    expect(raced.map((r) => r.seq).sort()).toEqual([3, 4, 5, 6]);
    for (const sub of [onA, onB]) {
      await sub.rec.until((i) => notice(i)?.seq === 6);
      expectInOrder(sub.rec, 6);
      // by log position, as the writers committed them
      expect(sub.rec.items.slice(2).map((i) => notice(i).logSeq)).toEqual(raced.map((r) => r.logSeq).sort((x, y) => x - y));
    }
    expect(onA.rec.items.map((i) => notice(i).seq)).toEqual(onB.rec.items.map((i) => notice(i).seq));
    await Promise.all([onA.client.dispose(), onB.client.dispose()]);
  });

  it('replays exactly what a subscriber missed while away, no gap and no duplicate, when it comes back to the other process', async () => {
    const c = await newCase(urls.a, '前门东侧路人行道修补');
    const away = await subscriber(urls.b, c.id, c.logSeq);
    // a writer keeps editing the title through A and B in turn while the subscriber leaves and comes back
    const EDITS = 12;
    const writes = (async () => {
      for (let v = 1; v <= EDITS; v++) await edit(v % 2 ? urls.a : urls.b, c.id, 'title', `前门东侧路人行道修补 第${v}稿`, v);
    })();
    await away.rec.take(4);
    await away.client.dispose();
    const before = away.rec.items.map(notice);
    const applied = before.at(-1).logSeq as number;
    // back, on A this time, from the last event it applied
    const client = liveClient(ws(urls.a), tokens.officer);
    const back = client.subscribe(EVENTS, { caseId: c.id, afterSeq: applied });
    await writes;
    await back.until((i) => notice(i)?.seq === EDITS + 1);
    // one more, live, after the replay
    await edit(urls.b, c.id, 'description', '盲道砖松动三处', 1);
    await back.until((i) => notice(i)?.seq === EDITS + 2);
    const after = back.items.map(notice);
    expect(after.every((n) => n.__typename === 'CaseEventNotice'), JSON.stringify(after)).toBe(true);
    expect([...before, ...after].map((n) => n.seq)).toEqual(upTo(EDITS + 2));
    expect(after[0].logSeq).toBeGreaterThan(applied);
    expect(after.at(-1)).toMatchObject({ kind: 'FIELD_UPDATED', target: 'description', mine: true });
    await client.dispose();
  }, 60_000);

  it('shows a heartbeat sent to A on a casePresence subscriber of B, and removes it when they leave', async () => {
    const c = await newCase(urls.a, '草厂三条晾衣架整治');
    const client = liveClient(ws(urls.b), tokens.council);
    const watch = client.subscribe(PRESENCE, { caseId: c.id });
    const viewers = (i: any) => i.data?.casePresence?.viewers as { name: string; field: string | null }[] | undefined;
    expect(viewers((await watch.take(1))[0])).toEqual([]);
    const beat = await post(urls.a, HEARTBEAT, { caseId: c.id, field: 'title' }, tokens.officer);
    expect(beat.data?.heartbeatCasePresence?.caseId, JSON.stringify(beat)).toBe(c.id);
    await watch.until((i) => viewers(i)?.[0]?.field === 'title');
    expect(viewers(watch.items.at(-1))).toEqual([{ name: '前门街道工作人员', field: 'title' }]);
    // the field they edit changes, through B this time
    await post(urls.b, HEARTBEAT, { caseId: c.id, field: 'description' }, tokens.officer);
    await watch.until((i) => viewers(i)?.[0]?.field === 'description');
    // counted before leaving: the departure can reach B's subscriber before A's answer reaches the test
    const before = watch.items.length;
    const left = await post(urls.a, LEAVE, { caseId: c.id }, tokens.officer);
    expect(left.data?.leaveCasePresence, JSON.stringify(left)).toBe(true);
    await watch.until((i) => watch.items.indexOf(i) >= before && viewers(i)?.length === 0);
    await client.dispose();
  });

  it('still delivers an edit while Redis is cut: the feed polls the log; the nudged subscriber gets it once Redis is back, once', async () => {
    const c = await newCase(urls.a, '长巷头条路灯不亮');
    const polled = await subscriber(urls.c, c.id, c.logSeq);
    const nudged = await subscriber(urls.b, c.id, c.logSeq);
    const state = () => `C's subscriber has seqs ${seqs(polled.rec)}, B's ${seqs(nudged.rec)}; logged errors:\n${loggedErrors()}\nC's log tail:\n${instances[2]!.log().slice(-3000)}`;
    shared.cut();
    own.cut();
    // written and acknowledged while no process reaches Redis: A's nudge is lost
    const during = await within(10_000, () => `A to answer an edit with Redis cut; ${state()}`, edit(urls.a, c.id, 'title', '长巷头条路灯不亮（已报修）', 1));
    const cutAt = Date.now();
    await within(10_000, () => `C's poll to deliver seq ${during.seq} with Redis cut; ${state()}`, polled.rec.until((i) => notice(i)?.seq === during.seq));
    const delay = Date.now() - cutAt;
    // C read it from the log, Redis still cut; B, which polls every 10 minutes, has not heard of it
    expect(delay).toBeLessThan(5_000);
    expect(seqs(nudged.rec)).toEqual([1]);
    shared.restore();
    own.restore();
    // B reads its feeds as soon as its subscriber connection is back
    await within(20_000, () => `B's catch-up after Redis came back; ${state()}`, nudged.rec.until((i) => notice(i)?.seq === during.seq));
    // and nudges flow again
    const after = await edit(urls.b, c.id, 'priority', 'URGENT', 1);
    for (const sub of [polled, nudged]) {
      await within(20_000, () => `seq ${after.seq} after Redis came back; ${state()}`, sub.rec.until((i) => notice(i)?.seq === after.seq));
      expectInOrder(sub.rec, after.seq);
    }
    console.info(`[${provider}] with Redis cut, the polling process delivered the edit ${delay} ms after its acknowledgement`);
    await Promise.all([polled.client.dispose(), nudged.client.dispose()]);
    expect(loggedErrors()).toBe('');
  }, 60_000);
});
