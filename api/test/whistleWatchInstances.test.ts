// Two real api processes racing on one database's whistle deadlines (schema/src/modules/whistles/
// whistleWatch.ts): each fires every due deadline it can claim, and together they must fire each
// exactly once. Which process fired what is read off the wire, not off the database: each reaches
// Redis through its own proxy, and a process nudges the feeds only for the events it wrote itself
// (after its commit), so an escalation's log position published through proxy A was written by A.
import { createPrisma, type PrismaClient, type Provider } from '@whistlehub/prisma';
import { checkPostgres, createTestDatabase, requireService, type ServiceCheck, type TestDatabase } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRedis, type Instance, post, redisProxy, type RedisProxy, signIn, startInstance, testRedisUrl } from './instances.ts';
import { liveClient } from './live.ts';

const SUITE = 'whistleWatchInstances.test.ts (two api processes racing on whistle deadlines)';
const named = (check: ServiceCheck, scope: string): ServiceCheck => ({ ...check, reason: `${check.reason} — skipping ${SUITE} ${scope}` });
const withRedis = requireService('Redis', named(await checkRedis(), 'on every provider'));
// SQLite runs too: both processes open the one database file (an absolute file: URL), in WAL mode
const providers: Provider[] = ['sqlite'];
if (withRedis && requireService('PostgreSQL', named(await checkPostgres(), 'on PostgreSQL (it still runs on SQLite)'))) providers.push('postgresql');

/** Whistles blown for the race; each summons two departments, and each summons has two deadlines. */
const WHISTLES = 20;
const STREET = { code: '110101011', id: 'str_110101011' };
const QIANMEN = { lng: 116.3975, lat: 39.8965 };
const BLOW = `mutation ($input: BlowWhistleInput!) { blowWhistle(input: $input) { __typename ... on BlowWhistleResult { result { whistle { number } } } } }`;
const FEED = `subscription ($afterSeq: Int) { streetWhistleEvents(streetCode: "${STREET.code}", afterSeq: $afterSeq) {
  ... on WhistleEventNotice { type logSeq summons { id ackLate onSiteLate } } } }`;

/** The log positions a process nudged whistle feeds with, from the Redis commands it sent (RESP: PUBLISH feed:<key> {"position":N}). */
const publishedPositions = (sent: Buffer[]) =>
  new Set([...Buffer.concat(sent).toString('utf8').matchAll(/feed:whistle:[^\r]+\r\n\$\d+\r\n\{"position":(\d+)\}/g)].map((m) => Number(m[1])));

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!withRedis).each(providers)('two api processes watching whistle deadlines on one %s database', (provider) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  const sent = { a: [] as Buffer[], b: [] as Buffer[] };
  let proxies: RedisProxy[] = [];
  let a: Instance;
  let b: Instance;
  let restarted: Instance | undefined;
  let urls: { a: string; b: string };

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    proxies = [
      await redisProxy(new URL(testRedisUrl), { onSent: (chunk) => sent.a.push(chunk) }),
      await redisProxy(new URL(testRedisUrl), { onSent: (chunk) => sent.b.push(chunk) }),
    ];
    // started together on the empty database: one migrates and seeds, the other waits for it
    a = startInstance(db.url, proxies[0]!.url);
    b = startInstance(db.url, proxies[1]!.url);
    urls = { a: await a.url, b: await b.url };
    prisma = await createPrisma(db.url);
  }, 120_000);

  afterAll(async () => {
    // stopping an instance that already exited only resolves with its exit code again
    await Promise.all([a?.stop(), b?.stop(), restarted?.stop()]);
    await prisma?.$disconnect();
    for (const p of proxies) await p.close();
    await db?.drop();
  });

  /** Blows whistles on the street as its officer, alternating between the instances; returns their numbers. */
  async function blowWhistles(count: number, reason: string) {
    const token = await signIn(urls.a, 'street.qianmen');
    const numbers: string[] = [];
    // one after another: two blows racing for the day's serial fail one of them (blowWhistle.ts)
    for (let i = 0; i < count; i++) {
      const out = await post(i % 2 ? urls.b : urls.a, BLOW, {
        input: {
          streetCode: STREET.code, tier: 'EMERGENCY', mode: 'LEAD_ASSIST', reason: `${reason} ${i + 1}`, location: QIANMEN,
          summons: [{ departmentCode: '110101-CGZF', role: 'LEAD' }, { departmentCode: '110101-JTZD', role: 'ASSIST' }],
        },
      }, token);
      expect(out.data?.blowWhistle?.__typename, JSON.stringify(out)).toBe('BlowWhistleResult');
      numbers.push(out.data.blowWhistle.result.whistle.number);
    }
    return numbers;
  }
  /** Holds the log head (its row on PostgreSQL, the write lock on SQLite) for `ms`: every escalation waits until then. */
  const holdLogHead = (ms: number) =>
    prisma.$transaction(async (tx) => {
      await tx.logHead.update({ where: { id: 'log' }, data: { position: { increment: 0 } } });
      await new Promise((r) => setTimeout(r, ms));
    }, { timeout: ms + 5_000 });
  const deadlinesOf = (numbers: string[]) => prisma.whistleDeadline.findMany({ where: { summons: { whistle: { number: { in: numbers } } } }, orderBy: { id: 'asc' } });

  it('fires every one of many deadlines due at once exactly once, racing (on PostgreSQL some on each process), and a subscriber on B sees each escalation once', async () => {
    const numbers = await blowWhistles(WHISTLES, '草厂胡同消防通道被占用');
    const ids = (await deadlinesOf(numbers)).map((d) => d.id);
    expect(ids).toHaveLength(WHISTLES * 4);

    // a subscriber on B, surely registered: it is replayed the street feed's last event first
    const client = liveClient(`${urls.b.replace('http', 'ws')}/graphql`, await signIn(urls.b, 'street.qianmen'));
    const last = await prisma.whistleFeedEntry.findFirstOrThrow({ where: { key: `whistle:street:${STREET.id}` }, orderBy: { position: 'desc' } });
    const rec = client.subscribe(FEED, { afterSeq: last.position - 1 });
    await rec.take(1);

    // every deadline passes at once, with both processes running; the log head is then held for longer
    // than a watcher's interval, so that both processes' passes are under way, and racing for the same
    // deadlines (in the same order, oldest first), when it is let go
    const madeDue = Date.now();
    await prisma.whistleDeadline.updateMany({ where: { id: { in: ids } }, data: { dueAt: new Date(madeDue - 1_000) } });
    await holdLogHead(1_500);
    const released = Date.now();
    await waitFor('no pending deadline', async () => ((await prisma.whistleDeadline.count({ where: { id: { in: ids }, state: 'PENDING' } })) === 0 ? true : undefined));
    const allFired = Date.now() - released;

    const deadlines = await prisma.whistleDeadline.findMany({ where: { id: { in: ids } } });
    expect(deadlines.every((d) => d.state === 'FIRED' && d.firedAt)).toBe(true);
    // one Escalation a deadline (deadlineId is unique, so also: none is missing)
    const escalations = await prisma.escalation.findMany({ where: { deadlineId: { in: ids } } });
    expect(escalations.map((e) => e.deadlineId).sort()).toEqual([...ids].sort());
    for (const e of escalations) expect(e.at).toEqual(deadlines.find((d) => d.id === e.deadlineId)!.firedAt);
    // one ESCALATED event a deadline (whistleEscalation.ts: summonsId + the kind as its note), no other event
    const events = await prisma.whistleEvent.findMany({ where: { whistle: { number: { in: numbers } }, type: { not: 'BLOWN' } } });
    expect(events.every((e) => e.type === 'ESCALATED')).toBe(true);
    expect(events.map((e) => `${e.summonsId} ${e.note}`).sort()).toEqual(deadlines.map((d) => `${d.summonsId} ${d.kind}`).sort());
    // both clocks of every summons are late
    const summonses = await prisma.whistleSummons.findMany({ where: { whistle: { number: { in: numbers } } } });
    expect(summonses).toHaveLength(WHISTLES * 2);
    expect(summonses.every((s) => s.ackLate && s.onSiteLate)).toBe(true);

    // who fired what: each escalation was nudged by exactly one process
    const positions = events.map((e) => e.position);
    const firedBy = await waitFor('every escalation nudged', async () => {
      const byA = publishedPositions(sent.a);
      const byB = publishedPositions(sent.b);
      return positions.every((p) => byA.has(p) || byB.has(p)) ? { a: positions.filter((p) => byA.has(p)), b: positions.filter((p) => byB.has(p)) } : undefined;
    }, 5_000);
    expect(firedBy.a.filter((p) => firedBy.b.includes(p))).toEqual([]);
    expect(firedBy.a.length + firedBy.b.length).toBe(ids.length);

    // B's subscriber is pushed every escalation once, A's through Redis as well as B's own
    const escalated = () => rec.items.filter((i) => i.data?.streetWhistleEvents?.type === 'ESCALATED');
    await rec.until(() => escalated().length >= ids.length);
    const pushed = escalated().map((i) => i.data.streetWhistleEvents);
    expect(pushed.map((n) => n.logSeq).sort((x, y) => x - y)).toEqual([...positions].sort((x, y) => x - y));
    expect(pushed.every((n) => n.summons.ackLate || n.summons.onSiteLate)).toBe(true);
    await client.dispose();

    // when each was fired, after it was made due (firedAt is stamped as each deadline fires)
    const passClock = (p: number) => {
      const e = events.find((x) => x.position === p)!;
      return deadlines.find((d) => d.summonsId === e.summonsId && d.kind === e.note)!.firedAt!.getTime() - madeDue;
    };
    const clocks = { a: [...new Set(firedBy.a.map(passClock))].sort((x, y) => x - y), b: [...new Set(firedBy.b.map(passClock))].sort((x, y) => x - y) };
    expect(Math.min(...clocks.a, ...clocks.b)).toBeGreaterThanOrEqual(0);
    console.info(
      `[${provider}] ${ids.length} deadlines due at once: A fired ${firedBy.a.length} (pass clocks at +${clocks.a.join(', +')} ms), ` +
        `B fired ${firedBy.b.length} (+${clocks.b.join(', +')} ms); log head held until +${released - madeDue} ms; none pending ${allFired} ms after that`,
    );
    // PostgreSQL queues the loser of a claim behind the winner's row lock, so the two take turns; SQLite's
    // busy handler backs off (up to 100 ms a retry) while the other process takes the write lock again
    // at once, so there one process usually fires nearly all, and often all, of them: the split is
    // reported, not asserted
    if (provider === 'postgresql') expect(Math.min(firedBy.a.length, firedBy.b.length)).toBeGreaterThan(0);
    // the watcher runs a pass a second: all of them well within a few passes
    expect(allFired).toBeLessThan(10_000);
    expect(a.log() + b.log()).not.toMatch(/"level":(50|60)/);
  }, 90_000);

  it('sweeps a deadline missed while no process ran in the first pass of the next one to start', async () => {
    const [number] = await blowWhistles(1, '前门大街共享单车堆积');
    const ids = (await deadlinesOf([number!])).map((d) => d.id);
    expect(await Promise.all([a.stop(), b.stop()])).toEqual([0, 0]);
    // both of its summonses' clocks ran out an hour ago, while everything was down
    await prisma.whistleDeadline.updateMany({ where: { id: { in: ids } }, data: { dueAt: new Date(Date.now() - 3_600_000) } });
    const started = Date.now();
    restarted = startInstance(db.url, proxies[0]!.url);
    const listeningAt = await restarted.listeningAt;
    await waitFor('the missed deadlines fired', async () => ((await prisma.whistleDeadline.count({ where: { id: { in: ids }, state: 'FIRED' } })) === ids.length ? true : undefined), 10_000);
    const committed = Date.now();
    const deadlines = await prisma.whistleDeadline.findMany({ where: { id: { in: ids } } });
    // fired by the first pass, which starts before the "listening" line; the next pass starts a second after it
    for (const d of deadlines) expect(d.firedAt!.getTime()).toBeLessThan(listeningAt + 1_000);
    expect(await prisma.escalation.count({ where: { deadlineId: { in: ids } } })).toBe(ids.length);
    console.info(`[${provider}] restart sweep: listening ${listeningAt - started} ms after spawn, ${ids.length} missed deadlines committed ${committed - listeningAt} ms after listening`);
    expect(committed - listeningAt).toBeLessThan(2_000);
    expect(await restarted.stop()).toBe(0);
    restarted = undefined;
  }, 60_000);
});
