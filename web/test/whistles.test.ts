// The whistles section's rules without a browser: the board's feeds per role, the departments a
// viewer acts for, the clock to the second; the whistle form's summons list (exactly one lead); the
// detail page's rating window and history notes; the ranking's clocks and weights.
import { describe, expect, it } from 'vitest';
import { whistlePath, whistleTabOf } from '../src/features/whistles/paths.ts';
import { clockOutcome, parseWeight, weightsProblem } from '../src/features/whistles/ranking.ts';
import {
  addSummons,
  removeSummons,
  setLead,
  type SummonsDraft,
  summonsInput,
  summonsListProblem,
  whistleFormFieldOf,
  whistleFormFieldOfEntity,
} from '../src/features/whistles/summonsList.ts';
import { whistleEventName, whistleEventNote } from '../src/features/whistles/whistleEvents.ts';
import { clockText, isLiveStage, ratingWindowOpen, viewerDepartments, whistleFeeds } from '../src/features/whistles/whistleFeeds.ts';

const none = { street: null, department: null, district: null };

describe('whistle board', () => {
  it('follows a street officer’s street, a department officer’s department and a dispatcher’s district', () => {
    expect(whistleFeeds({ roles: [{ ...none, role: 'STREET_OFFICER', street: { code: '110101011' } }] })).toEqual([{ kind: 'street', code: '110101011' }]);
    expect(whistleFeeds({ roles: [{ ...none, role: 'DEPARTMENT_OFFICER', department: { code: '110101-CGZF' } }] })).toEqual([
      { kind: 'department', code: '110101-CGZF' },
    ]);
    // a street inside a dispatched district comes with the district's feed
    expect(
      whistleFeeds({
        roles: [
          { ...none, role: 'DISTRICT_DISPATCHER', district: { code: '110101' } },
          { ...none, role: 'STREET_OFFICER', street: { code: '110101011' } },
          { ...none, role: 'STREET_OFFICER', street: { code: '110102020' } },
        ],
      }),
    ).toEqual([
      { kind: 'district', code: '110101' },
      { kind: 'street', code: '110102020' },
    ]);
    expect(whistleFeeds({ roles: [{ ...none, role: 'ADMIN' }] })).toEqual([]);
  });

  it('acts only for the viewer’s own departments', () => {
    const roles = [
      { ...none, role: 'DEPARTMENT_OFFICER' as const, department: { code: '110101-CGZF' } },
      { ...none, role: 'STREET_OFFICER' as const, street: { code: '110101011' } },
    ];
    expect([...viewerDepartments({ roles })]).toEqual(['110101-CGZF']);
  });

  it('reads a clock to the second, either side of the deadline', () => {
    expect(clockText(3_723_000)).toBe('1:02:03');
    expect(clockText(-245_900)).toBe('0:04:05');
    expect(clockText(72 * 3_600_000)).toBe('72:00:00');
  });
});

describe('whistle form: the summons list', () => {
  const cgzf = { code: '110101-CGZF', name: '东城区城管执法局', nameEn: 'Dongcheng Urban Management' };
  const jtzd = { code: '110101-JTZD', name: '东城交通支队', nameEn: 'Dongcheng Traffic' };
  const xf = { code: '110101-XF', name: '东城消防', nameEn: 'Dongcheng Fire' };
  const roles = (list: readonly SummonsDraft[]) => list.map((entry) => `${entry.code}:${entry.role}`);

  it('makes the first department added the lead and the later ones assist, each once', () => {
    const list = addSummons(addSummons(addSummons([], cgzf), jtzd), cgzf);
    expect(roles(list)).toEqual(['110101-CGZF:LEAD', '110101-JTZD:ASSIST']);
    expect(summonsListProblem(list)).toBeNull();
  });

  it('keeps exactly one lead when the lead changes or leaves', () => {
    const list = [cgzf, jtzd, xf].reduce<SummonsDraft[]>((acc, department) => addSummons(acc, department), []);
    const moved = setLead(list, '110101-XF');
    expect(roles(moved)).toEqual(['110101-CGZF:ASSIST', '110101-JTZD:ASSIST', '110101-XF:LEAD']);
    // an unknown code changes nothing
    expect(roles(setLead(moved, 'BJ-NONE'))).toEqual(roles(moved));
    // the lead removed: the first one left takes over
    expect(roles(removeSummons(moved, '110101-XF'))).toEqual(['110101-CGZF:LEAD', '110101-JTZD:ASSIST']);
    // an assistant removed: the lead stays
    expect(roles(removeSummons(moved, '110101-CGZF'))).toEqual(['110101-JTZD:ASSIST', '110101-XF:LEAD']);
    expect(removeSummons(addSummons([], cgzf), '110101-CGZF')).toEqual([]);
  });

  it('says what the API would refuse before sending', () => {
    expect(summonsListProblem([])).toBe('NO_DEPARTMENT');
    expect(summonsListProblem([{ code: 'a', role: 'ASSIST' }])).toBe('NO_LEAD');
    expect(summonsListProblem([{ code: 'a', role: 'LEAD' }, { code: 'b', role: 'LEAD' }])).toBe('SEVERAL_LEADS');
    expect(summonsListProblem([{ code: 'a', role: 'LEAD' }, { code: 'a', role: 'ASSIST' }])).toBe('DUPLICATE_DEPARTMENT');
  });

  it('sends the lead first', () => {
    const list = setLead(addSummons(addSummons([], cgzf), jtzd), '110101-JTZD');
    expect(summonsInput(list)).toEqual([
      { departmentCode: '110101-JTZD', role: 'LEAD' },
      { departmentCode: '110101-CGZF', role: 'ASSIST' },
    ]);
  });

  it('puts an API error next to its field', () => {
    expect(whistleFormFieldOf(['input', 'location', 'lng'])).toBe('location');
    expect(whistleFormFieldOf(['input', 'reason'])).toBe('reason');
    expect(whistleFormFieldOf(['input', 'summons', '0', 'departmentCode'])).toBe('summons');
    expect(whistleFormFieldOf(['categoryCode'])).toBe('category');
    expect(whistleFormFieldOf(['input', 'clientMutationId'])).toBe('form');
    expect(whistleFormFieldOfEntity('Ticket')).toBe('ticket');
    expect(whistleFormFieldOfEntity('Street')).toBe('street');
    expect(whistleFormFieldOfEntity('Department')).toBe('form');
  });
});

describe('whistle detail', () => {
  const NOW = Date.parse('2026-12-03T04:00:00Z');

  it('opens the rating window at the close for 7 days', () => {
    expect(ratingWindowOpen({ stage: 'ACT', evaluationClosesAt: null }, NOW)).toBe(false);
    expect(ratingWindowOpen({ stage: 'CLOSE', evaluationClosesAt: '2026-12-05T00:00:00Z' }, NOW)).toBe(true);
    expect(ratingWindowOpen({ stage: 'SUPERVISE', evaluationClosesAt: '2026-12-05T00:00:00Z' }, NOW)).toBe(true);
    expect(ratingWindowOpen({ stage: 'CLOSE', evaluationClosesAt: '2026-12-01T00:00:00Z' }, NOW)).toBe(false);
    expect(isLiveStage('ASSEMBLE')).toBe(true);
    expect(isLiveStage('CLOSE')).toBe(false);
  });

  it('translates the notes the API writes, and leaves people’s words as written', () => {
    expect(whistleEventName('ESCALATED')).toBe('超时升级');
    expect(whistleEventName('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(whistleEventNote('ESCALATED', 'ON_SITE')).toEqual({ text: '错过到场时限，已上报区平台', system: true });
    expect(whistleEventNote('STAGE_CHANGED', 'ACT')).toEqual({ text: '进入冲锋哨', system: true });
    expect(whistleEventNote('CHECKED_IN', '912.4 m (flagged: too far)')).toEqual({ text: '距哨点 912 米，超出范围，已标记核查', system: true });
    expect(whistleEventNote('CHECKED_IN', '40 m')).toEqual({ text: '距哨点 40 米', system: true });
    expect(whistleEventNote('RETURN_DECIDED', 'REJECTED: 属于本部门职责')).toEqual({ text: '驳回退单：属于本部门职责', system: false });
    expect(whistleEventNote('RETURN_DECIDED', 'ACCEPTED')).toEqual({ text: '同意退单', system: true });
    expect(whistleEventNote('REPORTED', '清理通道堆物')).toEqual({ text: '清理通道堆物', system: false });
    // a stage name in a report is the department's words, not a stage change
    expect(whistleEventNote('REPORTED', 'ACT')).toEqual({ text: 'ACT', system: false });
  });

  it('marks the section tab of a path', () => {
    expect(whistleTabOf('/whistles')).toBe('board');
    expect(whistleTabOf('/whistles/W20261203-0001')).toBe('board');
    expect(whistleTabOf('/whistles/new')).toBe('new');
    expect(whistleTabOf('/whistles/ranking')).toBe('ranking');
    expect(whistlePath('W20261203-0001')).toBe('/whistles/W20261203-0001');
  });
});

describe('department ranking', () => {
  const NOW = Date.parse('2026-12-03T04:00:00Z');

  it('reads how each clock behind a score went', () => {
    expect(clockOutcome('2026-12-01T00:10:00Z', '2026-12-01T00:05:00Z', NOW)).toBe('onTime');
    expect(clockOutcome('2026-12-01T00:10:00Z', '2026-12-01T00:10:00Z', NOW)).toBe('onTime');
    expect(clockOutcome('2026-12-01T00:10:00Z', '2026-12-01T00:12:00Z', NOW)).toBe('late');
    expect(clockOutcome('2026-12-01T00:10:00Z', null, NOW)).toBe('missed');
    expect(clockOutcome('2026-12-04T00:10:00Z', null, NOW)).toBe('running');
  });

  it('accepts weights that are whole percents summing to 100', () => {
    expect(weightsProblem({ punctuality: '40', streetRating: '40', satisfaction: '20' })).toBeNull();
    expect(weightsProblem({ punctuality: '50', streetRating: '40', satisfaction: '20' })).toEqual({ kind: 'sum', sum: 110 });
    expect(weightsProblem({ punctuality: '40.5', streetRating: '', satisfaction: '101' })).toEqual({ kind: 'field', fields: ['punctuality', 'streetRating', 'satisfaction'] });
    expect(parseWeight(' 0 ')).toBe(0);
    expect(parseWeight('-1')).toBeNull();
  });
});
