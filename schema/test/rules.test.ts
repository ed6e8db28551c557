import { describe, expect, it } from 'vitest';
import type { Grant } from '../src/auth/viewer.ts';
import { canSeeContact } from '../src/modules/org/orgRules.ts';
import { maskPhone } from '../src/lib/personalData.ts';
import { lockoutSeconds, SignInThrottle } from '../src/modules/users/usersRules.ts';

const grant = (g: Partial<Grant> & Pick<Grant, 'role'>): Grant => ({
  districtId: null, streetId: null, communityId: null, gridCellId: null, departmentId: null, ...g,
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });
  it('hides short numbers completely', () => {
    expect(maskPhone('12345')).toBe('*****');
  });
});

describe('canSeeContact', () => {
  const where = { gridCellIds: ['g1'], communityIds: ['c1'], streetIds: ['s1'], districtIds: ['d1'] };
  it.each([
    ['admin', grant({ role: 'ADMIN' }), true],
    ['dispatcher of the district', grant({ role: 'DISTRICT_DISPATCHER', districtId: 'd1' }), true],
    ['dispatcher of another district', grant({ role: 'DISTRICT_DISPATCHER', districtId: 'd2' }), false],
    ['street officer of the street', grant({ role: 'STREET_OFFICER', streetId: 's1' }), true],
    ['street officer of another street', grant({ role: 'STREET_OFFICER', streetId: 's2' }), false],
    ['grid worker of the cell', grant({ role: 'GRID_WORKER', gridCellId: 'g1' }), true],
    ['council member of the community', grant({ role: 'COUNCIL_MEMBER', communityId: 'c1' }), false],
    ['department officer', grant({ role: 'DEPARTMENT_OFFICER', departmentId: 'x' }), false],
  ])('%s → %s', (_who, g, expected) => {
    expect(canSeeContact([g], where)).toBe(expected);
  });
  it('lets a person see their own data', () => {
    expect(canSeeContact([], where, true)).toBe(true);
    expect(canSeeContact([], where)).toBe(false);
  });
});

describe('sign-in throttling', () => {
  it('is free up to the allowance, then doubles from 5 s and caps at 15 minutes', () => {
    expect(lockoutSeconds(4, 5)).toBe(0);
    expect(lockoutSeconds(5, 5)).toBe(5);
    expect(lockoutSeconds(6, 5)).toBe(10);
    expect(lockoutSeconds(7, 5)).toBe(20);
    expect(lockoutSeconds(40, 5)).toBe(900);
  });

  it('counts per login (case-insensitive) and per client, and clears a login on success', () => {
    let now = 1_000_000;
    const t = new SignInThrottle(() => now);
    for (let i = 0; i < 5; i++) t.fail('Admin', '10.0.0.1');
    expect(t.retryAfter('admin', '10.0.0.2')).toBe(5);
    now += 5_000;
    expect(t.retryAfter('admin', '10.0.0.2')).toBe(0);
    t.fail('admin', '10.0.0.1');
    expect(t.retryAfter('admin', '10.0.0.2')).toBe(10);
    t.succeed('admin');
    expect(t.retryAfter('admin', '10.0.0.2')).toBe(0);
  });

  it('slows a client that tries many logins', () => {
    const now = 0;
    const t = new SignInThrottle(() => now);
    for (let i = 0; i < 20; i++) t.fail(`user${i}`, '10.0.0.9');
    expect(t.retryAfter('fresh.login', '10.0.0.9')).toBe(5);
    expect(t.retryAfter('fresh.login', '10.0.0.10')).toBe(0);
  });

  it('forgets failures after the window', () => {
    let now = 0;
    const t = new SignInThrottle(() => now);
    for (let i = 0; i < 5; i++) t.fail('a', 'ip');
    now += 16 * 60 * 1000;
    expect(t.retryAfter('a', 'ip')).toBe(0);
  });

  it('bounds its memory', () => {
    const t = new SignInThrottle(() => 0, 10);
    for (let i = 0; i < 100; i++) t.fail(`u${i}`, `ip${i}`);
    expect((t as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(10);
  });
});
