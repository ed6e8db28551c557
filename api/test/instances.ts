// Real api processes for tests (`npm start`'s entry point, spawned), the Redis they share and the
// GraphQL-over-HTTP calls a test makes to them: used by the suites that run two instances on one database.
import { spawn } from 'node:child_process';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';

/** The Redis server the multi-instance suites use. */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether Redis answers at `url` (the shape requireService takes). */
export async function checkRedis(url = testRedisUrl) {
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

export interface RedisProxyOptions {
  /** called with every chunk a client sends towards Redis (its commands, RESP-encoded) */
  onSent?: (chunk: Buffer) => void;
}

/** A TCP proxy to Redis that can be cut (every connection dropped, new ones refused) and restored. */
export async function redisProxy(target: URL, options: RedisProxyOptions = {}) {
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
    if (options.onSent) client.on('data', options.onSent);
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

export type RedisProxy = Awaited<ReturnType<typeof redisProxy>>;

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

export interface Instance {
  /** resolves with the instance's URL once it listens (rejects if it exits first) */
  url: Promise<string>;
  /** resolves with the `time` (epoch ms) of its "listening" log line, logged just after its watchers started */
  listeningAt: Promise<number>;
  /** everything it wrote to stdout and stderr so far */
  log(): string;
  /** sends SIGTERM; resolves with the exit code */
  stop(): Promise<number | null>;
}

/**
 * Starts `npm start`'s entry point; its feeds poll only every 10 minutes (unless `env` sets FEED_POLL_MS),
 * so live events come through Redis.
 */
export function startInstance(databaseUrl: string, redis: string, env: Record<string, string> = {}): Instance {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redis, FEED_POLL_MS: '600000', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', VITEST: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listening = new Promise<{ url: string; time: number }>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      const line = /^.*"port":(\d+)[^\n]*Whistlehub listening.*$/m.exec(out);
      if (line) resolve({ url: `http://127.0.0.1:${line[1]}`, time: Number(/"time":(\d+)/.exec(line[0])?.[1]) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the instance exited with ${code}:\n${out}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = listening.then((l) => l.url);
  const listeningAt = listening.then((l) => l.time);
  // a start-up failure rejects both; whoever awaits one sees it, the other must not be an unhandled rejection
  for (const p of [url, listeningAt]) p.catch(() => {});
  return {
    url,
    listeningAt,
    log: () => out,
    stop: () => (child.kill('SIGTERM'), exited),
  };
}

/** POSTs a GraphQL request to an instance over HTTP; returns the parsed response. */
export async function post(base: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as any;
}

/** Signs a seed user in through an instance; returns the session token. */
export const signIn = async (base: string, login: string) =>
  (await post(base, `mutation ($login: String!) { signIn(input: { login: $login, password: "whistlehub-demo" }) { ... on SignInResult { session { token } } } }`, { login }))
    .data.signIn.session.token as string;
