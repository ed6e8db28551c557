// Visibility lives on the types: every demo role and an anonymous caller × node, nodes and every
// relation to a restricted model, against a table written out by hand; and the in-memory visibility
// rule agrees with its where clause on every ticket, for every demo account.
import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@whistlehub/prisma';
import { ticketsWhereVisibleTo, ticketVisibleTo } from '../src/modules/tickets/ticketPolicy.ts';
import { createHarness, type SchemaHarness } from './helpers.ts';

const LOGINS = ['anonymous', ...DEMO_ACCOUNTS.map((a) => a.login)] as const;
const as = (login: string) => (login === 'anonymous' ? {} : { as: login });

const CREATE = `mutation ($input: CreateTicketInput!) { createTicket(input: $input) { __typename ... on CreateTicketResult { result { ticket { id number parts { id } } } } } }`;

describe.each(await testProviders())('visibility on every type on %s', (provider) => {
  let h: SchemaHarness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness(provider);
    const cell = await h.db.prisma.gridCell.findFirstOrThrow({ where: { community: { name: '草厂社区' } }, orderBy: { code: 'asc' } });
    const create = async (login: string, input: Record<string, unknown>) => {
      const r = (await h.runOk(CREATE, { input }, { as: login })).createTicket;
      expect(r.__typename).toBe('CreateTicketResult');
      return r.result.ticket.id as string;
    };
    // 前门 (a ground lock: the 东城 城管 holds the duty), 鲁谷 in 石景山, and one nothing places: the city-level pool
    ids.qianmen = await create('resident.demo', { channel: 'APP', categoryCode: 'GROUND_LOCK', description: '胡同里有人私装地锁', location: { lng: cell.centroidLng, lat: cell.centroidLat }, complainant: { name: '赵敏', phone: '13700001111' } });
    ids.duplicate = await create('resident.demo', { channel: 'APP', categoryCode: 'GROUND_LOCK', description: '又有人私装地锁', gridCellCode: cell.code });
    ids.lugu = await create('hotline.12345', { channel: 'HOTLINE_12345', categoryCode: 'NOISE', description: '夜间施工噪音扰民', address: '石景山区鲁谷街道某小区' });
    ids.pool = await create('hotline.12345', { channel: 'HOTLINE_12345', categoryCode: 'NOISE', description: '电话里说不清地址的噪音投诉' });
    await h.runOk(`mutation ($id: ID!) { dispatchTicket(input: { id: $id }) { __typename } }`, { id: ids.qianmen }, { as: 'street.qianmen' });
    ids.part = (await h.runOk(`query ($id: ID!) { node(id: $id) { ... on Ticket { parts { id } } } }`, { id: ids.qianmen }, { as: 'admin' })).node.parts[0].id;
    // an admin merges a 前门 duplicate into the 鲁谷 ticket: 前门's officers see the duplicate, not the survivor
    const merged = await h.runOk(`mutation ($id: ID!, $into: ID!) { mergeTicket(input: { id: $id, intoId: $into }) { __typename } }`, { id: ids.duplicate, into: ids.lugu }, { as: 'admin' });
    expect(merged.mergeTicket.__typename).toBe('MergeTicketResult');
    const plan = `mutation ($ids: [ID!]!) { createRevisitPlan(input: { name: "雨季前回头看", ticketIds: $ids, dueAt: "2027-05-01T00:00:00.000Z" }) { __typename ... on CreateRevisitPlanResult { created { plan { id } } } } }`;
    ids.streetPlan = (await h.runOk(plan, { ids: [ids.qianmen] }, { as: 'dispatcher.dongcheng' })).createRevisitPlan.created.plan.id;
    ids.mixedPlan = (await h.runOk(plan, { ids: [ids.qianmen, ids.lugu] }, { as: 'admin' })).createRevisitPlan.created.plan.id;
    ids.adminUser = (await h.runOk(`{ viewer { id roles { id } } }`, {}, { as: 'admin' })).viewer.id;
    ids.adminRole = (await h.runOk(`{ viewer { roles { id } } }`, {}, { as: 'admin' })).viewer.roles[0].id;
    ids.hotlineToken = (await h.runOk(`mutation { createApiToken(input: { name: "intake" }) { ... on CreateApiTokenResult { created { apiTokenId } } } }`, {}, { as: 'hotline.12345' })).createApiToken.created.apiTokenId;
    const complainant = await h.db.prisma.person.findFirstOrThrow({ where: { name: '赵敏' } });
    const { encodeGlobalID } = await import('@pothos/plugin-relay');
    ids.complainant = encodeGlobalID('Person', complainant.id);
    ids.gridWorker = encodeGlobalID('Person', cell.gridWorkerId!);
  });
  afterAll(() => h?.close());

  // who sees what, written out by hand (`+` sees it); columns follow LOGINS
  //                   anon admin disp  qian  lugu  dept  counc party grid  hotl  resid gwai  tpq   fdisp
  const TABLE: Record<string, string> = {
    qianmen:        '  -    +     +     +     -     +     +     -     +     +     +     -     -     -  ',
    part:           '  -    +     +     +     -     +     +     -     +     +     +     -     -     -  ',
    lugu:           '  -    +     -     -     +     -     -     -     -     +     -     -     -     -  ',
    pool:           '  -    +     +     -     -     -     -     -     -     +     -     -     -     +  ',
    streetPlan:     '  -    +     +     +     -     -     -     -     -     -     -     -     -     -  ',
    mixedPlan:      '  -    +     -     -     -     -     -     -     -     -     -     -     -     -  ',
    adminUser:      '  -    +     -     -     -     -     -     -     -     -     -     -     -     -  ',
    adminRole:      '  -    +     -     -     -     -     -     -     -     -     -     -     -     -  ',
    hotlineToken:   '  -    +     -     -     -     -     -     -     -     +     -     -     -     -  ',
    complainant:    '  -    +     -     -     -     -     -     -     -     -     -     -     -     -  ',
    gridWorker:     '  +    +     +     +     +     +     +     +     +     +     +     +     +     +  ',
  };
  const expected = (entity: string) => TABLE[entity]!.trim().split(/\s+/).map((c) => c === '+');

  it('has one column per demo account and anonymous', () => {
    expect(LOGINS).toHaveLength(14);
    for (const row of Object.values(TABLE)) expect(row.trim().split(/\s+/)).toHaveLength(LOGINS.length);
  });

  it.each(Object.keys(TABLE))('node(id) of %s answers exactly the viewers the table names, and null to the others', async (entity) => {
    const seen: boolean[] = [];
    for (const login of LOGINS) {
      const data = await h.runOk(`query ($id: ID!) { node(id: $id) { id } }`, { id: ids[entity] }, as(login));
      seen.push(data.node !== null);
      if (data.node) expect(data.node.id).toBe(ids[entity]);
    }
    expect(Object.fromEntries(LOGINS.map((l, i) => [l, seen[i]]))).toEqual(Object.fromEntries(LOGINS.map((l, i) => [l, expected(entity)[i]])));
  });

  it('nodes(ids) keeps the order and answers null in place of what the viewer may not see', async () => {
    const order = ['qianmen', 'lugu', 'pool', 'streetPlan', 'complainant'];
    for (const login of LOGINS) {
      const data = await h.runOk(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: order.map((e) => ids[e]) }, as(login));
      expect(data.nodes.map((n: { id: string } | null) => n?.id ?? null), login).toEqual(order.map((e) => (expected(e)[LOGINS.indexOf(login)] ? ids[e] : null)));
    }
  });

  it('mergedInto shows the survivor only to viewers who may see it', async () => {
    const q = `query ($id: ID!) { node(id: $id) { ... on Ticket { status mergedInto { id description } } } }`;
    for (const login of LOGINS) {
      const data = await h.runOk(q, { id: ids.duplicate }, as(login));
      const i = LOGINS.indexOf(login);
      if (!expected('qianmen')[i]) {
        expect(data.node, login).toBeNull();
        continue;
      }
      expect(data.node.status).toBe('MERGED');
      expect(data.node.mergedInto?.id ?? null, login).toBe(expected('lugu')[i] ? ids.lugu : null);
    }
  });

  it('RevisitItem.ticket and RevisitPlan.items show only tickets the viewer may see', async () => {
    const q = `query ($id: ID!) { node(id: $id) { ... on RevisitPlan { items { ticket { id } } } } }`;
    const admin = await h.runOk(q, { id: ids.mixedPlan }, { as: 'admin' });
    expect(admin.node.items.map((i: any) => i.ticket.id).sort()).toEqual([ids.qianmen, ids.lugu].sort());
    const plans = await h.runOk(`{ revisitPlans(first: 50) { edges { node { id } } } }`, {}, { as: 'street.qianmen' });
    expect(plans.revisitPlans.edges.map((e: any) => e.node.id)).toEqual([ids.streetPlan]);
    const lugu = await h.runOk(`{ revisitPlans(first: 50) { edges { node { id } } } }`, {}, { as: 'street.lugu' });
    expect(lugu.revisitPlans.edges).toEqual([]);
  });

  it('a TicketPart relation reaches its ticket only through visibility too', async () => {
    const q = `query ($id: ID!) { node(id: $id) { ... on TicketPart { kind assigneeStreet { code } } } }`;
    expect((await h.runOk(q, { id: ids.part }, { as: 'street.qianmen' })).node).toMatchObject({ kind: 'STREET', assigneeStreet: { code: '110101011' } });
    expect((await h.runOk(q, { id: ids.part }, { as: 'street.lugu' })).node).toBeNull();
  });

  it('the in-memory rule and the where clause agree on every ticket for every demo account', async () => {
    const tickets = await h.db.prisma.ticket.findMany({ select: { id: true, districtId: true, streetId: true, communityId: true, gridCellId: true, categoryId: true, createdById: true } });
    expect(tickets.length).toBeGreaterThan(480);
    for (const login of LOGINS) {
      const viewer = login === 'anonymous' ? null : await h.viewerOf(login);
      const byWhere = (await h.db.prisma.ticket.findMany({ where: ticketsWhereVisibleTo(viewer), select: { id: true } })).map((t) => t.id).sort();
      const byRule = tickets.filter((t) => ticketVisibleTo(viewer, t)).map((t) => t.id).sort();
      expect(byRule, login).toEqual(byWhere);
      // every role that sees tickets at all sees some, so an empty pair of lists cannot pass silently
      if (['admin', 'dispatcher.dongcheng', 'street.qianmen', 'dept.dongcheng.cgzf', 'grid.caochang'].includes(login)) expect(byWhere.length, login).toBeGreaterThan(0);
    }
  });
});
