// Two real api processes on one database, sharing live events through a real Redis — reached through
// a TCP proxy the test can cut, to show that a Redis outage delays live updates but loses nothing.
// The instances poll their feeds only every 10 minutes here, so whatever arrives within the test came
// through Redis (or, after an outage, through the catch-up read when Redis is back).
import { spawn } from 'node:child_process';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createPrisma, type PrismaClient } from '@whistlehub/prisma';
import { checkPostgres, createTestDatabase, requireService, type TestDatabase } from '@whistlehub/prisma/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveClient } from './live.ts';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function checkRedis(url: string) {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return { ok: true, reason: '' };
  } catch (error) {
    return { ok: false, reason: `no Redis at ${url} (${(error as Error).message}); set TEST_REDIS_URL` };
  } finally {
    client.disconnect();
  }
}

/** A TCP proxy to Redis that can be cut (every connection dropped, new ones refused) and restored. */
async function redisProxy(target: URL) {
  const sockets = new Set<Socket>();
  let cut = false;
  const server: Server = createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    cut() {
      cut = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      cut = false;
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** Starts `npm start`'s entry point; resolves with its URL once it listens. */
function startInstance(databaseUrl: string, redis: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redis, FEED_POLL_MS: '600000', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', VITEST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      const listening = /"port":(\d+)[^\n]*Whistlehub listening/.exec(out);
      if (listening) resolve(`http://127.0.0.1:${listening[1]}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the instance exited with ${code}:\n${out}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { url, log: () => out, stop: () => (child.kill('SIGTERM'), exited) };
}

const provider = (await checkPostgres()).ok ? 'postgresql' : 'sqlite';
const run = requireService('Redis', await checkRedis(redisUrl));

describe.skipIf(!run)(`two api instances sharing live events through Redis (${provider})`, () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let proxy: Awaited<ReturnType<typeof redisProxy>>;
  let a: ReturnType<typeof startInstance>;
  let b: ReturnType<typeof startInstance>;
  let urls: { a: string; b: string };

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    proxy = await redisProxy(new URL(redisUrl));
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

  const post = async (base: string, query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as any;
  };
  const signIn = async (base: string, login: string) =>
    (await post(base, `mutation ($login: String!) { signIn(input: { login: $login, password: "whistlehub-demo" }) { ... on SignInResult { session { token } } } }`, { login }))
      .data.signIn.session.token as string;
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
