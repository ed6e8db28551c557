// Live ticket feeds over SSE, in-process (spine/feeds.ts): log order, replay after `afterSeq` with no
// gap or duplicate, the replay bound and its FeedResync, delivery by the poll when a nudge is lost,
// the district dispatcher's pool, and the end of a stream when its session or roles change.
import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHarness, type GraphQLResponse, type SchemaHarness, type Subscription } from './helpers.ts';
import { eventsAfter, ticketFiler, write } from './ticketHelpers.ts';

const REPLAY_LIMIT = 5;
const NOTICE = `__typename ... on TicketEventNotice { type seq logSeq ticket { id } } ... on FeedResync { resyncAt: logSeq missed }`;
const STREET_FEED = `subscription ($code: String!, $after: Int) { ticketEvents(streetCode: $code, afterSeq: $after) { ${NOTICE} } }`;
const DISTRICT_FEED = `subscription ($code: String!, $after: Int) { districtTicketEvents(districtCode: $code, afterSeq: $after) { ${NOTICE} } }`;
const QIANMEN = '110101011';
const DONGCHENG = '110101';

/** The feed item of a subscription result (either feed). */
const itemOf = (r: GraphQLResponse<any>) => r.data?.ticketEvents ?? r.data?.districtTicketEvents;
const codesOf = (r: GraphQLResponse<any> | undefined) => r?.errors?.map((e) => e.extensions?.code) ?? [];

describe.each(await testProviders())('live ticket feeds on %s', (provider) => {
  let h: SchemaHarness;
  let file: Awaited<ReturnType<typeof ticketFiler>>['file'];
  let qianmenId: string;
  let dongchengId: string;
  const open: Subscription[] = [];

  beforeAll(async () => {
    h = await createHarness(provider, { replayLimit: REPLAY_LIMIT });
    ({ file } = await ticketFiler(h));
    qianmenId = (await h.db.prisma.street.findUniqueOrThrow({ where: { code: QIANMEN } })).id;
    dongchengId = (await h.db.prisma.district.findUniqueOrThrow({ where: { code: DONGCHENG } })).id;
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.stop()));
    // every stream that ended gave its feed's tailer back
    await vi.waitFor(() => expect(h.feeds.size).toBe(0));
  });
  afterAll(() => h?.close());

  const subscribe = (query: string, variables: Record<string, unknown>, as: { as?: string; token?: string }) => {
    const s = h.subscribe(query, variables, as);
    open.push(s);
    return s;
  };
  const streetFeed = (after: number | null, as: { as?: string; token?: string } = { as: 'street.qianmen' }) => subscribe(STREET_FEED, { code: QIANMEN, after }, as);
  /** Files a ticket and waits until the feed delivered its RECEIVED event: the subscriber is live from then on. */
  const arrives = async (s: Subscription) => {
    const filed = await file('qianmen', '用来确认订阅已在线的工单');
    await s.until((r) => itemOf(r)?.ticket?.id === filed.ticket.id);
    return filed;
  };
  /**
   * What feeds delivered before a sentinel ticket filed now (each must carry it): everything written
   * earlier has arrived by then, so nothing can still be missing, and nothing after it is counted.
   */
  const noticesBefore = async (...subs: Subscription[]) => {
    const sentinel = await file('qianmen', '用来收尾的工单');
    const delivered = await Promise.all(subs.map(async (s) => {
      await s.until((r) => itemOf(r)?.ticket?.id === sentinel.ticket.id);
      const items = s.items.map(itemOf);
      return items.slice(0, items.findIndex((n) => n?.ticket?.id === sentinel.ticket.id));
    }));
    return delivered as [any[], ...any[][]];
  };
  const positionsOfStreet = async (after: number) => (await eventsAfter(h, after, { streetId: qianmenId })).map((e) => e.position);

  it('delivers a street’s events live, in log order, each once, and nothing of other streets or the pool', async () => {
    const head = await h.logHead();
    const s = streetFeed(head);
    const warm = await arrives(s);
    const burst = await Promise.all((['qianmen', 'lugu', 'qianmen', 'pool', 'qianmen', 'lugu', 'qianmen'] as const).map((p) => file(p).then((r) => ({ p, id: r.ticket.id }))));
    const [notices] = await noticesBefore(s);
    expect(notices.map((n) => n.logSeq)).toEqual((await positionsOfStreet(head)).slice(0, -1));
    expect(notices.map((n) => n.ticket.id).sort()).toEqual([warm.ticket.id, ...burst.filter((b) => b.p === 'qianmen').map((b) => b.id)].sort());
    expect(notices.every((n) => n.__typename === 'TicketEventNotice' && n.type === 'RECEIVED' && n.seq === 1)).toBe(true);
    expect(notices).toHaveLength(5);
  });

  it('replays exactly the events missed after afterSeq, then goes on live with no gap or duplicate', async () => {
    const head = await h.logHead();
    // offline: three tickets of the street (and one elsewhere, which the feed must not carry)
    const missed = [await file('qianmen'), await file('lugu'), await file('qianmen'), await file('qianmen')].filter((_, i) => i !== 1);
    const s = streetFeed(head);
    const replayed = (await s.take(3)).map(itemOf);
    expect(replayed.map((n) => n.logSeq)).toEqual(missed.map((m) => m.logSeq));
    const live = [await file('qianmen'), await file('qianmen')];
    const [notices] = await noticesBefore(s);
    expect(notices.map((n) => n.ticket.id)).toEqual([...missed, ...live].map((m) => m.ticket.id));
    expect(notices.map((n) => n.logSeq)).toEqual((await positionsOfStreet(head)).slice(0, -1));

    // resuming from the middle replays only what came after that position
    const resumed = streetFeed(missed[0]!.logSeq);
    expect((await resumed.take(4)).map((r) => itemOf(r).logSeq)).toEqual([missed[1]!, missed[2]!, ...live].map((m) => m.logSeq));
  });

  it(`replays up to the bound (${REPLAY_LIMIT}); past it sends one FeedResync with the feed head and the number missed, then goes on live`, async () => {
    const head = await h.logHead();
    const missed: number[] = [];
    for (let i = 0; i < REPLAY_LIMIT; i++) {
      missed.push((await file('qianmen')).logSeq);
      await file('lugu'); // interleaved events of another feed are not missed events of this one
    }
    const atBound = streetFeed(head);
    expect((await atBound.take(REPLAY_LIMIT)).map((r) => itemOf(r).logSeq)).toEqual(missed);

    missed.push((await file('qianmen')).logSeq);
    await file('lugu');
    const past = streetFeed(head);
    const [resync] = await past.take(1);
    expect(itemOf(resync!)).toEqual({ __typename: 'FeedResync', resyncAt: missed.at(-1), missed: REPLAY_LIMIT + 1 });
    const next = await file('qianmen');
    const [notices] = await noticesBefore(past);
    expect(notices.map((n) => n.__typename)).toEqual(['FeedResync', 'TicketEventNotice']);
    expect(notices[1]).toMatchObject({ logSeq: next.logSeq, ticket: { id: next.ticket.id } });
  });

  it('treats a cursor at the log head as up to date even when the feed’s newest event is older, and one past the log head as a resync', async () => {
    await file('qianmen');
    await file('lugu');
    const head = await h.logHead();
    expect(head).toBeGreaterThan((await positionsOfStreet(0)).at(-1)!);
    const current = streetFeed(head);
    const first = await file('qianmen');
    const [item] = await current.take(1);
    expect(itemOf(item!)).toMatchObject({ __typename: 'TicketEventNotice', logSeq: first.logSeq });

    const future = streetFeed((await h.logHead()) + 1_000);
    const [resync] = await future.take(1);
    expect(itemOf(resync!)).toEqual({ __typename: 'FeedResync', resyncAt: first.logSeq, missed: null });
  });

  it('loads an event’s ticket once for all its subscribers, however many', async () => {
    const head = await h.logHead();
    const filed = await file('qianmen', '楼道照明灯损坏');
    const ticketSelects = () => h.queries.filter((q) => /FROM\s+[`"](?:public|main)[`"]\.[`"]Ticket[`"]\s/.test(q)).length;
    h.resetQueries();
    // eight subscribers replayed the same event, with the same selection: one ticket load between them
    const subs = Array.from({ length: 8 }, (_, i) => streetFeed(head, { as: i % 2 ? 'street.qianmen' : 'dispatcher.dongcheng' }));
    const got = await Promise.all(subs.map((s) => s.take(1)));
    for (const [first] of got) expect(itemOf(first!)).toMatchObject({ logSeq: filed.logSeq, ticket: { id: filed.ticket.id } });
    expect(ticketSelects()).toBe(1);
  });

  it('gives a signed-in client the log position to subscribe from, so a write between loading a list and subscribing is not missed', async () => {
    await h.runError('UNAUTHENTICATED', '{ logSeq }');
    const { logSeq } = await h.runOk<{ logSeq: number }>('{ logSeq }', {}, { as: 'street.qianmen' });
    expect(logSeq).toBe(await h.logHead());
    // the list is loaded, then a ticket is filed before the subscription reaches the server
    const between = await file('qianmen', '加载列表与订阅之间提交的工单');
    const s = streetFeed(logSeq);
    const [first] = await s.take(1);
    expect(itemOf(first!)).toMatchObject({ logSeq: between.logSeq, ticket: { id: between.ticket.id } });
  });

  it('delivers an event whose nudge was lost at the next poll', async () => {
    const s = streetFeed(await h.logHead());
    await arrives(s);
    const nudge = vi.spyOn(h.feeds, 'nudge').mockImplementation(() => {});
    try {
      const silent = await file('qianmen', '没有推送通知的工单');
      // the write did try to nudge its feeds; only the tailer's poll can deliver it now
      expect(nudge).toHaveBeenCalled();
      const item = await s.until((r) => itemOf(r)?.ticket?.id === silent.ticket.id);
      expect(itemOf(item)).toMatchObject({ type: 'RECEIVED', logSeq: silent.logSeq });
    } finally {
      nudge.mockRestore();
    }
  });

  it('gives a district dispatcher their district and the city-level pool, and a routed pool ticket reaches the street', async () => {
    const head = await h.logHead();
    const district = subscribe(DISTRICT_FEED, { code: DONGCHENG, after: head }, { as: 'dispatcher.dongcheng' });
    const street = streetFeed(head);
    const lugu = await file('lugu');
    const pool = await file('pool', '来电人未说明地址的投诉');
    const qianmen = await file('qianmen');
    const routed = await write(h, 'dispatchTicket', { id: pool.ticket.id, streetCode: QIANMEN }, 'dispatcher.dongcheng');
    expect(routed.__typename).toBe('DispatchTicketResult');

    const [inbox, streetNotices] = await noticesBefore(district, street);
    expect(inbox.map((n) => [n.ticket.id, n.type])).toEqual([[pool.ticket.id, 'RECEIVED'], [qianmen.ticket.id, 'RECEIVED'], [pool.ticket.id, 'DISPATCHED']]);
    const logged = await eventsAfter(h, head, { OR: [{ districtId: dongchengId }, { districtId: null }] });
    expect(inbox.map((n) => n.logSeq)).toEqual(logged.slice(0, 3).map((e) => e.position));
    expect(inbox.map((n) => n.ticket.id)).not.toContain(lugu.ticket.id);
    // the street sees the pool ticket only once it is routed there
    expect(streetNotices!.map((n) => [n.ticket.id, n.type])).toEqual([[qianmen.ticket.id, 'RECEIVED'], [pool.ticket.id, 'DISPATCHED']]);
  });

  it('refuses the district feed to a street officer and a street feed to another street’s officer when subscribing', async () => {
    const district = subscribe(DISTRICT_FEED, { code: DONGCHENG }, { as: 'street.qianmen' });
    await district.ended;
    expect(codesOf(district.items[0])).toEqual(['FORBIDDEN']);
    const other = streetFeed(null, { as: 'street.lugu' });
    await other.ended;
    expect(codesOf(other.items[0])).toEqual(['FORBIDDEN']);
    expect(other.items).toHaveLength(1);
  });

  it('ends a stream FORBIDDEN once the role that authorized it is revoked, and leaves other users’ streams live', async () => {
    const granted = await h.runOk(`mutation ($input: GrantRoleInput!) { grantRole(input: $input) { __typename ... on GrantRoleResult { granted { role { id } } } } }`,
      { input: { userLogin: 'council.caochang', role: 'STREET_OFFICER', unitCode: QIANMEN } }, { as: 'admin' });
    const roleId = granted.grantRole.granted.role.id;
    const head = await h.logHead();
    const council = streetFeed(head, { as: 'council.caochang' });
    const officer = streetFeed(head);
    await arrives(council);

    const revoked = await h.runOk(`mutation ($input: RevokeRoleInput!) { revokeRole(input: $input) { __typename } }`, { input: { id: roleId } }, { as: 'admin' });
    expect(revoked.revokeRole.__typename).toBe('RevokeRoleResult');
    await council.ended;
    expect(codesOf(council.items.at(-1))).toEqual(['FORBIDDEN']);
    // the street's own officer is not concerned: their stream goes on
    const after = await arrives(officer);
    expect(council.items.map((r) => itemOf(r)?.ticket?.id)).not.toContain(after.ticket.id);
  });

  it('ends a stream UNAUTHENTICATED once its session signs out', async () => {
    const token = await h.signIn('street.qianmen');
    const s = streetFeed(await h.logHead(), { token });
    await arrives(s);
    const out = await h.runOk(`mutation { signOut { signedOut } }`, {}, { token });
    expect(out.signOut.signedOut).toBe(true);
    await s.ended;
    expect(codesOf(s.items.at(-1))).toEqual(['UNAUTHENTICATED']);
  });
});
