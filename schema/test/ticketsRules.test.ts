import { describe, expect, it } from 'vitest';
import type { Grant } from '../src/auth/viewer.ts';
import { pointInPolygon, type GeoJsonPolygon } from '../src/lib/geo.ts';
import { escapeLike, keywordTerms, likePattern } from '../src/lib/keywords.ts';
import { normalizeMainlandPhone } from '../src/lib/phone.ts';
import { compositeScore, monthlyRanking, RATE_WEIGHTS, threeRates, type RateRow } from '../src/modules/tickets/rateRules.ts';
import { deadlinesFor, isOverdue } from '../src/modules/tickets/ticketDeadlines.ts';
import { checkDispatchPlan, partTransition, ticketStatusFromParts } from '../src/modules/tickets/ticketDispatch.ts';
import { mayPerform, type TicketScope } from '../src/modules/tickets/ticketPolicy.ts';
import { routeByLocation, routeTicket, type RoutingCell, type RoutingIndex } from '../src/modules/tickets/ticketRouting.ts';
import { allowedActions, REOPEN_TARGET, transition, TICKET_ACTIONS, TICKET_STATUSES, type TicketAction, type TicketStatus } from '../src/modules/tickets/ticketStates.ts';

const grant = (g: Partial<Grant> & Pick<Grant, 'role'>): Grant => ({
  districtId: null, streetId: null, communityId: null, gridCellId: null, departmentId: null, ...g,
});

const H = 3_600_000;

describe('ticket state machine', () => {
  const satisfied = { resolved: true, satisfaction: 'SATISFIED' } as const;
  // every legal transition, written out by hand; anything not listed must fail
  const legal: [TicketStatus, TicketAction, TicketStatus][] = [
    ['RECEIVED', 'dispatch', 'DISPATCHED'],
    ['RECEIVED', 'merge', 'MERGED'],
    ['DISPATCHED', 'dispatch', 'DISPATCHED'],
    ['DISPATCHED', 'accept', 'ACCEPTED'],
    ['DISPATCHED', 'merge', 'MERGED'],
    ['ACCEPTED', 'progress', 'IN_PROGRESS'],
    ['ACCEPTED', 'resolve', 'RESOLVED'],
    ['ACCEPTED', 'merge', 'MERGED'],
    ['IN_PROGRESS', 'progress', 'IN_PROGRESS'],
    ['IN_PROGRESS', 'resolve', 'RESOLVED'],
    ['IN_PROGRESS', 'merge', 'MERGED'],
    ['RESOLVED', 'recordCallback', 'CALLED_BACK'],
    ['RESOLVED', 'reopen', 'DISPATCHED'],
    ['CALLED_BACK', 'close', 'CLOSED'],
    ['CALLED_BACK', 'reopen', 'DISPATCHED'],
    ['CLOSED', 'reopen', 'DISPATCHED'],
  ];

  it.each(legal)('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action, satisfied)).toEqual({ ok: true, next: to });
  });

  it('rejects every other (status, action) pair with a failure naming the current state', () => {
    const legalKeys = new Set(legal.map(([s, a]) => `${s}/${a}`));
    let failures = 0;
    for (const status of TICKET_STATUSES) {
      for (const action of TICKET_ACTIONS) {
        if (legalKeys.has(`${status}/${action}`)) continue;
        expect(transition(status, action, satisfied)).toEqual({ ok: false, reason: 'ILLEGAL_TRANSITION', current: status, action });
        failures += 1;
      }
    }
    expect(failures).toBe(TICKET_STATUSES.length * TICKET_ACTIONS.length - legal.length);
  });

  it.each([
    ['RECEIVED', 'accept'],
    ['DISPATCHED', 'resolve'],
    ['RESOLVED', 'close'],
    ['CLOSED', 'dispatch'],
    ['MERGED', 'reopen'],
    ['CALLED_BACK', 'recordCallback'],
  ] as const)('%s cannot %s', (current, action) => {
    const r = transition(current, action, satisfied);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.current).toBe(current);
  });

  it('reopens on an unsatisfied call-back, closes the path on satisfied or basically satisfied', () => {
    expect(REOPEN_TARGET).toBe('DISPATCHED');
    expect(transition('RESOLVED', 'recordCallback', { resolved: true, satisfaction: 'UNSATISFIED' })).toEqual({ ok: true, next: 'DISPATCHED' });
    expect(transition('RESOLVED', 'recordCallback', { resolved: false, satisfaction: 'UNSATISFIED' })).toEqual({ ok: true, next: 'DISPATCHED' });
    expect(transition('RESOLVED', 'recordCallback', { resolved: true, satisfaction: 'BASICALLY_SATISFIED' })).toEqual({ ok: true, next: 'CALLED_BACK' });
    // the resident accepted an explanation: not resolved, but no reopen
    expect(transition('RESOLVED', 'recordCallback', { resolved: false, satisfaction: 'SATISFIED' })).toEqual({ ok: true, next: 'CALLED_BACK' });
  });

  it('throws (a caller bug) when recordCallback comes without the answer', () => {
    expect(() => transition('RESOLVED', 'recordCallback' as TicketAction)).toThrow(TypeError);
  });

  it('lists allowed actions per status', () => {
    expect(allowedActions('RECEIVED')).toEqual(['dispatch', 'merge']);
    expect(allowedActions('IN_PROGRESS')).toEqual(['progress', 'resolve', 'merge']);
    expect(allowedActions('RESOLVED')).toEqual(['recordCallback', 'reopen']);
    expect(allowedActions('CLOSED')).toEqual(['reopen']);
    expect(allowedActions('MERGED')).toEqual([]);
  });

  it('walks a whole life with a reopen', () => {
    let s: TicketStatus = 'RECEIVED';
    const step = (r: ReturnType<typeof transition>) => {
      if (!r.ok) throw new Error(`illegal from ${r.current}`);
      s = r.next;
    };
    step(transition(s, 'dispatch'));
    step(transition(s, 'accept'));
    step(transition(s, 'progress'));
    step(transition(s, 'resolve'));
    step(transition(s, 'recordCallback', { resolved: false, satisfaction: 'UNSATISFIED' }));
    expect(s).toBe('DISPATCHED');
    step(transition(s, 'accept'));
    step(transition(s, 'resolve'));
    step(transition(s, 'recordCallback', { resolved: true, satisfaction: 'SATISFIED' }));
    step(transition(s, 'close'));
    expect(s).toBe('CLOSED');
  });
});

describe('dual dispatch (双派单)', () => {
  it('moves a part through its own life and rejects skips', () => {
    expect(partTransition('DISPATCHED', 'accept')).toEqual({ ok: true, next: 'ACCEPTED' });
    expect(partTransition('ACCEPTED', 'progress')).toEqual({ ok: true, next: 'IN_PROGRESS' });
    expect(partTransition('IN_PROGRESS', 'progress')).toEqual({ ok: true, next: 'IN_PROGRESS' });
    expect(partTransition('ACCEPTED', 'resolve')).toEqual({ ok: true, next: 'RESOLVED' });
    expect(partTransition('IN_PROGRESS', 'resolve')).toEqual({ ok: true, next: 'RESOLVED' });
    expect(partTransition('RESOLVED', 'reopen')).toEqual({ ok: true, next: 'DISPATCHED' });
    expect(partTransition('DISPATCHED', 'resolve')).toEqual({ ok: false, reason: 'ILLEGAL_TRANSITION', current: 'DISPATCHED', action: 'resolve' });
    expect(partTransition('RESOLVED', 'accept')).toEqual({ ok: false, reason: 'ILLEGAL_TRANSITION', current: 'RESOLVED', action: 'accept' });
    expect(partTransition('IN_PROGRESS', 'reopen')).toMatchObject({ ok: false, current: 'IN_PROGRESS' });
  });

  it('counts the ticket resolved only when every part is', () => {
    expect(ticketStatusFromParts([])).toBe('RECEIVED');
    expect(ticketStatusFromParts([{ status: 'RESOLVED' }])).toBe('RESOLVED');
    expect(ticketStatusFromParts([{ status: 'RESOLVED' }, { status: 'IN_PROGRESS' }])).toBe('IN_PROGRESS');
    expect(ticketStatusFromParts([{ status: 'RESOLVED' }, { status: 'DISPATCHED' }])).toBe('DISPATCHED');
    expect(ticketStatusFromParts([{ status: 'ACCEPTED' }, { status: 'IN_PROGRESS' }])).toBe('ACCEPTED');
    expect(ticketStatusFromParts([{ status: 'RESOLVED' }, { status: 'RESOLVED' }])).toBe('RESOLVED');
  });

  it('accepts one or two parts, one per side', () => {
    expect(checkDispatchPlan(['STREET'])).toEqual({ ok: true });
    expect(checkDispatchPlan(['COMMUNITY'])).toEqual({ ok: true });
    expect(checkDispatchPlan(['STREET', 'COMMUNITY'])).toEqual({ ok: true });
    expect(checkDispatchPlan([])).toEqual({ ok: false, reason: 'INVALID_DISPATCH' });
    expect(checkDispatchPlan(['STREET', 'STREET'])).toEqual({ ok: false, reason: 'INVALID_DISPATCH' });
  });
});

describe('who may do what', () => {
  const ticket: TicketScope = { districtId: 'd1', streetId: 's1', communityId: 'c1', gridCellId: 'g1', categoryId: 'cat1' };
  const admin = grant({ role: 'ADMIN' });
  const dispatcher = grant({ role: 'DISTRICT_DISPATCHER', districtId: 'd1' });
  const otherDispatcher = grant({ role: 'DISTRICT_DISPATCHER', districtId: 'd2' });
  const officer = grant({ role: 'STREET_OFFICER', streetId: 's1' });
  const otherOfficer = grant({ role: 'STREET_OFFICER', streetId: 's2' });
  const gridWorker = grant({ role: 'GRID_WORKER', gridCellId: 'g1' });
  const gridWorkerOfCommunity = grant({ role: 'GRID_WORKER', gridCellId: 'g9', communityId: 'c1' });
  const otherGridWorker = grant({ role: 'GRID_WORKER', gridCellId: 'g2' });
  const council = grant({ role: 'COUNCIL_MEMBER', communityId: 'c1' });
  const party = grant({ role: 'PARTY_MEMBER', communityId: 'c1' });
  // the power list (权力清单) travels with a department grant: its level, district and duty categories
  const department = grant({ role: 'DEPARTMENT_OFFICER', departmentId: 'dep1', department: { level: 'DISTRICT', districtId: 'd1', categoryIds: ['cat1'] } });
  const otherDepartment = grant({ role: 'DEPARTMENT_OFFICER', departmentId: 'dep2', department: { level: 'DISTRICT', districtId: 'd1', categoryIds: ['cat2'] } });
  const sameDutyOtherDistrict = grant({ role: 'DEPARTMENT_OFFICER', departmentId: 'dep3', department: { level: 'DISTRICT', districtId: 'd2', categoryIds: ['cat1'] } });
  const cityDepartment = grant({ role: 'DEPARTMENT_OFFICER', departmentId: 'dep4', department: { level: 'CITY', districtId: null, categoryIds: ['cat1'] } });
  const integrator = grant({ role: 'INTEGRATOR' });

  it('lets anyone signed in create, including residents with no role, but not anonymous callers', () => {
    expect(mayPerform('create', [], ticket)).toBe(true);
    expect(mayPerform('create', [gridWorker], ticket)).toBe(true);
    expect(mayPerform('create', [integrator], ticket)).toBe(true);
    expect(mayPerform('create', [council], ticket)).toBe(true);
    expect(mayPerform('create', null, ticket)).toBe(false);
  });

  it.each([
    // dispatch
    ['dispatch', admin, undefined, true],
    ['dispatch', dispatcher, undefined, true],
    ['dispatch', officer, undefined, true],
    ['dispatch', otherDispatcher, undefined, false],
    ['dispatch', otherOfficer, undefined, false],
    ['dispatch', gridWorker, undefined, false],
    ['dispatch', integrator, undefined, false],
    // street part (and single dispatch)
    ['accept', officer, 'STREET', true],
    ['accept', officer, undefined, true],
    ['accept', otherOfficer, 'STREET', false],
    ['accept', dispatcher, 'STREET', false],
    ['accept', gridWorker, 'STREET', false],
    ['accept', gridWorker, undefined, false],
    ['resolve', officer, 'STREET', true],
    ['resolve', department, 'STREET', false],
    // community part
    ['accept', gridWorker, 'COMMUNITY', true],
    ['accept', gridWorkerOfCommunity, 'COMMUNITY', true],
    ['accept', otherGridWorker, 'COMMUNITY', false],
    ['accept', officer, 'COMMUNITY', true],
    ['accept', council, 'COMMUNITY', false],
    ['accept', party, 'COMMUNITY', false],
    ['resolve', gridWorker, 'COMMUNITY', true],
    ['resolve', otherOfficer, 'COMMUNITY', false],
    // progress notes
    ['progress', officer, 'STREET', true],
    ['progress', department, 'STREET', true],
    ['progress', department, undefined, true],
    ['progress', department, 'COMMUNITY', false],
    ['progress', otherDepartment, 'STREET', false],
    ['progress', sameDutyOtherDistrict, 'STREET', false],
    ['progress', cityDepartment, 'STREET', true],
    ['progress', gridWorker, 'COMMUNITY', true],
    ['progress', dispatcher, 'STREET', false],
    // call-back and close: never the graded side
    ['recordCallback', dispatcher, undefined, true],
    ['recordCallback', integrator, undefined, true],
    ['recordCallback', officer, undefined, false],
    ['recordCallback', otherDispatcher, undefined, false],
    ['close', integrator, undefined, true],
    ['close', officer, undefined, false],
    // reopen
    ['reopen', dispatcher, undefined, true],
    ['reopen', integrator, undefined, true],
    ['reopen', officer, undefined, true],
    ['reopen', gridWorker, undefined, false],
    // merge: not the street (merging hides tickets from the response rate)
    ['merge', dispatcher, undefined, true],
    ['merge', integrator, undefined, true],
    ['merge', officer, undefined, false],
    ['merge', admin, undefined, true],
  ] as const)('%s by %o (part %s) → %s', (action, g, part, expected) => {
    expect(mayPerform(action, [g], ticket, part)).toBe(expected);
  });

  it('denies signed-in residents everything but create', () => {
    for (const action of TICKET_ACTIONS) expect(mayPerform(action, [], ticket)).toBe(false);
  });

  it('passes when any one of several grants allows', () => {
    expect(mayPerform('accept', [otherOfficer, party], ticket)).toBe(false);
    expect(mayPerform('accept', [otherOfficer, party, officer], ticket)).toBe(true);
  });

  it('puts tickets not yet placed in a district in every dispatcher’s pool, and no street officer’s', () => {
    const unplaced: TicketScope = { districtId: null, streetId: null, communityId: null, gridCellId: null, categoryId: 'cat1' };
    expect(mayPerform('dispatch', [otherDispatcher], unplaced)).toBe(true);
    expect(mayPerform('dispatch', [grant({ role: 'STREET_OFFICER', streetId: null })], unplaced)).toBe(false);
    expect(mayPerform('accept', [grant({ role: 'GRID_WORKER', gridCellId: null })], unplaced, 'COMMUNITY')).toBe(false);
  });
});

describe('deadlines', () => {
  const receivedAt = new Date('2024-03-30T23:30:00+08:00');
  const d = deadlinesFor(receivedAt, { responseHours: 2, resolveDays: 7 });

  it('adds exact wall-clock hours, feedback always at 48 h', () => {
    expect(d.respondBy.getTime() - receivedAt.getTime()).toBe(2 * H);
    expect(d.feedbackBy.toISOString()).toBe('2024-04-01T15:30:00.000Z');
    // across the European DST change (31 March 2024) nothing shifts: instants, not local times
    expect(d.resolveBy?.getTime()).toBe(receivedAt.getTime() + 7 * 24 * H);
    expect(deadlinesFor(receivedAt, { responseHours: 24 }).resolveBy).toBeUndefined();
  });

  it('gives the feedback deadline even when the response deadline is longer', () => {
    const long = deadlinesFor(receivedAt, { responseHours: 72 });
    expect(long.feedbackBy.getTime()).toBe(receivedAt.getTime() + 48 * H);
    expect(long.respondBy.getTime()).toBe(receivedAt.getTime() + 72 * H);
  });

  it('rejects nonsense category settings', () => {
    expect(() => deadlinesFor(receivedAt, { responseHours: -1 })).toThrow(RangeError);
    expect(() => deadlinesFor(receivedAt, { responseHours: Number.NaN })).toThrow(RangeError);
    expect(() => deadlinesFor(new Date('nope'), { responseHours: 1 })).toThrow(RangeError);
  });

  const open = { respondBy: d.respondBy, feedbackBy: d.feedbackBy, resolveBy: d.resolveBy ?? null, respondedAt: null, feedbackAt: null, resolvedAt: null };
  const at = (ms: number) => new Date(receivedAt.getTime() + ms);

  it('is not overdue at exactly 48 h, and is 1 ms later', () => {
    const responded = { ...open, respondedAt: at(H) };
    expect(isOverdue(responded, at(48 * H))).toEqual([]);
    expect(isOverdue(responded, at(48 * H + 1))).toEqual(['FEEDBACK']);
  });

  it('counts feedback given exactly at 48 h as met and 1 ms late as missed, even once closed', () => {
    const base = { ...open, respondedAt: at(H), resolvedAt: at(100 * H) };
    expect(isOverdue({ ...base, feedbackAt: at(48 * H) }, at(200 * H))).toEqual([]);
    expect(isOverdue({ ...base, feedbackAt: at(48 * H + 1) }, at(200 * H))).toEqual(['FEEDBACK']);
  });

  it('treats an early resolution as the feedback', () => {
    expect(isOverdue({ ...open, respondedAt: at(H), resolvedAt: at(10 * H) }, at(300 * H))).toEqual([]);
  });

  it('lists every missed deadline', () => {
    expect(isOverdue(open, at(8 * 24 * H))).toEqual(['RESPONSE', 'FEEDBACK', 'RESOLUTION']);
    expect(isOverdue({ ...open, respondedAt: at(3 * H) }, at(3 * H))).toEqual(['RESPONSE']);
    expect(isOverdue(open, at(2 * H))).toEqual([]);
    expect(isOverdue({ ...open, status: 'MERGED' }, at(8 * 24 * H))).toEqual([]);
  });
});

describe('pointInPolygon', () => {
  // a 4×4 square with a 2×2 hole in the middle; closed rings as GeoJSON requires
  const square: GeoJsonPolygon = {
    type: 'Polygon',
    coordinates: [
      [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
      [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]],
    ],
  };

  it.each([
    ['inside, outside the hole', [0.5, 0.5], true],
    ['on an outer edge', [2, 0], true],
    ['on an outer vertex', [4, 4], true],
    ['on the left edge', [0, 2.5], true],
    ['inside the hole', [2, 2], false],
    ['on the hole’s edge', [2, 1], true],
    ['on a hole vertex', [3, 3], true],
    ['outside', [5, 2], false],
    ['outside, level with a vertex', [-1, 4], false],
    ['just outside an edge', [4.000001, 2], false],
  ] as const)('%s %j → %s', (_what, p, expected) => {
    expect(pointInPolygon(p, square)).toBe(expected);
  });

  it('handles unclosed rings, concave shapes, multipolygons and bad input', () => {
    const l = { type: 'Polygon' as const, coordinates: [[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]]] };
    expect(pointInPolygon([0.5, 1.5], l)).toBe(true);
    expect(pointInPolygon([1.5, 1.5], l)).toBe(false);
    const multi = { type: 'MultiPolygon' as const, coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]] };
    expect(pointInPolygon([5.8, 5.2], multi)).toBe(true);
    expect(pointInPolygon([3, 3], multi)).toBe(false);
    expect(pointInPolygon([Number.NaN, 1], square)).toBe(false);
    expect(pointInPolygon([1, 1], { type: 'Polygon', coordinates: [] })).toBe(false);
  });

  it('catches a point on a real-world diagonal border despite floating-point error', () => {
    const tri: GeoJsonPolygon = { type: 'Polygon', coordinates: [[[116.3, 39.9], [116.41, 39.9], [116.3, 39.97], [116.3, 39.9]]] };
    const t = 0.37;
    const onBorder: [number, number] = [116.41 + t * (116.3 - 116.41), 39.9 + t * (39.97 - 39.9)];
    expect(pointInPolygon(onBorder, tri)).toBe(true);
    expect(pointInPolygon([onBorder[0] + 1e-6, onBorder[1]], tri)).toBe(false);
  });
});

describe('routing', () => {
  const box = (x0: number, y0: number, x1: number, y1: number): GeoJsonPolygon => ({
    type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
  });
  const cells: RoutingCell[] = [
    { id: 'cellB', code: 'DC-002', communityId: 'c2', streetId: 's1', districtId: 'd1', polygon: box(1, 0, 2, 1), centroid: [1.5, 0.5] },
    { id: 'cellA', code: 'DC-001', communityId: 'c1', streetId: 's1', districtId: 'd1', polygon: box(0, 0, 1, 1), centroid: [0.5, 0.5] },
    { id: 'cellC', code: 'DC-003', communityId: 'c3', streetId: 's2', districtId: 'd1', polygon: box(5, 5, 6, 6), centroid: [5.5, 5.5] },
    { id: 'cellD', code: 'DC-000', communityId: 'c9', streetId: 's9', districtId: 'd1', polygon: null, centroid: [0.5, 0.5] },
  ];
  const index: RoutingIndex = {
    cells,
    assets: [{ code: '11010100', gridCellId: 'cellC' }, { code: '99999999', gridCellId: 'gone' }],
    places: [
      { kind: 'STREET', name: '鲁谷街道', aliases: ['鲁谷'], streetId: 's1', districtId: 'd1' },
      { kind: 'COMMUNITY', name: '鲁谷社区', streetId: 's1', communityId: 'c1', districtId: 'd1' },
      { kind: 'STREET', name: '东花市街道', aliases: ['东花市', '东'], streetId: 's2', districtId: 'd1' },
      { kind: 'COMMUNITY', name: '广外南里社区', streetId: 's2', communityId: 'c3', districtId: 'd1' },
    ],
    defaultDistrictId: 'd1',
  };

  it('routes a point to its cell, the first by code on a shared border, and skips centroid-only cells', () => {
    expect(routeByLocation([0.5, 0.5], cells)?.id).toBe('cellA');
    expect(routeByLocation([1, 0.5], cells)?.id).toBe('cellA'); // border of A and B: DC-001 < DC-002
    expect(routeByLocation([1.5, 0.5], cells)?.id).toBe('cellB');
    expect(routeByLocation([3, 3], cells)).toBeNull();
  });

  it('prefers the grid cell code over coordinates, asset and address', () => {
    const r = routeTicket({ gridCellCode: ' dc-003 ', point: [0.5, 0.5], assetCode: '11010100', address: '鲁谷社区' }, index);
    expect(r).toEqual({ kind: 'GRID_CELL', via: 'GRID_CELL_CODE', cellId: 'cellC', communityId: 'c3', streetId: 's2', districtId: 'd1', unmatched: [] });
  });

  it('prefers coordinates over the asset code and the address', () => {
    const r = routeTicket({ point: [1.5, 0.5], assetCode: '11010100', address: '广外南里社区' }, index);
    expect(r).toMatchObject({ kind: 'GRID_CELL', via: 'COORDINATES', cellId: 'cellB' });
  });

  it('falls back to the asset when the point is outside every grid, and reports the miss', () => {
    const r = routeTicket({ point: [9, 9], assetCode: '1101 0100', address: '鲁谷' }, index);
    expect(r).toMatchObject({ kind: 'GRID_CELL', via: 'ASSET_CODE', cellId: 'cellC', unmatched: ['COORDINATES'] });
  });

  it('falls back to the longest name in the address, a community winning over its street', () => {
    expect(routeTicket({ gridCellCode: 'NOPE', assetCode: '99999999', address: '北京市石景山区鲁谷街道鲁谷社区3号楼' }, index)).toEqual({
      kind: 'ADDRESS_MATCH', streetId: 's1', communityId: 'c1', districtId: 'd1', matched: '鲁谷社区', unmatched: ['GRID_CELL_CODE', 'ASSET_CODE'],
    });
    expect(routeTicket({ address: '东城区 东花市 某胡同' }, index)).toMatchObject({ kind: 'ADDRESS_MATCH', streetId: 's2', communityId: null, matched: '东花市' });
  });

  it('ignores one-character aliases and sends the rest to the district dispatcher', () => {
    expect(routeTicket({ address: '东边的小区' }, index)).toEqual({ kind: 'DISTRICT_DISPATCHER', districtId: 'd1', unmatched: ['ADDRESS'] });
    expect(routeTicket({}, { ...index, defaultDistrictId: null })).toEqual({ kind: 'DISTRICT_DISPATCHER', districtId: null, unmatched: [] });
    expect(routeTicket({ point: [9, 9] }, index)).toEqual({ kind: 'DISTRICT_DISPATCHER', districtId: 'd1', unmatched: ['COORDINATES'] });
  });
});

describe('the three rates (三率)', () => {
  const t0 = Date.UTC(2024, 4, 1); // 1 May 2024
  const row = (over: Partial<RateRow> & { hourReceived: number; respondedAfterH?: number | null; dueH?: number }): RateRow => {
    const receivedAt = new Date(t0 + over.hourReceived * H);
    const respondBy = new Date(receivedAt.getTime() + (over.dueH ?? 2) * H);
    const respondedAt = over.respondedAfterH == null ? null : new Date(receivedAt.getTime() + over.respondedAfterH * H);
    return { status: 'CLOSED', receivedAt, respondBy, respondedAt, callback: null, ...over };
  };
  // hand-computed month:
  //  1 on time (exactly at the deadline), resolved + satisfied
  //  2 on time, not resolved + basically satisfied
  //  3 late, resolved + unsatisfied
  //  4 never responded, no call-back
  //  5 on time, no call-back yet
  //  6 merged duplicate: responded late and called back, must count nowhere
  //  7 received next month: out of period
  const rows: RateRow[] = [
    row({ hourReceived: 1, respondedAfterH: 2, callback: { resolved: true, satisfaction: 'SATISFIED' } }),
    row({ hourReceived: 2, respondedAfterH: 1, callback: { resolved: false, satisfaction: 'BASICALLY_SATISFIED' } }),
    row({ hourReceived: 3, respondedAfterH: 5, callback: { resolved: true, satisfaction: 'UNSATISFIED' } }),
    row({ hourReceived: 4, respondedAfterH: null, status: 'DISPATCHED' }),
    row({ hourReceived: 5, respondedAfterH: 0.5, status: 'IN_PROGRESS' }),
    row({ hourReceived: 6, respondedAfterH: 9, status: 'MERGED', callback: { resolved: false, satisfaction: 'UNSATISFIED' } }),
    row({ hourReceived: 31 * 24 + 1, respondedAfterH: 1, callback: { resolved: true, satisfaction: 'SATISFIED' } }),
  ];
  const may = { from: new Date(t0), to: new Date(Date.UTC(2024, 5, 1)) };

  it('computes exact counts and rates for a hand-worked month', () => {
    expect(threeRates(rows, { period: may })).toEqual({
      received: 5,
      respondedInTime: 3,
      callbacks: 3,
      resolved: 2,
      satisfied: 2,
      responseRate: 3 / 5,
      resolutionRate: 2 / 3,
      satisfactionRate: 2 / 3,
    });
  });

  it('leaves tickets still inside their response window out of a live figure', () => {
    // as of hour 5.5, ticket 4 (due hour 6, no response) is not late yet and drops out; ticket 5 responded
    const live = threeRates(rows, { period: may, asOf: new Date(t0 + 5.5 * H) });
    expect(live.received).toBe(4);
    expect(live.responseRate).toBe(3 / 4);
    const later = threeRates(rows, { period: may, asOf: new Date(t0 + 6 * H + 1) });
    expect(later.received).toBe(5);
  });

  it('is null, not 0, when a denominator is 0', () => {
    expect(threeRates([])).toEqual({
      received: 0, respondedInTime: 0, callbacks: 0, resolved: 0, satisfied: 0,
      responseRate: null, resolutionRate: null, satisfactionRate: null,
    });
    const noCallbacks = threeRates([row({ hourReceived: 1, respondedAfterH: 3 })]);
    expect(noCallbacks.responseRate).toBe(0);
    expect(noCallbacks.resolutionRate).toBeNull();
    expect(noCallbacks.satisfactionRate).toBeNull();
    expect(threeRates([row({ hourReceived: 1, status: 'MERGED', respondedAfterH: 1 })]).responseRate).toBeNull();
  });
});

describe('monthly ranking (月度点评)', () => {
  const s = (streetId: string, response: number | null, resolution: number | null, satisfaction: number | null) => ({
    streetId, responseRate: response, resolutionRate: resolution, satisfactionRate: satisfaction,
  });

  it('scores with the published weights, renormalised over the rates present', () => {
    expect(RATE_WEIGHTS.response + RATE_WEIGHTS.resolution + RATE_WEIGHTS.satisfaction).toBeCloseTo(1, 12);
    expect(compositeScore(s('x', 1, 0.5, 0.5))).toBe(55);
    expect(compositeScore(s('x', 0.8, null, null))).toBe(80);
    expect(compositeScore(s('x', null, null, null))).toBeNull();
    expect(compositeScore(s('x', 1, 0, 0), { response: 1, resolution: 1, satisfaction: 2 })).toBe(25);
  });

  it('orders by score, breaks ties by satisfaction then id, shares the rank of full ties, names the bottom', () => {
    const { ranking, bottom } = monthlyRanking([
      s('s05', 0.9, 0.9, 0.9), // 90
      s('s02', 1, 0.8, 0.8),   // 82
      s('s03', 0.1, 0.9, 0.8), // 77.5
      s('s04', 0.1, 0.8, 0.9), // 77.5, more satisfied than s03
      s('s01', 0.5, 0.5, 0.5), // 50
      s('s09', 0.5, 0.5, 0.5), // 50, full tie with s01
      s('s06', 0.9, 0.7, 0.7),
      s('s07', 0.9, 0.7, 0.7),
      s('s08', 0.95, 0.8, 0.8),
      s('s10', 0.95, 0.8, 0.8),
      s('s11', 0.95, 0.8, 0.8),
      s('s00', null, null, null), // no tickets
    ]);
    // by hand: s02 = 0.1 + 0.36 + 0.36 = 0.82; s08 = 0.095 + 0.36 + 0.36 = 0.815; s03 = 0.01 + 0.405 + 0.36 = 0.775;
    // s06 = 0.09 + 0.315 + 0.315 = 0.72
    expect(ranking.map((r) => r.street.streetId)).toEqual(['s05', 's02', 's08', 's10', 's11', 's04', 's03', 's06', 's07', 's01', 's09', 's00']);
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3, 3, 3, 6, 7, 8, 8, 10, 10, null]);
    expect(ranking.map((r) => r.score)).toEqual([90, 82, 81.5, 81.5, 81.5, 77.5, 77.5, 72, 72, 50, 50, null]);
    // 11 ranked → 10 % → 1 named; s09 ties s01 at the cut-off, so both are named; s00 never is
    expect(bottom).toEqual(['s01', 's09']);
  });

  it('names at least one, never a street tied with the best, and nobody when nobody is ranked', () => {
    expect(monthlyRanking([s('a', 1, 1, 1), s('b', 0.2, 0.2, 0.2)]).bottom).toEqual(['b']);
    expect(monthlyRanking([s('a', 1, 1, 1), s('b', 1, 1, 1)]).bottom).toEqual([]);
    expect(monthlyRanking([s('a', 1, 1, 1)]).bottom).toEqual([]);
    expect(monthlyRanking([s('z', null, null, null)]).bottom).toEqual([]);
    const twenty = Array.from({ length: 20 }, (_, i) => s(`s${String(i).padStart(2, '0')}`, i / 20, i / 20, i / 20));
    expect(monthlyRanking(twenty).bottom).toEqual(['s01', 's00']);
  });

  it('does not depend on input order', () => {
    const list = [s('b', 0.5, 0.5, 0.5), s('a', 0.5, 0.5, 0.5), s('c', 0.9, 0.9, 0.9)];
    const forward = monthlyRanking(list).ranking.map((r) => r.street.streetId);
    const backward = monthlyRanking([...list].reverse()).ranking.map((r) => r.street.streetId);
    expect(forward).toEqual(['c', 'a', 'b']);
    expect(backward).toEqual(forward);
  });

  it('rejects unusable weights', () => {
    expect(() => monthlyRanking([], { response: 0, resolution: 0, satisfaction: 0 })).toThrow(RangeError);
    expect(() => monthlyRanking([], { response: -1, resolution: 1, satisfaction: 1 })).toThrow(RangeError);
  });
});

describe('normalizeMainlandPhone', () => {
  it.each([
    ['13812345678', '13812345678', 'MOBILE'],
    ['138 1234 5678', '13812345678', 'MOBILE'],
    ['138-1234-5678', '13812345678', 'MOBILE'],
    ['+86 138 1234 5678', '13812345678', 'MOBILE'],
    ['8613812345678', '13812345678', 'MOBILE'],
    ['１９９１２３４５６７８', '19912345678', 'MOBILE'],
    ['010-62345678', '01062345678', 'LANDLINE'],
    ['(010) 6512 3456', '01065123456', 'LANDLINE'],
    ['+86 10 8888 6666', '01088886666', 'LANDLINE'],
  ])('%s → %s', (input, phone, kind) => {
    expect(normalizeMainlandPhone(input)).toEqual({ ok: true, phone, kind });
  });

  it.each([
    '12812345678', // 12x is not a mobile prefix
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '021-12345678', // Shanghai
    '010-02345678', // subscriber numbers start with 2–9
    '010-12345678', // …a leading 1 is a service number (010-12345), not a line
    '010-1234567', // 7 digits
    '12345678', // no area code
    '12345',
    '+1 415 555 0100',
    '+8613812345678x',
    '138.1234.5678',
    '',
  ])('%s is invalid', (input) => {
    expect(normalizeMainlandPhone(input)).toEqual({ ok: false, reason: 'INVALID_PHONE' });
  });
});

describe('keyword search', () => {
  it('treats each chunk as a substring term, folding width and case', () => {
    expect(keywordTerms('房屋漏雨')).toEqual(['房屋漏雨']);
    expect(keywordTerms('  房屋漏雨　东花市 ')).toEqual(['房屋漏雨', '东花市']);
    expect(keywordTerms('地锁，停车、Parking')).toEqual(['地锁', '停车', 'parking']);
    expect(keywordTerms('ＡＢＣ abc')).toEqual(['abc']);
    expect(keywordTerms('   ')).toEqual([]);
  });

  it('drops terms already contained in another (AND adds nothing)', () => {
    expect(keywordTerms('漏雨 房屋漏雨 漏雨')).toEqual(['房屋漏雨']);
  });

  it('caps the number of terms', () => {
    expect(keywordTerms('a1 a2 a3 a4 a5 a6 a7 a8 a9 a10')).toHaveLength(8);
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('100%_满意\\')).toBe('100\\%\\_满意\\\\');
    expect(likePattern('漏雨')).toBe('%漏雨%');
    expect(likePattern('50%')).toBe('%50\\%%');
  });
});
