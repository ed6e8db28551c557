import { testProviders } from '@whistlehub/prisma/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './helpers.ts';

const SUBSCRIBE = `subscription { ticketEvents(streetCode: "110101011") { type seq ticket { number status complainant { name phone masked } } } }`;
const CREATE = `mutation ($input: CreateTicketInput!) { createTicket(input: $input) { __typename ... on CreateTicketResult { result { ticket { number } } } } }`;

describe.each(await testProviders())('live ticket events (%s)', (provider) => {
  let t: TestServer;
  let cell: { centroidLng: number; centroidLat: number };
  beforeAll(async () => {
    t = await startTestServer(provider);
    cell = await t.db.prisma.gridCell.findFirstOrThrow({ where: { community: { name: '草厂社区' } }, orderBy: { code: 'asc' } });
  });
  afterAll(() => t?.close());

  const fileTicket = async (description: string) => {
    const token = await t.signIn('resident.demo');
    const response = await t.post(
      { query: CREATE, variables: { input: { channel: 'APP', categoryCode: 'NOISE', description, location: { lng: cell.centroidLng, lat: cell.centroidLat }, complainant: { name: '王芳', phone: '13912345678' } } } },
      { authorization: `Bearer ${token}` },
    );
    return ((await response.json()) as any).data.createTicket.result.ticket.number as string;
  };

  it('delivers a new ticket of the street to its officer over graphql-ws, with the complainant in full', async () => {
    const token = await t.signIn('street.qianmen');
    const client = createClient({ url: t.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    const first = new Promise<any>((resolve, reject) => {
      const stop = client.subscribe({ query: SUBSCRIBE }, { next: (v) => { resolve(v); stop(); }, error: reject, complete: () => {} });
    });
    // the subscription is registered once the server acknowledged it; a short wait covers the round trip
    await new Promise((r) => setTimeout(r, 300));
    const number = await fileTicket('工地夜间施工噪音扰民');
    const event = await first;
    expect(event.data.ticketEvents).toEqual({ type: 'RECEIVED', seq: 1, ticket: { number, status: 'RECEIVED', complainant: { name: '王芳', phone: '13912345678', masked: false } } });
    await client.dispose();
  });

  it('refuses the subscription to roles outside the street when subscribing', async () => {
    for (const login of ['council.caochang', 'street.lugu', 'dept.dongcheng.cgzf']) {
      const token = await t.signIn(login);
      const client = createClient({ url: t.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      const result = await new Promise<any>((resolve, reject) => {
        client.subscribe({ query: SUBSCRIBE }, { next: resolve, error: reject, complete: () => resolve(null) });
      });
      expect(result.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(result.data ?? null).toBeNull();
      await client.dispose();
    }
  });

  it('delivers the same events over SSE to the district dispatcher', async () => {
    const token = await t.signIn('dispatcher.dongcheng');
    const controller = new AbortController();
    const response = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: SUBSCRIBE }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await new Promise((r) => setTimeout(r, 300));
    const number = await fileTicket('商户夜间噪音大影响休息');
    let text = '';
    while (!text.includes(number)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain(`"number":"${number}"`);
    expect(text).toContain('"masked":false');
  });
});
