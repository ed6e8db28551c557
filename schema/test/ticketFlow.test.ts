import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type SchemaHarness } from './helpers.ts';

const FRAGMENTS: Record<string, string> = {
  IllegalTransitionError: '... on IllegalTransitionError { current action }',
  TicketConflictError: '... on TicketConflictError { currentVersion currentStatus }',
  InputValidationError: '... on InputValidationError { issues { path message } }',
  OutsideGridError: '... on OutsideGridError { unmatched }',
};
const WRITE_ERRORS = ['IllegalTransitionError', 'TicketConflictError', 'InputValidationError'];
const TICKET = `id number status version street { code } gridCell { code } parts { kind status } events(first: 50) { edges { node { seq type partKind } } } complainant { name phone masked } respondedAt feedbackAt resolvedAt closedAt`;
const payload = (field: string, input: string, errors = WRITE_ERRORS) =>
  `mutation ($input: ${input}!) { ${field}(input: $input) { __typename ... on Error { message } ${errors.map((e) => FRAGMENTS[e]).join(' ')}
    ... on ${field[0]!.toUpperCase()}${field.slice(1)}Result { result { ticket { ${TICKET} } } } } }`;

const CREATE = payload('createTicket', 'CreateTicketInput', ['InputValidationError', 'OutsideGridError']);
const DISPATCH = payload('dispatchTicket', 'DispatchTicketInput');
const ACCEPT = payload('acceptTicketPart', 'AcceptTicketPartInput');
const PROGRESS = payload('addTicketProgress', 'AddTicketProgressInput');
const RESOLVE = payload('resolveTicketPart', 'ResolveTicketPartInput');
const CALLBACK = payload('recordTicketCallback', 'RecordTicketCallbackInput');
const REOPEN = payload('reopenTicket', 'ReopenTicketInput');
const MERGE = payload('mergeTicket', 'MergeTicketInput', ['IllegalTransitionError', 'TicketConflictError']);

describe.each(await testProviders())('ticket life cycle on %s', (provider) => {
  let h: SchemaHarness;
  let cell: { code: string; centroidLng: number; centroidLat: number };
  beforeAll(async () => {
    h = await createHarness(provider);
    cell = await h.db.prisma.gridCell.findFirstOrThrow({ where: { community: { name: '草厂社区' } }, orderBy: { code: 'asc' } });
  });
  afterAll(() => h?.close());

  const create = async (as: string, input: Record<string, unknown>) => (await h.runOk(CREATE, { input }, { as })).createTicket;
  const newTicket = async () => {
    const r = await create('resident.demo', {
      channel: 'APP', categoryCode: 'GROUND_LOCK', description: '胡同里有人私装地锁占用公共车位',
      location: { lng: cell.centroidLng, lat: cell.centroidLat }, complainant: { name: '张伟', phone: '138 1234 5678' },
    });
    expect(r.__typename).toBe('CreateTicketResult');
    return r.result.ticket;
  };

  it('files a ticket from coordinates, routes it to its grid cell and street, and records who filed it', async () => {
    const ticket = await newTicket();
    expect(ticket).toMatchObject({ status: 'RECEIVED', version: 1, street: { code: '110101011' }, gridCell: { code: cell.code } });
    expect(ticket.events.edges.map((e: any) => e.node)).toEqual([{ seq: 1, type: 'RECEIVED', partKind: null }]);
    // the resident sees what they entered; a council member of the community sees it masked
    expect(ticket.complainant).toEqual({ name: '张伟', phone: '13812345678', masked: false });
    const asCouncil = await h.runOk(`query ($n: String!) { ticket(number: $n) { complainant { name phone masked } } }`, { n: ticket.number }, { as: 'council.caochang' });
    expect(asCouncil.ticket.complainant).toEqual({ name: '张*', phone: '138****5678', masked: true });
    const asStreet = await h.runOk(`query ($n: String!) { ticket(number: $n) { complainant { name phone } respondBy feedbackBy receivedAt } }`, { n: ticket.number }, { as: 'street.qianmen' });
    expect(asStreet.ticket.complainant).toEqual({ name: '张伟', phone: '13812345678' });
    const { receivedAt, respondBy, feedbackBy } = asStreet.ticket;
    expect(Date.parse(respondBy) - Date.parse(receivedAt)).toBe(24 * 3600_000);
    expect(Date.parse(feedbackBy) - Date.parse(receivedAt)).toBe(48 * 3600_000);
  });

  it('routes by address when there are no coordinates, and by grid cell code first', async () => {
    const byAddress = await create('hotline.12345', { channel: 'HOTLINE_12345', categoryCode: 'NOISE', description: '夜间施工噪音扰民', address: '石景山区鲁谷街道某小区' });
    expect(byAddress.result.ticket.street.code).toBe('110107011');
    const byCode = await create('grid.caochang', { channel: 'GRID_PATROL', categoryCode: 'DRAIN', description: '院内下水道堵塞', gridCellCode: cell.code, address: '鲁谷街道' });
    expect(byCode.result.ticket.gridCell.code).toBe(cell.code);
  });

  it('rejects bad input with typed errors and writes nothing', async () => {
    const before = await h.db.prisma.person.count();
    const base = { channel: 'APP', description: '路灯不亮很久了', location: { lng: cell.centroidLng, lat: cell.centroidLat } };
    expect((await create('resident.demo', { ...base, categoryCode: 'NO_SUCH' })).__typename).toBe('UnknownCategoryError');
    expect((await create('resident.demo', { ...base, categoryCode: 'STREET_LAMP', complainant: { name: '李', phone: '12345' } })).__typename).toBe('InvalidPhoneError');
    const outside = await create('resident.demo', { ...base, categoryCode: 'STREET_LAMP', location: { lng: 100, lat: 30 } });
    expect(outside).toMatchObject({ __typename: 'OutsideGridError', unmatched: ['COORDINATES'] });
    const short = await create('resident.demo', { ...base, categoryCode: 'STREET_LAMP', description: '灯' });
    expect(short.__typename).toBe('InputValidationError');
    expect(short.issues[0].path).toEqual(['input', 'description']);
    expect(await h.db.prisma.person.count()).toBe(before);
    await h.runError('UNAUTHENTICATED', CREATE, { input: { ...base, categoryCode: 'STREET_LAMP' } });
  });

  it('runs a dual dispatch to the end: both parts on their own clocks, resolved only when both are, closed by a satisfied call-back', async () => {
    const t0 = await newTicket();
    const d = (await h.runOk(DISPATCH, { input: { id: t0.id, expectedVersion: 1, dual: true, communityAssignee: '物业' } }, { as: 'dispatcher.dongcheng' })).dispatchTicket;
    expect(d.result.ticket).toMatchObject({ status: 'DISPATCHED', version: 2, parts: [{ kind: 'COMMUNITY', status: 'DISPATCHED' }, { kind: 'STREET', status: 'DISPATCHED' }] });

    const a1 = (await h.runOk(ACCEPT, { input: { id: t0.id, part: 'STREET' } }, { as: 'street.qianmen' })).acceptTicketPart.result.ticket;
    expect(a1.status).toBe('DISPATCHED'); // the community part is not accepted yet
    expect(a1.respondedAt).not.toBeNull();
    const a2 = (await h.runOk(ACCEPT, { input: { id: t0.id, part: 'COMMUNITY' } }, { as: 'grid.caochang' })).acceptTicketPart.result.ticket;
    expect(a2.status).toBe('ACCEPTED');
    const p = (await h.runOk(PROGRESS, { input: { id: t0.id, part: 'STREET', note: '已联系城管' } }, { as: 'street.qianmen' })).addTicketProgress.result.ticket;
    expect(p.feedbackAt).not.toBeNull();
    const r1 = (await h.runOk(RESOLVE, { input: { id: t0.id, part: 'STREET', note: '地锁已拆除' } }, { as: 'street.qianmen' })).resolveTicketPart.result.ticket;
    expect(r1.status).toBe('ACCEPTED');
    expect(r1.resolvedAt).toBeNull();
    const r2 = (await h.runOk(RESOLVE, { input: { id: t0.id, part: 'COMMUNITY' } }, { as: 'grid.caochang' })).resolveTicketPart.result.ticket;
    expect(r2.status).toBe('RESOLVED');
    expect(r2.resolvedAt).not.toBeNull();

    // the street may not grade itself
    await h.runError('FORBIDDEN', CALLBACK, { input: { id: t0.id, resolved: true, satisfaction: 'SATISFIED' } }, { as: 'street.qianmen' });
    const c = (await h.runOk(CALLBACK, { input: { id: t0.id, resolved: true, satisfaction: 'SATISFIED', comment: '很满意' } }, { as: 'hotline.12345' })).recordTicketCallback.result.ticket;
    expect(c.status).toBe('CLOSED');
    expect(c.closedAt).not.toBeNull();
    const types = c.events.edges.map((e: any) => e.node.type);
    expect(types).toEqual(['RECEIVED', 'DISPATCHED', 'ACCEPTED', 'ACCEPTED', 'PROGRESS', 'RESOLVED', 'RESOLVED', 'CALLED_BACK', 'CLOSED']);
    expect(c.events.edges.map((e: any) => e.node.seq)).toEqual(types.map((_: string, i: number) => i + 1));
  });

  it('reopens on an unsatisfied call-back, back to the assignees unaccepted', async () => {
    const t0 = await newTicket();
    await h.runOk(DISPATCH, { input: { id: t0.id } }, { as: 'street.qianmen' });
    await h.runOk(ACCEPT, { input: { id: t0.id } }, { as: 'street.qianmen' });
    await h.runOk(RESOLVE, { input: { id: t0.id } }, { as: 'street.qianmen' });
    const c = (await h.runOk(CALLBACK, { input: { id: t0.id, resolved: false, satisfaction: 'UNSATISFIED' } }, { as: 'dispatcher.dongcheng' })).recordTicketCallback.result.ticket;
    expect(c).toMatchObject({ status: 'DISPATCHED', parts: [{ kind: 'STREET', status: 'DISPATCHED' }], resolvedAt: null });
    expect(c.events.edges.at(-1).node.type).toBe('REOPENED');
    // the history walks the state machine: RESOLVED → CALLED_BACK, then CALLED_BACK → DISPATCHED
    const logged = await h.db.prisma.ticketEvent.findMany({ where: { ticket: { number: c.number } }, orderBy: { seq: 'desc' }, take: 2, select: { type: true, fromStatus: true, toStatus: true } });
    expect(logged.reverse()).toEqual([
      { type: 'CALLED_BACK', fromStatus: 'RESOLVED', toStatus: 'CALLED_BACK' },
      { type: 'REOPENED', fromStatus: 'CALLED_BACK', toStatus: 'DISPATCHED' },
    ]);
  });

  it('refuses an illegal transition with a typed error naming the current state', async () => {
    const t0 = await newTicket();
    const early = (await h.runOk(ACCEPT, { input: { id: t0.id } }, { as: 'street.qianmen' })).acceptTicketPart;
    expect(early).toMatchObject({ __typename: 'IllegalTransitionError', current: 'RECEIVED', action: 'accept' });
    const cb = (await h.runOk(CALLBACK, { input: { id: t0.id, resolved: true, satisfaction: 'SATISFIED' } }, { as: 'admin' })).recordTicketCallback;
    expect(cb).toMatchObject({ __typename: 'IllegalTransitionError', current: 'RECEIVED' });
    const reopen = (await h.runOk(REOPEN, { input: { id: t0.id, reason: '再次反映' } }, { as: 'admin' })).reopenTicket;
    expect(reopen.current).toBe('RECEIVED');
  });

  it('denies roles that may not act, and hides tickets of other streets', async () => {
    const t0 = await newTicket();
    await h.runError('FORBIDDEN', DISPATCH, { input: { id: t0.id } }, { as: 'council.caochang' });
    await h.runError('FORBIDDEN', DISPATCH, { input: { id: t0.id } }, { as: 'resident.demo' });
    const other = (await h.runOk(DISPATCH, { input: { id: t0.id } }, { as: 'street.lugu' })).dispatchTicket;
    expect(other.__typename).toBe('NotFoundError');
    expect((await h.db.prisma.ticket.findFirstOrThrow({ where: { number: t0.number } })).version).toBe(1);
  });

  it('lets exactly one of two staff accepting the same part at once win; the other gets a conflict', async () => {
    const t0 = await newTicket();
    const dispatched = (await h.runOk(DISPATCH, { input: { id: t0.id } }, { as: 'dispatcher.dongcheng' })).dispatchTicket.result.ticket;
    const [a, b] = await Promise.all([
      h.runOk(ACCEPT, { input: { id: t0.id, expectedVersion: dispatched.version } }, { as: 'street.qianmen' }),
      h.runOk(ACCEPT, { input: { id: t0.id, expectedVersion: dispatched.version } }, { as: 'admin' }),
    ]);
    const kinds = [a.acceptTicketPart.__typename, b.acceptTicketPart.__typename].sort();
    expect(kinds).toEqual(['AcceptTicketPartResult', 'TicketConflictError']);
    const loser = [a, b].find((x) => x.acceptTicketPart.__typename === 'TicketConflictError')!.acceptTicketPart;
    expect(loser).toMatchObject({ currentVersion: dispatched.version + 1, currentStatus: 'ACCEPTED' });
    const events = await h.db.prisma.ticketEvent.count({ where: { ticket: { number: t0.number }, type: 'ACCEPTED' } });
    expect(events).toBe(1);
  });

  it('merges a duplicate, which then accepts no more actions', async () => {
    const keep = await newTicket();
    const dup = await newTicket();
    const m = (await h.runOk(MERGE, { input: { id: dup.id, intoId: keep.id } }, { as: 'hotline.12345' })).mergeTicket.result.ticket;
    expect(m.status).toBe('MERGED');
    const again = (await h.runOk(DISPATCH, { input: { id: dup.id } }, { as: 'admin' })).dispatchTicket;
    expect(again).toMatchObject({ __typename: 'IllegalTransitionError', current: 'MERGED' });
  });
});

describe('overdue escalation', () => {
  it('announces tickets whose deadline passed since the last look, once', async () => {
    const h = await createHarness('sqlite');
    try {
      const { announceOverdue } = await import('../src/index.ts');
      const cell = await h.db.prisma.gridCell.findFirstOrThrow({ where: { community: { name: '草厂社区' } } });
      const created = await h.runOk(`mutation ($input: CreateTicketInput!) { createTicket(input: $input) { ... on CreateTicketResult { result { ticket { id number respondBy street { id } } } } } }`,
        { input: { channel: 'APP', categoryCode: 'FIRE_LANE', description: '消防通道被车辆占用', gridCellCode: cell.code } }, { as: 'resident.demo' });
      const ticket = created.createTicket.result.ticket;
      const street = await h.db.prisma.street.findFirstOrThrow({ where: { code: '110101011' } });
      const heard: unknown[] = [];
      const iterator = h.pubsub.subscribe('feed', `ticket:street:${street.id}`)[Symbol.asyncIterator]();
      const next = iterator.next().then((r) => heard.push(r.value));
      const respondBy = new Date(ticket.respondBy);
      const n = await announceOverdue(h.db.prisma, h.feeds, new Date(respondBy.getTime() - 1000), new Date(respondBy.getTime() + 1000));
      expect(n).toBeGreaterThanOrEqual(1);
      await next;
      expect(heard[0]).toMatchObject({ announcement: { type: 'OVERDUE', seq: 1, ticketId: expect.any(String) } });
      // the next look starts where this one ended: nothing twice
      expect(await announceOverdue(h.db.prisma, h.feeds, new Date(respondBy.getTime() + 1000), new Date(respondBy.getTime() + 2000))).toBe(0);
      // a second instance's watcher, whose window also holds that deadline, does not announce it again
      expect(await announceOverdue(h.db.prisma, h.feeds, new Date(respondBy.getTime() - 30_000), new Date(respondBy.getTime() + 30_000))).toBe(0);
      await iterator.return?.();
    } finally {
      await h.close();
    }
  });

  it('announces a passed deadline exactly once when the watchers of several instances race', async () => {
    const h = await createHarness('sqlite');
    try {
      const { announceOverdue } = await import('../src/index.ts');
      const cell = await h.db.prisma.gridCell.findFirstOrThrow({ where: { community: { name: '草厂社区' } } });
      const created = await h.runOk(`mutation ($input: CreateTicketInput!) { createTicket(input: $input) { ... on CreateTicketResult { result { ticket { respondBy } } } } }`,
        { input: { channel: 'APP', categoryCode: 'FIRE_LANE', description: '消防通道又被占用', gridCellCode: cell.code } }, { as: 'resident.demo' });
      const respondBy = new Date(created.createTicket.result.ticket.respondBy).getTime();
      // four watchers with different windows around the same deadline
      const counts = await Promise.all([1, 2, 3, 4].map((k) => announceOverdue(h.db.prisma, h.feeds, new Date(respondBy - k * 1000), new Date(respondBy + k * 500))));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    } finally {
      await h.close();
    }
  });
});

describe.each(await testProviders())('who may do what, per mutation, on %s', (provider) => {
  let h: SchemaHarness;
  let ticketId: string;
  beforeAll(async () => {
    h = await createHarness(provider);
    const cell = await h.db.prisma.gridCell.findFirstOrThrow({ where: { community: { name: '草厂社区' } }, orderBy: { code: 'asc' } });
    const r = await h.runOk(CREATE, { input: { channel: 'GRID_PATROL', categoryCode: 'GARBAGE', description: '垃圾桶满溢无人清运', gridCellCode: cell.code } }, { as: 'grid.caochang' });
    ticketId = r.createTicket.result.ticket.id;
  });
  afterAll(() => h?.close());

  // Each row: mutation, variables, a role that is refused, a role that is allowed — run in this order,
  // so each allowed step brings the ticket to the state the next one needs.
  const steps: [string, string, Record<string, unknown>, string, string][] = [
    ['dispatchTicket', DISPATCH, { dual: true }, 'council.caochang', 'street.qianmen'],
    ['acceptTicketPart', ACCEPT, { part: 'STREET' }, 'dispatcher.dongcheng', 'street.qianmen'],
    ['acceptTicketPart', ACCEPT, { part: 'COMMUNITY' }, 'party.caochang', 'grid.caochang'],
    ['addTicketProgress', PROGRESS, { part: 'STREET', note: '已安排清运' }, 'resident.demo', 'street.qianmen'],
    ['resolveTicketPart', RESOLVE, { part: 'STREET' }, 'grid.caochang', 'street.qianmen'],
    ['resolveTicketPart', RESOLVE, { part: 'COMMUNITY' }, 'council.caochang', 'grid.caochang'],
    ['recordTicketCallback', CALLBACK, { resolved: true, satisfaction: 'BASICALLY_SATISFIED' }, 'street.qianmen', 'hotline.12345'],
    ['reopenTicket', REOPEN, { reason: '回头看发现垃圾又堆积' }, 'grid.caochang', 'dispatcher.dongcheng'],
  ];
  it.each(steps.map(([field, query, vars, refused, allowed], step) => ({ step, field, query, vars, refused, allowed })))('step $step $field: refused to $refused, done by $allowed', async ({ field, query, vars, refused, allowed }) => {
    const denied = await h.run(query, { input: { id: ticketId, ...vars } }, { as: refused });
    const code = denied.errors?.[0]?.extensions?.code ?? (denied.data as any)?.[field]?.__typename;
    expect(['FORBIDDEN', 'NotFoundError']).toContain(code);
    const ok = await h.runOk(query, { input: { id: ticketId, ...vars } }, { as: allowed });
    expect(ok[field].__typename).toMatch(/Result$/);
  });
});

describe('part-level permissions and re-dispatch', () => {
  it('offers each side its own part actions, keeps accepted work on re-dispatch, and shows the filer their own data', async () => {
    const h = await createHarness('sqlite');
    try {
      const cell = await h.db.prisma.gridCell.findFirstOrThrow({ where: { community: { name: '草厂社区' } }, orderBy: { code: 'asc' } });
      const created = (await h.runOk(CREATE, { input: { channel: 'APP', categoryCode: 'DRAIN', description: '院内下水道堵塞污水外溢', gridCellCode: cell.code, complainant: { name: '赵敏', phone: '13700001111' } } }, { as: 'resident.demo' })).createTicket.result.ticket;
      expect(created.complainant).toEqual({ name: '赵敏', phone: '13700001111', masked: false });
      await h.runOk(DISPATCH, { input: { id: created.id, dual: true } }, { as: 'street.qianmen' });
      await h.runOk(ACCEPT, { input: { id: created.id, part: 'STREET' } }, { as: 'street.qianmen' });
      const CAN = `query ($n: String!) { ticket(number: $n) { status viewerCan parts { kind status viewerCan } } }`;
      const street = (await h.runOk(CAN, { n: created.number }, { as: 'street.qianmen' })).ticket;
      // the ticket reads DISPATCHED (the community side has not accepted), yet the street side can go on
      expect(street.status).toBe('DISPATCHED');
      expect(street.parts).toEqual([
        { kind: 'COMMUNITY', status: 'DISPATCHED', viewerCan: ['accept'] },
        { kind: 'STREET', status: 'ACCEPTED', viewerCan: ['progress', 'resolve'] },
      ]);
      expect(street.viewerCan).toEqual(expect.arrayContaining(['accept', 'progress', 'resolve']));
      const grid = (await h.runOk(CAN, { n: created.number }, { as: 'grid.caochang' })).ticket;
      expect(grid.parts.map((p: any) => p.viewerCan)).toEqual([['accept'], []]);
      // re-dispatching would throw away the street side's accepted work
      const again = (await h.runOk(DISPATCH, { input: { id: created.id } }, { as: 'dispatcher.dongcheng' })).dispatchTicket;
      expect(again).toMatchObject({ __typename: 'IllegalTransitionError', current: 'ACCEPTED', action: 'dispatch' });
    } finally {
      await h.close();
    }
  });
});
