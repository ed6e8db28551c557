// The ticket views' rules that need no browser: deadline clocks, the filters in the address bar, Beijing months, the
// intake form's channels and error placement, and the translation of the API's own event notes.
import { describe, expect, it } from 'vitest';
import { clockOf, type DeadlineFacts, isOverdueAt, missedAt, pendingDeadlines } from '../src/features/tickets/deadlines.ts';
import { roundedDuration } from '../src/ui/clock.ts';
import { filtersFromSearch, filtersToSearch, hasFilters, ticketFilterInput } from '../src/features/tickets/filters.ts';
import { channelsFor, intakeFieldOf, parseCoordinate } from '../src/features/tickets/intake.ts';
import { beijingDayAfter, beijingMonth, isMonth, recentMonths, shiftMonth } from '../src/features/tickets/months.ts';
import { eventNote } from '../src/features/tickets/events.ts';

const HOUR = 3_600_000;
const received = Date.parse('2026-11-22T00:00:00Z');
const at = (hours: number) => new Date(received + hours * HOUR).toISOString();

/** A ticket received at `received`, responding within 2 h, feedback 48 h, resolution 3 days. */
const ticket = (patch: Partial<DeadlineFacts> = {}): DeadlineFacts => ({
  status: 'DISPATCHED',
  respondBy: at(2),
  feedbackBy: at(48),
  resolveBy: at(72),
  respondedAt: null,
  feedbackAt: null,
  resolvedAt: null,
  missedDeadlines: [],
  ...patch,
});

describe('deadline clocks', () => {
  it('lists the deadlines not met yet; resolving counts as feedback', () => {
    expect(pendingDeadlines(ticket()).map((deadline) => deadline.kind)).toEqual(['RESPONSE', 'FEEDBACK', 'RESOLUTION']);
    expect(pendingDeadlines(ticket({ respondedAt: at(1) })).map((deadline) => deadline.kind)).toEqual(['FEEDBACK', 'RESOLUTION']);
    expect(pendingDeadlines(ticket({ respondedAt: at(1), resolvedAt: at(5) }))).toEqual([]);
    expect(pendingDeadlines(ticket({ resolveBy: null, respondedAt: at(1), feedbackAt: at(3) }))).toEqual([]);
  });

  it('shows the next deadline while none has passed, the longest-missed one after', () => {
    expect(clockOf(ticket(), received + HOUR)).toEqual({ kind: 'RESPONSE', ms: HOUR });
    expect(clockOf(ticket(), received + 7 * HOUR)).toEqual({ kind: 'RESPONSE', ms: -5 * HOUR });
    expect(clockOf(ticket({ respondedAt: at(1) }), received + 7 * HOUR)).toEqual({ kind: 'FEEDBACK', ms: 41 * HOUR });
  });

  it('shows no clock on a ticket nobody owes work on', () => {
    for (const status of ['RESOLVED', 'CALLED_BACK', 'CLOSED', 'MERGED'] as const) expect(clockOf(ticket({ status }), received)).toBeNull();
  });

  it('turns a row overdue the moment a deadline passes, without the API', () => {
    expect(isOverdueAt(ticket(), received + 2 * HOUR)).toBe(false);
    expect(isOverdueAt(ticket(), received + 2 * HOUR + 1)).toBe(true);
    expect(missedAt(ticket(), received + 49 * HOUR)).toEqual(['RESPONSE', 'FEEDBACK']);
  });

  it('keeps what the API found missed, and highlights only open tickets', () => {
    const late = ticket({ status: 'IN_PROGRESS', respondedAt: at(3), missedDeadlines: ['RESPONSE'] });
    expect(missedAt(late, received + 4 * HOUR)).toEqual(['RESPONSE']);
    expect(isOverdueAt(late, received + 4 * HOUR)).toBe(true);
    expect(isOverdueAt({ ...late, status: 'CLOSED' }, received + 4 * HOUR)).toBe(false);
    expect(missedAt({ ...late, status: 'MERGED' }, received + 100 * HOUR)).toEqual([]);
  });

  it('rounds spans the way people say them', () => {
    expect(roundedDuration(20_000)).toEqual({ unit: 'minutes', count: 1 });
    expect(roundedDuration(-25 * 60_000)).toEqual({ unit: 'minutes', count: 25 });
    expect(roundedDuration(3 * HOUR + 59 * 60_000)).toEqual({ unit: 'hours', count: 3 });
    expect(roundedDuration(-5 * HOUR)).toEqual({ unit: 'hours', count: 5 });
    expect(roundedDuration(47 * HOUR)).toEqual({ unit: 'hours', count: 47 });
    expect(roundedDuration(75 * HOUR)).toEqual({ unit: 'days', count: 3 });
  });
});

describe('inbox filters in the address bar', () => {
  it('reads what the address says, ignoring what is malformed', () => {
    expect(
      filtersFromSearch({ status: 'ACCEPTED,DISPATCHED,NOPE', category: 'ROOF_LEAK', channel: 'APP', overdue: '1', from: '2026-11-01', to: '2026-11-30', q: ' 漏雨 ' }),
    ).toEqual({ status: ['DISPATCHED', 'ACCEPTED'], category: 'ROOF_LEAK', channel: 'APP', overdue: true, from: '2026-11-01', to: '2026-11-30', keyword: '漏雨' });
    expect(filtersFromSearch({ category: "x' OR 1", channel: 'FAX', overdue: 'yes', from: '2026-13-45', to: 'tomorrow' })).toEqual({
      status: [],
      category: null,
      channel: null,
      overdue: false,
      from: null,
      to: null,
      keyword: '',
    });
  });

  it('writes the filters back, dropping the empty ones', () => {
    const filters = filtersFromSearch({ status: 'DISPATCHED', q: '漏雨' });
    expect(filtersToSearch(filters)).toEqual({ status: 'DISPATCHED', category: undefined, channel: undefined, overdue: undefined, from: undefined, to: undefined, q: '漏雨' });
    expect(filtersFromSearch(filtersToSearch(filters) as Record<string, string>)).toEqual(filters);
  });

  it('turns Beijing days into instants, the last day counted whole', () => {
    expect(ticketFilterInput(filtersFromSearch({ from: '2026-11-01', to: '2026-11-30', q: '漏雨', overdue: '1' }))).toEqual({
      receivedFrom: '2026-10-31T16:00:00.000Z',
      receivedTo: '2026-11-30T16:00:00.000Z',
      keyword: '漏雨',
      overdue: true,
    });
    expect(ticketFilterInput(filtersFromSearch({ to: '2026-12-31' }))?.receivedTo).toBe('2026-12-31T16:00:00.000Z');
  });

  it('sends no filter when nothing narrows the list', () => {
    expect(ticketFilterInput(filtersFromSearch({}))).toBeNull();
    expect(hasFilters(filtersFromSearch({ q: '   ' }))).toBe(false);
  });
});

describe('intake form', () => {
  it('offers residents the app, and staff their usual channel first', () => {
    expect(channelsFor([])).toEqual(['APP']);
    expect(channelsFor(['GRID_WORKER'])[0]).toBe('GRID_PATROL');
    expect(channelsFor(['STREET_OFFICER'])[0]).toBe('WALK_IN');
    expect(channelsFor(['COUNCIL_MEMBER'])).toEqual(['COUNCIL', 'APP']);
    expect(channelsFor(['INTEGRATOR'])[0]).toBe('HOTLINE_12345');
    expect(new Set(channelsFor(['ADMIN'])).size).toBe(7);
  });

  it('puts each validation issue next to its field', () => {
    expect(intakeFieldOf(['input', 'description'])).toBe('description');
    expect(intakeFieldOf(['input', 'complainant', 'phone'])).toBe('complainantPhone');
    expect(intakeFieldOf(['input', 'complainant', 'name'])).toBe('complainantName');
    expect(intakeFieldOf(['input', 'location', 'lat'])).toBe('location');
    expect(intakeFieldOf(['input', 'gridCellCode'])).toBe('location');
    expect(intakeFieldOf(['input', 'categoryCode'])).toBe('category');
    expect(intakeFieldOf(['input'])).toBe('form');
  });

  it('reads coordinates in range only', () => {
    expect(parseCoordinate(' 116.40123 ', 180)).toBe(116.40123);
    expect(parseCoordinate('', 90)).toBeNull();
    expect(parseCoordinate('91', 90)).toBeNull();
    expect(parseCoordinate('north', 90)).toBeNull();
  });
});

// in Node, solid-js is its server build, whose memos do not follow a language switch: zh-CN only here
describe('event notes', () => {
  it('translates the notes the API writes itself and keeps people’s own', () => {
    expect(eventNote('routed by COORDINATES')).toEqual({ text: '按坐标定位分派到所属街道', system: true });
    expect(eventNote('dual dispatch').text).toBe('双派单：街道与社区（物业）同时派发');
    expect(eventNote('merged into 20261122-000123').text).toBe('合并到工单 20261122-000123');
    expect(eventNote('已联系居民，正在协调相关部门处理')).toEqual({ text: '已联系居民，正在协调相关部门处理', system: false });
    expect(eventNote('routed by TELEPATHY').system).toBe(false);
    expect(eventNote('unsatisfied call-back').text).toBe('回访不满意，工单重新派发');
  });
});

describe('Beijing months', () => {
  it('counts months and days in Beijing time, whatever the machine’s zone', () => {
    // 2026-10-31 17:00 UTC is already 1 November in Beijing
    const at = Date.parse('2026-10-31T17:00:00Z');
    expect(beijingMonth(at)).toBe('2026-11');
    expect(beijingDayAfter(at, 0)).toBe('2026-11-01');
    expect(beijingDayAfter(at, 30)).toBe('2026-12-01');
    expect(recentMonths(at, 3)).toEqual(['2026-11', '2026-10', '2026-09']);
  });

  it('steps over year ends', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
  });

  it('accepts only real months from the address', () => {
    expect(isMonth('2026-10')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth(undefined)).toBe(false);
  });
});
