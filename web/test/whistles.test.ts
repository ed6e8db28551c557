// The whistles board's rules without a browser: its feeds per role, the departments a viewer acts
// for, and the clock to the second.
import { describe, expect, it } from 'vitest';
import { clockText, viewerDepartments, whistleFeeds } from '../src/features/whistles/whistleFeeds.ts';

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
