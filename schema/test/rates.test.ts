import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingMonth, beijingMonthOf } from '../src/lib/beijingTime.ts';
import { threeRates } from '../src/modules/tickets/rateRules.ts';
import { createHarness, type SchemaHarness } from './helpers.ts';

describe.each(await testProviders())('rates, ranking, hot spots and revisits on %s', (provider) => {
  let h: SchemaHarness;
  const month = beijingMonthOf(new Date(Date.now() - 60 * 864e5));
  beforeAll(async () => {
    h = await createHarness(provider);
  });
  afterAll(() => h?.close());

  /** The reference: every ticket loaded and counted in JavaScript by `threeRates`. */
  async function reference(where: object = {}) {
    const rows = await h.db.prisma.ticket.findMany({ where });
    return threeRates(
      rows.map((t) => ({
        status: t.status, receivedAt: t.receivedAt, respondBy: t.respondBy, respondedAt: t.respondedAt,
        callback: t.callbackAt ? { resolved: t.callbackResolved!, satisfaction: t.callbackSatisfaction! } : null,
      })),
      { period: beijingMonth(month), asOf: new Date() },
    );
  }

  it('computes the three rates in SQL exactly as the reference definition does, in total and per street', async () => {
    const [total] = (await h.runOk(`query ($m: String!) { ticketRates(month: $m) { tickets responseDue respondedInTime callbacks resolved satisfied responseRate resolutionRate satisfactionRate } }`, { m: month }, { as: 'admin' })).ticketRates;
    const ref = await reference();
    expect(total).toMatchObject({ responseDue: ref.received, respondedInTime: ref.respondedInTime, callbacks: ref.callbacks, resolved: ref.resolved, satisfied: ref.satisfied });
    expect(total.responseRate).toBeCloseTo(ref.responseRate!, 12);
    expect(total.satisfactionRate).toBeCloseTo(ref.satisfactionRate!, 12);
    expect(ref.callbacks).toBeGreaterThan(0);

    const perStreet = (await h.runOk(`query ($m: String!) { ticketRates(month: $m, groupBy: STREET) { unitCode responseDue callbacks resolved satisfied } }`, { m: month }, { as: 'admin' })).ticketRates;
    const qianmen = perStreet.find((r: any) => r.unitCode === '110101011');
    const refQ = await reference({ street: { code: '110101011' } });
    expect(qianmen).toMatchObject({ responseDue: refQ.received, callbacks: refQ.callbacks, resolved: refQ.resolved, satisfied: refQ.satisfied });
    expect(perStreet.reduce((n: number, r: any) => n + r.callbacks, 0)).toBe(ref.callbacks);
  });

  it('groups by department through the power list and gives null rates for empty denominators', async () => {
    const rows = (await h.runOk(`query ($m: String!) { ticketRates(month: $m, groupBy: DEPARTMENT, districtCode: "110101") { unitCode tickets } }`, { m: month }, { as: 'admin' })).ticketRates;
    expect(rows.some((r: any) => r.unitCode === '110101-CGZF')).toBe(true);
    const empty = (await h.runOk(`{ ticketRates(month: "2001-01") { tickets responseRate resolutionRate satisfactionRate } }`, {}, { as: 'admin' })).ticketRates;
    expect(empty).toEqual([{ tickets: 0, responseRate: null, resolutionRate: null, satisfactionRate: null }]);
  });

  it('computes the rates in a fixed number of SQL statements, whatever the number of tickets', async () => {
    h.resetQueries();
    await h.runOk(`query ($m: String!) { ticketRates(month: $m, groupBy: STREET) { unitCode responseRate } }`, { m: month }, { as: 'admin' });
    // one grouped scan of Ticket, then one lookup of the streets' names (the rest is the harness
    // resolving the viewer): nothing per ticket or per street
    const ticketScans = h.queries.filter((q) => /[`"]Ticket[`"]/.test(q));
    expect(ticketScans).toHaveLength(1);
    expect(ticketScans[0]).toMatch(/GROUP BY/i);
    expect(h.queries.filter((q) => /[`"]Street[`"]/.test(q) && !/[`"]Ticket[`"]/.test(q))).toHaveLength(1);
  });

  it('draws a twelve-month series for the chart, in one scan of Ticket, and nothing for an unknown street', async () => {
    h.resetQueries();
    const series = (await h.runOk(`{ ticketRatesByMonth(streetCode: "110101011") { month tickets satisfactionRate } }`, {}, { as: 'street.qianmen' })).ticketRatesByMonth;
    expect(series).toHaveLength(12);
    expect(series.map((s: any) => s.month)).toEqual([...series.map((s: any) => s.month)].sort());
    expect(series.at(-1).month).toBe(beijingMonthOf(new Date()));
    expect(series.reduce((n: number, s: any) => n + s.tickets, 0)).toBeGreaterThan(20);
    expect(h.queries.filter((q) => /[`"]Ticket[`"]/.test(q))).toHaveLength(1);
    const perMonth = (await h.runOk(`query ($m: String!) { ticketRates(month: $m, groupBy: STREET) { unitCode tickets } }`, { m: series.at(-2).month }, { as: 'admin' })).ticketRates;
    expect(series.at(-2).tickets).toBe(perMonth.find((r: any) => r.unitCode === '110101011')?.tickets ?? 0);
    const unknown = (await h.runOk(`{ ticketRatesByMonth(streetCode: "999", months: 3) { tickets } }`, {}, { as: 'admin' })).ticketRatesByMonth;
    expect(unknown).toEqual([{ tickets: 0 }, { tickets: 0 }, { tickets: 0 }]);
  });

  it('ranks the streets for the monthly review and names the bottom', async () => {
    const r = (await h.runOk(`query ($m: String!) { monthlyRanking(month: $m) { weights { response resolution satisfaction } rows { rank score bottom rates { unitCode } } } }`, { m: month }, { as: 'street.lugu' })).monthlyRanking;
    expect(r.weights.resolution + r.weights.response + r.weights.satisfaction).toBeCloseTo(1);
    const ranked = r.rows.filter((x: any) => x.rank != null);
    expect(ranked.length).toBeGreaterThan(3);
    expect(ranked.map((x: any) => x.score)).toEqual([...ranked.map((x: any) => x.score)].sort((a: number, b: number) => b - a));
    expect(ranked[0].rank).toBe(1);
    expect(ranked.filter((x: any) => x.bottom).length).toBeGreaterThanOrEqual(1);
    expect(ranked.at(-1).bottom).toBe(true);
    await h.runError('UNAUTHENTICATED', `query ($m: String!) { monthlyRanking(month: $m) { month } }`, { m: month });
  });

  it('rejects a malformed month', async () => {
    const bad = await h.run(`{ ticketRates(month: "2026-13") { tickets } }`, {}, { as: 'admin' });
    expect(bad.errors?.[0]?.message).toMatch(/YYYY-MM/);
  });

  it('finds keyword hot spots (漏雨) and plans a revisit of their tickets', async () => {
    const spots = (await h.runOk(`{ ticketHotSpots(keyword: "漏雨", first: 5) { count latestAt gridCell { code name } } }`, {}, { as: 'admin' })).ticketHotSpots;
    expect(spots.length).toBeGreaterThan(0);
    expect(spots.map((s: any) => s.count)).toEqual([...spots.map((s: any) => s.count)].sort((a: number, b: number) => b - a));
    const top = spots[0];
    const expected = await h.db.prisma.ticket.count({ where: { gridCell: { code: top.gridCell.code }, OR: [{ description: { contains: '漏雨' } }, { address: { contains: '漏雨' } }] } });
    expect(top.count).toBe(expected);

    const tickets = (await h.runOk(`query ($c: String!) { tickets(first: 10, filter: { keyword: "漏雨", gridCellCode: $c }) { edges { node { id } } } }`, { c: top.gridCell.code }, { as: 'admin' })).tickets.edges.map((e: any) => e.node.id);
    expect(tickets).toHaveLength(Math.min(top.count, 10));
    const due = new Date(Date.now() + 30 * 864e5).toISOString();
    const plan = (await h.runOk(`mutation ($input: CreateRevisitPlanInput!) { createRevisitPlan(input: $input) { __typename ... on CreateRevisitPlanResult { created { plan { name keyword items { dueAt ticket { id } } } } } } }`,
      { input: { name: '汛期前房屋漏雨回头看', keyword: '漏雨', ticketIds: tickets, dueAt: due } }, { as: 'admin' })).createRevisitPlan;
    expect(plan.created.plan.items).toHaveLength(tickets.length);
    expect(plan.created.plan.items.every((i: any) => i.dueAt === due)).toBe(true);
    await h.runError('FORBIDDEN', `mutation ($input: CreateRevisitPlanInput!) { createRevisitPlan(input: $input) { __typename } }`, { input: { name: 'x', ticketIds: tickets, dueAt: due } }, { as: 'resident.demo' });
  });

  it('groups hot spots by city component too', async () => {
    const asset = await h.db.prisma.asset.findFirstOrThrow({ where: { gridCell: { community: { name: '草厂社区' } } }, orderBy: { code: 'asc' } });
    for (const description of ['井盖破损有安全隐患', '井盖又松动了，夜里响声大']) {
      const r = await h.runOk(`mutation ($input: CreateTicketInput!) { createTicket(input: $input) { __typename } }`,
        { input: { channel: 'GRID_PATROL', categoryCode: 'STREET_LAMP', description, assetCode: asset.code } }, { as: 'grid.caochang' });
      expect(r.createTicket.__typename).toBe('CreateTicketResult');
    }
    const spots = (await h.runOk(`{ ticketHotSpots(keyword: "井盖", groupBy: ASSET) { count asset { code } gridCell { code } } }`, {}, { as: 'admin' })).ticketHotSpots;
    expect(spots[0]).toEqual({ count: 2, asset: { code: asset.code }, gridCell: { code: (await h.db.prisma.gridCell.findUniqueOrThrow({ where: { id: asset.gridCellId } })).code } });
  });
});
