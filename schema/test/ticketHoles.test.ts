// The holes of issue 10, each closed and kept closed: the city-level pool routed by a district
// dispatcher, department rates within the department's own district, a merge into a ticket the caller
// cannot see, LIKE wildcards in keywords, and the Beijing date in ticket numbers.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDateOf } from '../src/lib/beijingTime.ts';
import { keywordTerms, normalizeText } from '../src/lib/keywords.ts';
import type { Grant } from '../src/index.ts';
import { departmentConcerned } from '../src/modules/tickets/ticketPolicy.ts';
import { ticketNumber } from '../src/modules/tickets/ticketStates.ts';
import { createHarness, type SchemaHarness } from './helpers.ts';
import { ticketFiler, write } from './ticketHelpers.ts';

describe('ticket numbers', () => {
  it('carry the Beijing date of intake, not the UTC one', () => {
    expect(ticketNumber(new Date('2026-12-02T16:30:00Z'), 123)).toBe('20261203-000123');
    expect(ticketNumber(new Date('2026-12-02T15:59:59.999Z'), 7)).toBe('20261202-000007');
    expect(ticketNumber(new Date('2026-12-02T16:00:00Z'), 999_999)).toBe('20261203-999999');
    expect(ticketNumber(new Date('2026-12-31T16:00:00Z'), 0)).toBe('20270101-000000');
    expect(() => ticketNumber(new Date(), 1_000_000)).toThrow(RangeError);
  });
});

describe.each(await testProviders())('issue 10 holes on %s', (provider) => {
  let h: SchemaHarness;
  let filer: Awaited<ReturnType<typeof ticketFiler>>;
  beforeAll(async () => {
    h = await createHarness(provider);
    filer = await ticketFiler(h);
  });
  afterAll(() => h?.close());

  const NODE = `query ($id: ID!) { node(id: $id) { ... on Ticket { id status version street { code } district { code } } } }`;
  const nodeAs = async (id: string, as: string) => (await h.runOk(NODE, { id }, { as })).node;
  /** The ticket's version, events and the log head: what a refused write must leave as it was. */
  const state = async (id: string) => ({
    version: (await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: decodeGlobalID(id).id } })).version,
    events: await h.db.prisma.ticketEvent.count({ where: { ticketId: decodeGlobalID(id).id } }),
    logHead: await h.logHead(),
  });

  it('shows a pool ticket to a district dispatcher, who routes it by street code; a street officer can neither see nor route it', async () => {
    const { ticket } = await filer.file('pool', '电话里说不清地址的噪音投诉');
    expect(ticket).toMatchObject({ street: null, district: null, status: 'RECEIVED' });
    expect(await nodeAs(ticket.id, 'dispatcher.dongcheng')).toMatchObject({ id: ticket.id });
    expect(await nodeAs(ticket.id, 'street.qianmen')).toBeNull();
    const before = await state(ticket.id);

    const byOfficer = await write(h, 'dispatchTicket', { id: ticket.id, streetCode: '110101011' }, 'street.qianmen');
    expect(byOfficer).toMatchObject({ __typename: 'NotFoundError', entity: 'Ticket' });
    for (const [streetCode, reason] of [['999999999', 'UNKNOWN_STREET'], ['110107011', 'STREET_OUTSIDE_SCOPE'], [null, 'UNROUTED']] as const) {
      const refused = await write(h, 'dispatchTicket', { id: ticket.id, streetCode }, 'dispatcher.dongcheng');
      expect(refused, String(streetCode)).toMatchObject({ __typename: 'DispatchTargetError', reason });
    }
    expect(await state(ticket.id)).toEqual(before);

    const routed = await write(h, 'dispatchTicket', { id: ticket.id, streetCode: '110101011' }, 'dispatcher.dongcheng');
    expect(routed.result!.ticket).toMatchObject({ status: 'DISPATCHED', version: 2, street: { code: '110101011' }, district: { code: '110101' } });
    // now it is the street's: its officer sees it and takes it on
    expect(await nodeAs(ticket.id, 'street.qianmen')).toMatchObject({ street: { code: '110101011' } });
    expect((await write(h, 'acceptTicketPart', { id: ticket.id }, 'street.qianmen')).__typename).toBe('AcceptTicketPartResult');
  });

  it('counts a district department only for its own district’s tickets, and a city department for all', async () => {
    // a month no other ticket is in: tickets of one category in two districts and the pool, and one
    // of another category
    const month = '2003-03';
    const receivedAt = new Date('2003-03-10T04:00:00Z');
    const rows = [
      ...['110101', '110101', '110101', '110107', '110107', null].map((district) => ({ district, category: 'GROUND_LOCK' })),
      { district: '110101', category: 'DRAIN' },
    ];
    await h.db.prisma.ticket.createMany({
      data: rows.map((r, i) => ({
        number: `20030310-9000${i}`, channel: 'HOTLINE_12345' as const, categoryId: `cat_${r.category}`, description: '部门三率的测试工单',
        districtId: r.district ? `dis_${r.district}` : null, receivedAt, respondBy: receivedAt, feedbackBy: receivedAt,
      })),
    });
    const tickets = await h.db.prisma.ticket.findMany({ where: { number: { startsWith: '20030310-9000' } }, select: { districtId: true, categoryId: true } });
    expect(tickets).toHaveLength(rows.length);

    // the reference: the visibility rule's notion of a concerned department, counted in JavaScript
    const departments = await h.db.prisma.department.findMany({ select: { code: true, level: true, districtId: true, duties: { select: { categoryId: true } } } });
    const grantOf = (d: (typeof departments)[number]) => ({ role: 'DEPARTMENT_OFFICER', department: { level: d.level, districtId: d.districtId, categoryIds: d.duties.map((x) => x.categoryId) } }) as unknown as Grant;
    const reference = (districtCode: string | null) =>
      Object.fromEntries(departments.flatMap((d) => {
        const n = tickets.filter((t) => departmentConcerned(grantOf(d), t) && (!districtCode || t.districtId === `dis_${districtCode}`)).length;
        return n > 0 ? [[d.code, n]] : [];
      }));
    const rates = async (districtCode: string | null) =>
      Object.fromEntries((await h.runOk(`query ($m: String!, $d: String) { ticketRates(month: $m, groupBy: DEPARTMENT, districtCode: $d) { unitCode tickets } }`, { m: month, d: districtCode }, { as: 'admin' }))
        .ticketRates.map((r: { unitCode: string; tickets: number }) => [r.unitCode, r.tickets]));

    const all = await rates(null);
    expect(all).toEqual(reference(null));
    expect(all).toMatchObject({ 'BJ-CGZF': 6, '110101-CGZF': 3, '110107-CGZF': 2, 'BJ-SWJ': 1, '110101-SWJ': 1 });
    expect(all['110102-CGZF']).toBeUndefined();
    const dongcheng = await rates('110101');
    expect(dongcheng).toEqual(reference('110101'));
    expect(dongcheng).toEqual({ 'BJ-CGZF': 3, '110101-CGZF': 3, 'BJ-SWJ': 1, '110101-SWJ': 1 });
  });

  it('refuses to merge into a survivor the caller cannot see, as if it did not exist, and writes nothing', async () => {
    const duplicate = (await filer.file('qianmen', '又有人私装地锁')).ticket;
    const hidden = (await filer.file('lugu', '鲁谷的地锁投诉')).ticket;
    expect(await nodeAs(hidden.id, 'dispatcher.dongcheng')).toBeNull();
    const before = await state(duplicate.id);

    const refused = await write(h, 'mergeTicket', { id: duplicate.id, intoId: hidden.id }, 'dispatcher.dongcheng');
    expect(refused).toMatchObject({ __typename: 'NotFoundError', entity: 'Ticket', id: hidden.id });
    expect(await state(duplicate.id)).toEqual(before);
    expect(await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: decodeGlobalID(duplicate.id).id } })).toMatchObject({ status: 'RECEIVED', mergedIntoId: null });
    // the same answer as for a ticket that does not exist: nothing to tell the two apart
    const missing = Buffer.from('Ticket:no-such-ticket').toString('base64');
    expect(await write(h, 'mergeTicket', { id: duplicate.id, intoId: missing }, 'dispatcher.dongcheng')).toMatchObject({ __typename: 'NotFoundError', entity: 'Ticket', id: missing });

    const visible = (await filer.file('qianmen', '前门的地锁投诉')).ticket;
    const merged = await write(h, 'mergeTicket', { id: duplicate.id, intoId: visible.id }, 'dispatcher.dongcheng');
    expect(merged.result!.ticket).toMatchObject({ status: 'MERGED', version: 2 });
  });

  it('matches %, _ and \\ in keywords literally, and Latin letters regardless of case, in the ticket list and in the hot spots', async () => {
    // each wildcard next to a text it would match as a wildcard: 50% / 500, a_b / axb, C:\temp / C:temp
    for (const description of ['水费上涨50%不合理', '水费上涨500元', '编号a_b的井盖丢失', '编号axb的井盖丢失', '路牌写成了C:\\temp很奇怪', '路牌写成了C:temp很奇怪', '小区WiFi信号差']) {
      await filer.file('qianmen', description);
    }
    const all = await h.db.prisma.ticket.findMany({ select: { number: true, description: true, address: true, gridCellId: true } });
    /** the reference: a literal, case-folded substring test over every ticket (admin sees all) */
    const literal = (term: string) => all.filter((t) => normalizeText(`${t.description}\n${t.address ?? ''}`).toLowerCase().includes(term));

    for (const keyword of ['%', '50%', '_', 'a_b', '\\', 'c:\\temp', '5_%', '%不合理 水费', 'wifi', 'WIFI信号']) {
      // terms as the search splits them (keywordTerms); each must occur literally
      const expected = keywordTerms(keyword).reduce((rows, term) => rows.filter((t) => literal(term).includes(t)), all);
      const found = (await h.runOk(`query ($k: String!) { tickets(first: 100, filter: { keyword: $k }) { totalCount edges { node { number } } } }`, { k: keyword }, { as: 'admin' })).tickets;
      expect(found.edges.map((e: any) => e.node.number).sort(), keyword).toEqual(expected.map((t) => t.number).sort());
      expect(found.totalCount, keyword).toBe(expected.length);
      const spots = (await h.runOk(`query ($k: String!) { ticketHotSpots(keyword: $k, first: 100) { count gridCell { code } } }`, { k: keyword }, { as: 'admin' })).ticketHotSpots;
      expect(spots.reduce((n: number, s: { count: number }) => n + s.count, 0), keyword).toBe(expected.filter((t) => t.gridCellId).length);
      if (keyword !== '5_%') expect(expected.length, keyword).toBeGreaterThan(0);
    }
    // 5_% would match 50% (and 500) as a pattern; literally it is in no ticket
    expect(literal('5_%')).toEqual([]);
    expect(literal('50%')).toHaveLength(1);
    const spots = (await h.runOk(`{ ticketHotSpots(keyword: "50%") { count gridCell { code } } }`, {}, { as: 'admin' })).ticketHotSpots;
    expect(spots).toEqual([{ count: 1, gridCell: { code: filer.cell.code } }]);
  });

  it('numbers a ticket filed through the schema with the Beijing date of its receipt', async () => {
    const { ticket } = await filer.file('qianmen');
    expect(ticket.number).toMatch(/^\d{8}-\d{6}$/);
    expect(ticket.number.slice(0, 8)).toBe(beijingDateOf(new Date(ticket.receivedAt)));
  });
});
