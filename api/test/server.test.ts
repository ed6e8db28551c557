import { testProviders } from '@whistlehub/prisma/testing';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SESSION_COOKIE } from '../src/auth/credentials.ts';
import { startTestServer, type TestServer } from './helpers.ts';

const HEARTBEAT = 'subscription { heartbeat(intervalMs: 100, count: 3) { seq at } }';

function wsClient(url: string, connectionParams?: Record<string, unknown>, headers?: Record<string, string>): Client {
  return createClient({
    url,
    webSocketImpl: headers ? class extends WebSocket { constructor(address: string, protocols?: string | string[]) { super(address, protocols, { headers }); } } : WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Collects every event of one subscription; rejects with the close event or error. */
function collect<T>(client: Client, query: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const events: T[] = [];
    client.subscribe<T>({ query }, { next: (v) => events.push(v.data as T), error: reject, complete: () => resolve(events) });
  });
}

describe.each(await testProviders())('api server on a real port (%s)', (provider) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(provider);
  });
  afterAll(() => t?.close());

  it('answers /healthz, and /readyz while the database is reachable', async () => {
    expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.server.url}/readyz`)).status).toBe(200);
  });

  it('serves queries over HTTP POST and GET', async () => {
    const post = await t.post({ query: '{ district(code: "110101") { name } }' });
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({ data: { district: { name: '东城区' } } });
    const get = await fetch(`${t.server.url}/graphql?query=${encodeURIComponent('{ district(code: "110102") { name } }')}`, { headers: { accept: 'application/json' } });
    expect(await get.json()).toEqual({ data: { district: { name: '西城区' } } });
  });

  it('answers malformed GraphQL with 400 and GraphQL errors, for either media type', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const response = await t.post({ query: '{ districts(' }, { accept });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { message: string }[] };
      expect(body.errors[0]!.message).toMatch(/Syntax Error/);
    }
    const invalid = await t.post({ query: '{ noSuchField }' });
    expect(invalid.status).toBe(400);
    const notJson = await fetch(`${t.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{ nope' });
    expect(notJson.status).toBe(400);
  });

  it('sets an HTTP-only session cookie on sign-in that then authenticates the browser', async () => {
    const response = await t.post({ query: `mutation { signIn(input: { login: "admin", password: "whistlehub-demo" }) { __typename } }` });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=whs_`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;
    const viewer = await t.post({ query: '{ viewer { login } }' }, { cookie });
    expect(await viewer.json()).toEqual({ data: { viewer: { login: 'admin' } } });

    const out = await t.post({ query: 'mutation { signOut { signedOut } }' }, { cookie });
    expect(await out.json()).toEqual({ data: { signOut: { signedOut: true } } });
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    const after = await t.post({ query: '{ viewer { login } }' }, { cookie });
    expect(await after.json()).toEqual({ data: { viewer: null } });
  });

  it('authenticates bearer tokens and answers a bad one with 401, not as anonymous', async () => {
    const token = await t.signIn('street.qianmen');
    const ok = await t.post({ query: '{ viewer { login } }' }, { authorization: `Bearer ${token}` });
    expect(await ok.json()).toEqual({ data: { viewer: { login: 'street.qianmen' } } });
    const bad = await t.post({ query: '{ viewer { login } }' }, { authorization: 'Bearer whs_forged' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('streams a subscription over graphql-ws', async () => {
    const client = wsClient(t.wsUrl);
    const events = await collect<{ heartbeat: { seq: number; at: string } }>(client, HEARTBEAT);
    expect(events.map((e) => e.heartbeat.seq)).toEqual([1, 2, 3]);
    await client.dispose();
  });

  it('authenticates graphql-ws with the token in connection_init, or the cookie of the upgrade request', async () => {
    const token = await t.signIn('dispatcher.dongcheng');
    for (const client of [wsClient(t.wsUrl, { authorization: `Bearer ${token}` }), wsClient(t.wsUrl, undefined, { cookie: `${SESSION_COOKIE}=${token}` })]) {
      const result = await new Promise<unknown>((resolve, reject) =>
        client.subscribe({ query: '{ viewer { login } }' }, { next: (v) => resolve(v.data), error: reject, complete: () => {} }),
      );
      expect(result).toEqual({ viewer: { login: 'dispatcher.dongcheng' } });
      await client.dispose();
    }
  });

  it('refuses a graphql-ws connection with a bad token using close code 4403', async () => {
    const client = wsClient(t.wsUrl, { authorization: 'Bearer whs_forged' });
    const closed = await collect(client, HEARTBEAT).then(
      () => null,
      (event: { code?: number }) => event.code,
    );
    expect(closed).toBe(4403);
    await client.dispose();
  });

  it('streams a subscription over SSE', async () => {
    const response = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: HEARTBEAT }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await response.text();
    const seqs = [...text.matchAll(/"seq":(\d+)/g)].map((m) => Number(m[1]));
    expect(seqs).toEqual([1, 2, 3]);
    expect(text).toMatch(/event: complete/);
  });
});

describe('graceful shutdown', () => {
  it('closes open WebSockets with 1001 and stops listening', async () => {
    const t = await startTestServer('sqlite');
    const client = wsClient(t.wsUrl);
    const ended = new Promise<number | undefined>((resolve) => {
      client.on('closed', (event) => resolve((event as { code?: number }).code));
    });
    const first = new Promise<void>((resolve) => {
      client.subscribe({ query: 'subscription { heartbeat(intervalMs: 100) { seq } }' }, { next: () => resolve(), error: () => {}, complete: () => {} });
    });
    await first;
    await t.close();
    expect(await ended).toBe(1001);
    await expect(fetch(`${t.server.url}/healthz`)).rejects.toThrow();
    await client.dispose();
  });
});
