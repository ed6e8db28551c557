import { testProviders } from '@whistlehub/prisma/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './helpers.ts';
import { liveClient } from './live.ts';

const NOTICE = `__typename ... on TicketEventNotice { type seq logSeq ticket { number status complainant { name phone masked } } } ... on FeedResync { resumeAt: logSeq missed }`;
const SUBSCRIBE = `subscription ($afterSeq: Int) { ticketEvents(streetCode: "110101011", afterSeq: $afterSeq) { ${NOTICE} } }`;
const SUBSCRIBE_DISTRICT = `subscription { districtTicketEvents(districtCode: "110101") { ${NOTICE} } }`;
const CREATE = `mutation ($input: CreateTicketInput!) { createTicket(input: $input) { __typename ... on CreateTicketResult { result { ticket { number } } } } }`;

describe.each(await testProviders())('live ticket events (%s)', (provider) => {
  let t: TestServer;
  let cell: { centroidLng: number; centroidLat: number };
  beforeAll(async () => {
    t = await startTestServer(provider);
    cell = await t.db.prisma.gridCell.findFirstOrThrow({ where: { community: { name: '草厂社区' } }, orderBy: { code: 'asc' } });
  });
  afterAll(() => t?.close());

  // the log position now: subscribing with afterSeq = head replays whatever is written after it, so a
  // test needs no wait for the subscription to be registered
  const head = async () => (await t.db.prisma.logHead.findUniqueOrThrow({ where: { id: 'log' } })).position;

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
    // from the log head: whatever is written after it is replayed, so no wait for the server to register it
    const afterSeq = await head();
    const first = new Promise<any>((resolve, reject) => {
      const stop = client.subscribe({ query: SUBSCRIBE, variables: { afterSeq } }, { next: (v) => { resolve(v); stop(); }, error: reject, complete: () => {} });
    });
    const number = await fileTicket('工地夜间施工噪音扰民');
    const event = await first;
    expect(event.data.ticketEvents).toEqual({
      __typename: 'TicketEventNotice', type: 'RECEIVED', seq: 1, logSeq: expect.any(Number),
      ticket: { number, status: 'RECEIVED', complainant: { name: '王芳', phone: '13912345678', masked: false } },
    });
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
      body: JSON.stringify({ query: SUBSCRIBE, variables: { afterSeq: await head() } }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
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
  const numberOf = (item: any) => item.data?.ticketEvents?.ticket?.number ?? item.data?.districtTicketEvents?.ticket?.number;

  it('replays what a reconnecting subscriber missed after its afterSeq, in log order, with no gap or duplicate, then goes on live', async () => {
    const token = await t.signIn('street.qianmen');
    const first = liveClient(t.wsUrl, token);
    const live = first.subscribe(SUBSCRIBE, { afterSeq: await head() });
    const seen = await fileTicket('楼道里堆放杂物堵塞通道');
    const [applied] = await live.until((i) => numberOf(i) === seen).then((i) => [i.data.ticketEvents]);
    await first.dispose();

    // offline: two tickets are filed
    const missed = [await fileTicket('小区门口共享单车乱停放'), await fileTicket('路灯不亮夜间出行不便')];
    const again = liveClient(t.wsUrl, token);
    const resumed = again.subscribe(SUBSCRIBE, { afterSeq: applied.logSeq });
    await resumed.until((i) => numberOf(i) === missed[1]);
    const after = await fileTicket('垃圾桶满溢无人清运');
    await resumed.until((i) => numberOf(i) === after);
    await again.dispose();

    const notices = resumed.items.map((i) => i.data.ticketEvents);
    expect(notices.every((n) => n.__typename === 'TicketEventNotice')).toBe(true);
    const positions = notices.map((n) => n.logSeq);
    expect(positions[0]).toBeGreaterThan(applied.logSeq);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    // exactly what the log holds for the street after the cursor: nothing skipped, nothing older
    const logged = await t.db.prisma.ticketEvent.findMany({
      where: { streetId: { not: null }, position: { gt: applied.logSeq }, ticket: { number: { in: [...missed, after] } } },
      orderBy: { position: 'asc' }, select: { position: true },
    });
    expect(positions).toEqual(logged.map((e) => e.position));
    expect([...new Set(notices.map((n) => n.ticket.number))]).toEqual([...missed, after]);
  });

  it('tells a subscriber from the future (a cursor past the log head) to resync, then goes on live', async () => {
    const token = await t.signIn('street.qianmen');
    const c = liveClient(t.wsUrl, token);
    const rec = c.subscribe(SUBSCRIBE, { afterSeq: (await head()) + 1_000_000 });
    const [resync] = await rec.take(1);
    expect(resync.data.ticketEvents).toEqual({ __typename: 'FeedResync', resumeAt: await head(), missed: null });
    const number = await fileTicket('井盖松动有安全隐患');
    await rec.until((i) => numberOf(i) === number);
    await c.dispose();
  });

  it('makes a district dispatcher’s pool live: a ticket no district could be found for reaches districtTicketEvents', async () => {
    const c = liveClient(t.wsUrl, await t.signIn('dispatcher.dongcheng'));
    const rec = c.subscribe(SUBSCRIBE_DISTRICT.replace('districtCode: "110101"', `districtCode: "110101", afterSeq: ${await head()}`));
    const hotline = await t.signIn('hotline.12345');
    const response = await t.post(
      { query: CREATE, variables: { input: { channel: 'HOTLINE_12345', categoryCode: 'NOISE', description: '来电人未说明地址的噪音投诉' } } },
      { authorization: `Bearer ${hotline}` },
    );
    const number = ((await response.json()) as any).data.createTicket.result.ticket.number;
    const item = await rec.until((i) => numberOf(i) === number);
    expect(item.data.districtTicketEvents).toMatchObject({ __typename: 'TicketEventNotice', type: 'RECEIVED', ticket: { number, status: 'RECEIVED' } });
    await c.dispose();
  });

  it('closes the sockets of a session with 4403 once it signs out, on whichever connection it signed out', async () => {
    const token = await t.signIn('street.qianmen');
    const other = liveClient(t.wsUrl, await t.signIn('street.qianmen'));
    const c = liveClient(t.wsUrl, token);
    const rec = c.subscribe(SUBSCRIBE, { afterSeq: await head() });
    const otherRec = other.subscribe(SUBSCRIBE, { afterSeq: await head() });
    await Promise.all([c.connected, other.connected]);
    const out = await t.post({ query: 'mutation { signOut { signedOut } }' }, { authorization: `Bearer ${token}` });
    expect(((await out.json()) as any).data.signOut.signedOut).toBe(true);
    expect(await c.closed).toBe(4403);
    // the stream ends with the socket, or just before it with a final UNAUTHENTICATED payload
    const ended = (await rec.ended) as { code?: number } | null;
    if (ended === null) expect(rec.items.at(-1).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    else expect(ended.code).toBe(4403);
    // the same user's other session is untouched and still live
    const number = await fileTicket('电动车楼道充电存在隐患');
    await otherRec.until((i) => numberOf(i) === number);
    await other.dispose();
  });

  it('ends a live stream FORBIDDEN once the role that authorized it is revoked; the socket stays open', async () => {
    const admin = await t.signIn('admin');
    const asAdmin = (query: string, variables: Record<string, unknown>) =>
      t.post({ query, variables }, { authorization: `Bearer ${admin}` }).then((r) => r.json() as Promise<any>);
    const granted = await asAdmin(
      `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { __typename ... on GrantRoleResult { granted { role { id } } } } }`,
      { input: { userLogin: 'council.caochang', role: 'STREET_OFFICER', unitCode: '110101011' } },
    );
    const roleId = granted.data.grantRole.granted.role.id;
    const c = liveClient(t.wsUrl, await t.signIn('council.caochang'));
    const rec = c.subscribe(SUBSCRIBE, { afterSeq: await head() });
    const number = await fileTicket('楼顶违建影响采光');
    await rec.until((i) => numberOf(i) === number);

    const revoked = await asAdmin(
      `mutation ($input: RevokeRoleInput!) { revokeRole(input: $input) { __typename } }`,
      { input: { id: roleId } },
    );
    expect(revoked.data.revokeRole.__typename).toBe('RevokeRoleResult');
    // the last payload says why, then the stream completes
    expect(await rec.ended).toBeNull();
    expect(rec.items.at(-1)).toMatchObject({ data: null, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    // subscribing again is authorized afresh, under the roles the user now holds
    const retry = c.subscribe(SUBSCRIBE, {});
    expect(await retry.ended).toBeNull();
    expect(retry.items).toMatchObject([{ errors: [{ extensions: { code: 'FORBIDDEN' } }] }]);
    // answered on the same socket: it was not closed
    expect(await Promise.race([c.closed, Promise.resolve('open')])).toBe('open');
    await c.dispose();
  });
});
