import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authScopesFor } from '../src/auth/scopes.ts';
import type { Context } from '../src/context.ts';
import { createHarness, type SchemaHarness } from './helpers.ts';

// Parameterised scopes take the org unit they are about and name one role each; a field open to a
// street's officers and its district's dispatcher says so with $any (see ticketEvents).
describe.each(await testProviders())('auth scopes from role assignments on %s', (provider) => {
  let h: SchemaHarness;
  beforeAll(async () => {
    h = await createHarness(provider);
  });
  afterAll(() => h?.close());

  const scopesOf = async (login?: string) =>
    authScopesFor({ viewer: login ? await h.viewerOf(login) : null } as Context);

  it('street officer: their own street only', async () => {
    const s = await scopesOf('street.qianmen');
    expect(await s.streetOfficer('str_110101011')).toBe(true);
    expect(await s.streetOfficer('str_110107011')).toBe(false);
    expect(s.staff).toBe(true);
    expect(s.admin).toBe(false);
  });

  it('district dispatcher: their district only, and not a street officer of its streets', async () => {
    const s = await scopesOf('dispatcher.dongcheng');
    expect(await s.streetOfficer('str_110101011')).toBe(false);
    expect(await s.districtDispatcher('dis_110101')).toBe(true);
    expect(await s.districtDispatcher('dis_110102')).toBe(false);
  });

  it('department, council, party and grid roles are scoped to their unit', async () => {
    expect(await (await scopesOf('dept.dongcheng.cgzf')).departmentOfficer('dep_110101-CGZF')).toBe(true);
    expect(await (await scopesOf('dept.dongcheng.cgzf')).departmentOfficer('dep_BJ-CGZF')).toBe(false);
    const council = await scopesOf('council.caochang');
    const caochang = (await h.db.prisma.community.findFirstOrThrow({ where: { name: '草厂社区' } })).id;
    expect(await council.councilMember(caochang)).toBe(true);
    expect(await council.partyMember(caochang)).toBe(false);
    expect(council.staff).toBe(false);
    expect(await (await scopesOf('party.caochang')).partyMember(caochang)).toBe(true);
  });

  it('admin passes every scope; anonymous passes none', async () => {
    const admin = await scopesOf('admin');
    expect(await admin.streetOfficer('anything')).toBe(true);
    expect(admin.integrator).toBe(true);
    const anon = await scopesOf();
    expect(anon.signedIn).toBe(false);
    expect(await anon.streetOfficer('str_110101011')).toBe(false);
  });
});
