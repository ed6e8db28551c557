import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type SchemaHarness } from './helpers.ts';

const INBOX = `query ($filter: TicketFilter, $first: Int) { tickets(first: $first, filter: $filter) { totalCount
  edges { node { number status receivedAt street { code } complainant { name phone masked }
    parts { kind status assigneeStreet { code } } events(first: 20) { edges { node { seq type } } } } } } }`;

describe.each(await testProviders())('tickets (read side) on %s', (provider) => {
  let h: SchemaHarness;
  beforeAll(async () => {
    h = await createHarness(provider);
  });
  afterAll(() => h?.close());

  it('shows nothing to anonymous callers', async () => {
    const data = await h.runOk(INBOX, { first: 5 });
    expect(data.tickets.totalCount).toBe(0);
  });

  it('shows a street officer the tickets of their street, newest first, with full complainant data', async () => {
    const data = await h.runOk(INBOX, { first: 20 }, { as: 'street.qianmen' });
    const nodes = data.tickets.edges.map((e: any) => e.node);
    expect(nodes.length).toBe(20);
    expect(data.tickets.totalCount).toBe(await h.db.prisma.ticket.count({ where: { street: { code: '110101011' } } }));
    expect(nodes.every((n: any) => n.street.code === '110101011')).toBe(true);
    const times = nodes.map((n: any) => n.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(nodes[0].complainant).toMatchObject({ masked: false, phone: expect.stringMatching(/^1\d{10}$/) });
    for (const n of nodes) {
      // every ticket has at least its RECEIVED event, so an empty history is a failure, not a pass
      expect(n.events.edges.length).toBeGreaterThan(0);
      expect(n.events.edges.map((e: any) => e.node.seq)).toEqual(n.events.edges.map((_: unknown, i: number) => i + 1));
    }
  });

  it('masks the complainant for a department officer and a grid worker', async () => {
    for (const as of ['dept.dongcheng.cgzf', 'grid.caochang']) {
      const data = await h.runOk(INBOX, { first: 5 }, { as });
      const nodes = data.tickets.edges.map((e: any) => e.node);
      expect(nodes.length).toBeGreaterThan(0);
      for (const n of nodes) {
        expect(n.complainant.masked).toBe(true);
        expect(n.complainant.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
        expect(n.complainant.name).toMatch(/^.\*+$/u);
      }
    }
  });

  it('shows a district department only the categories it holds a duty for, in its district', async () => {
    const data = await h.runOk(`{ tickets(first: 100) { totalCount edges { node { district { code } category { code duties { department { code } } } } } } }`, {}, { as: 'dept.dongcheng.cgzf' });
    expect(data.tickets.totalCount).toBeGreaterThan(0);
    expect(data.tickets.edges).toHaveLength(Math.min(data.tickets.totalCount, 100));
    for (const e of data.tickets.edges) {
      expect(e.node.district.code).toBe('110101');
      expect(e.node.category.duties.map((d: any) => d.department.code)).toContain('110101-CGZF');
    }
  });

  it('filters by status, category, keyword (Chinese) and overdue', async () => {
    const leaks = await h.runOk(`{ tickets(first: 100, filter: { keyword: "漏雨" }) { totalCount edges { node { description category { code } } } } }`, {}, { as: 'admin' });
    expect(leaks.tickets.totalCount).toBeGreaterThan(5);
    expect(leaks.tickets.edges).toHaveLength(Math.min(leaks.tickets.totalCount, 100));
    expect(leaks.tickets.edges.every((e: any) => e.node.description.includes('漏雨'))).toBe(true);
    const overdue = await h.runOk(`{ tickets(first: 50, filter: { overdue: true }) { totalCount edges { node { status missedDeadlines } } } }`, {}, { as: 'admin' });
    expect(overdue.tickets.totalCount).toBeGreaterThan(0);
    expect(overdue.tickets.edges).toHaveLength(Math.min(overdue.tickets.totalCount, 50));
    for (const e of overdue.tickets.edges) {
      expect(['RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS']).toContain(e.node.status);
      expect(e.node.missedDeadlines.length).toBeGreaterThan(0);
    }
    const closed = await h.runOk(`{ tickets(first: 5, filter: { status: [CLOSED], categoryCode: "NOISE" }) { edges { node { status category { code } } } } }`, {}, { as: 'admin' });
    expect(closed.tickets.edges).toHaveLength(5);
    expect(closed.tickets.edges.every((e: any) => e.node.status === 'CLOSED' && e.node.category.code === 'NOISE')).toBe(true);
  });

  it('loads a page of tickets with parts and events in a constant number of SQL statements', async () => {
    h.resetQueries();
    await h.runOk(INBOX, { first: 5 }, { as: 'admin' });
    const five = h.queries.length;
    h.resetQueries();
    await h.runOk(INBOX, { first: 50 }, { as: 'admin' });
    expect(h.queries.length).toBe(five);
  });
});
