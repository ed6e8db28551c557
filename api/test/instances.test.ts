// Two real api processes on one database, sharing live events through a real Redis — reached through
// a TCP proxy the test can cut, to show that a Redis outage delays live updates but loses nothing.
// The instances poll their feeds only every 10 minutes here, so whatever arrives within the test came
// through Redis (or, after an outage, through the catch-up read when Redis is back).
import { createPrisma, type PrismaClient } from '@whistlehub/prisma';
import { checkPostgres, createTestDatabase, requireService, type TestDatabase } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRedis, type Instance, post, redisProxy, type RedisProxy, signIn, startInstance, testRedisUrl } from './instances.ts';
import { liveClient } from './live.ts';

const provider = (await checkPostgres()).ok ? 'postgresql' : 'sqlite';
const run = requireService('Redis', await checkRedis());

describe.skipIf(!run)(`two api instances sharing live events through Redis (${provider})`, () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let proxy: RedisProxy;
  let a: Instance;
  let b: Instance;
  let urls: { a: string; b: string };

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    proxy = await redisProxy(new URL(testRedisUrl));
    a = startInstance(db.url, proxy.url);
    b = startInstance(db.url, proxy.url);
    urls = { a: await a.url, b: await b.url };
    prisma = await createPrisma(db.url);
  }, 120_000);

  afterAll(async () => {
    const codes = await Promise.all([a?.stop(), b?.stop()]);
    await prisma?.$disconnect();
    await proxy?.close();
    await db?.drop();
    // both shut down cleanly, Redis outage or not
    expect(codes).toEqual([0, 0]);
  });

  const fileTicket = async (base: string, description: string) => {
    const cell = await prisma.gridCell.findFirstOrThrow({ where: { community: { name: '草厂社区' } }, orderBy: { code: 'asc' } });
    const result = await post(
      base,
      `mutation ($input: CreateTicketInput!) { createTicket(input: $input) { __typename ... on CreateTicketResult { result { ticket { number } } } } }`,
      { input: { channel: 'APP', categoryCode: 'NOISE', description, location: { lng: cell.centroidLng, lat: cell.centroidLat } } },
      await signIn(base, 'resident.demo'),
    );
    expect(result.data.createTicket.__typename, JSON.stringify(result)).toBe('CreateTicketResult');
    return result.data.createTicket.result.ticket.number as string;
  };
  const SUBSCRIBE = `subscription ($afterSeq: Int) { ticketEvents(streetCode: "110101011", afterSeq: $afterSeq) { ... on TicketEventNotice { type logSeq ticket { number } } } }`;
  const numberOf = (item: any) => item.data?.ticketEvents?.ticket?.number;

  /** A subscriber on instance B that is surely registered: it is replayed the last logged event first. */
  async function subscriberOnB() {
    const head = (await prisma.logHead.findUniqueOrThrow({ where: { id: 'log' } })).position;
    const client = liveClient(`${urls.b.replace('http', 'ws')}/graphql`, await signIn(urls.b, 'street.qianmen'));
    // the street's last logged event, replayed, proves the subscription is registered with B's feed
    const last = await prisma.ticketEvent.findFirstOrThrow({ where: { streetId: 'str_110101011', position: { lte: head } }, orderBy: { position: 'desc' } });
    const rec = client.subscribe(SUBSCRIBE, { afterSeq: last.position - 1 });
    await rec.take(1);
    return { client, rec };
  }

  it('delivers a ticket filed through instance A to a subscriber on instance B', async () => {
    const { client, rec } = await subscriberOnB();
    const number = await fileTicket(urls.a, '夜间广场舞音响声音过大');
    const item = await rec.until((i) => numberOf(i) === number);
    expect(item.data.ticketEvents.type).toBe('RECEIVED');
    await client.dispose();
  });

  it('closes a socket on B with 4403 when its session signs out through A', async () => {
    const token = await signIn(urls.a, 'street.qianmen');
    const client = liveClient(`${urls.b.replace('http', 'ws')}/graphql`, token);
    await client.connected;
    const out = await post(urls.a, 'mutation { signOut { signedOut } }', {}, token);
    expect(out.data.signOut.signedOut).toBe(true);
    expect(await client.closed).toBe(4403);
  });

  it('loses nothing while Redis is down: A still acknowledges writes, and B delivers them once Redis is back', async () => {
    const { client, rec } = await subscriberOnB();
    proxy.cut();
    // written and acknowledged while neither instance can reach Redis: A's nudge is lost
    const during = [await fileTicket(urls.a, 'Redis 断开期间的投诉一'), await fileTicket(urls.a, 'Redis 断开期间的投诉二')];
    expect(rec.items.some((i) => during.includes(numberOf(i)))).toBe(false);
    proxy.restore();
    // B's subscriber connection comes back, B reads its feeds at once, and both arrive in log order
    await rec.until((i) => numberOf(i) === during[1]);
    const delivered = rec.items.map(numberOf).filter((n) => during.includes(n));
    expect([...new Set(delivered)]).toEqual(during);
    // and nudges flow again
    const after = await fileTicket(urls.a, 'Redis 恢复之后的投诉');
    await rec.until((i) => numberOf(i) === after);
    const positions = rec.items.map((i) => i.data.ticketEvents.logSeq);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(new Set(positions).size).toBe(positions.length);
    await client.dispose();
    // neither process logged a fatal error
    expect(a.log() + b.log()).not.toContain('"level":60');
  }, 60_000);
});
