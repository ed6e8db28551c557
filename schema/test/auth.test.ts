import { DEMO_PASSWORD } from '@whistlehub/prisma';
import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, resolveViewer } from '../src/index.ts';
import { createHarness, type SchemaHarness } from './helpers.ts';

const SIGN_IN = `mutation ($login: String!, $password: String!) { signIn(input: { login: $login, password: $password }) {
  __typename
  ... on SignInResult { session { token expiresAt userId } }
  ... on Error { message }
  ... on TooManyAttemptsError { retryAfterSeconds }
  ... on InputValidationError { issues { path message } }
} }`;

describe.each(await testProviders())('sign-in, sessions and roles on %s', (provider) => {
  let h: SchemaHarness;
  beforeAll(async () => {
    h = await createHarness(provider);
  });
  afterAll(() => h?.close());

  it('signs in with the right password, sets the session cookie, and the token resolves to the viewer', async () => {
    const data = await h.runOk(SIGN_IN, { login: 'street.qianmen', password: DEMO_PASSWORD });
    expect(data.signIn.__typename).toBe('SignInResult');
    const { token, expiresAt } = data.signIn.session;
    expect(token).toMatch(/^whs_/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);
    expect(h.cookies.set).toEqual([token]);
    const stored = await h.db.prisma.session.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(stored.tokenHash).not.toBe(token);
    const viewer = await resolveViewer(h.db.prisma, token);
    expect(viewer?.login).toBe('street.qianmen');
    expect(viewer?.grants).toEqual([expect.objectContaining({ role: 'STREET_OFFICER', streetId: 'str_110101011' })]);
  });

  it('answers a wrong password and an unknown login with the same typed error', async () => {
    const wrong = await h.runOk(SIGN_IN, { login: 'admin', password: 'nope' }, { clientIp: '198.51.100.7' });
    const unknown = await h.runOk(SIGN_IN, { login: 'no.such.user', password: 'nope' }, { clientIp: '198.51.100.7' });
    expect(wrong.signIn).toEqual({ __typename: 'InvalidCredentialsError', message: 'Login or password is wrong' });
    expect(unknown.signIn).toEqual(wrong.signIn);
    expect(h.cookies.set).toEqual([]);
  });

  it('slows down repeated failures for a login, even with the right password, then reports when to retry', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await h.runOk(SIGN_IN, { login: 'party.caochang', password: `wrong-${i}` }, { clientIp: '198.51.100.8' });
      expect(r.signIn.__typename).toBe('InvalidCredentialsError');
    }
    const blocked = await h.runOk(SIGN_IN, { login: 'party.caochang', password: DEMO_PASSWORD }, { clientIp: '198.51.100.9' });
    expect(blocked.signIn.__typename).toBe('TooManyAttemptsError');
    expect(blocked.signIn.retryAfterSeconds).toBeGreaterThan(0);
    // another login from the same client is not affected
    const other = await h.runOk(SIGN_IN, { login: 'council.caochang', password: DEMO_PASSWORD }, { clientIp: '198.51.100.8' });
    expect(other.signIn.__typename).toBe('SignInResult');
  });

  it('rejects empty input with a typed validation error naming the field', async () => {
    const data = await h.runOk(SIGN_IN, { login: '   ', password: '' });
    expect(data.signIn.__typename).toBe('InputValidationError');
    const paths = data.signIn.issues.map((i: any) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['input.login', 'input.password']));
  });

  it('returns the viewer with roles and their units, and null when anonymous', async () => {
    const q = `{ viewer { login displayName roles { role street { name } district { code } department { code } community { name } gridCell { code } } } }`;
    expect((await h.runOk(q)).viewer).toBeNull();
    expect((await h.runOk(q, {}, { as: 'street.qianmen' })).viewer).toEqual({
      login: 'street.qianmen', displayName: '前门街道工作人员',
      roles: [{ role: 'STREET_OFFICER', street: { name: '前门街道' }, district: null, department: null, community: null, gridCell: null }],
    });
    expect((await h.runOk(q, {}, { as: 'party.caochang' })).viewer.roles[0]).toMatchObject({ role: 'PARTY_MEMBER', community: { name: '草厂社区' } });
  });

  it('signs out: the session is deleted and the cookie cleared', async () => {
    const token = (await h.runOk(SIGN_IN, { login: 'grid.caochang', password: DEMO_PASSWORD })).signIn.session.token;
    const viewer = await resolveViewer(h.db.prisma, token);
    expect(viewer).not.toBeNull();
    // run as that exact session
    const { via } = viewer!;
    expect(via.kind).toBe('session');
    const deleted = await h.db.prisma.session.deleteMany({ where: { id: (via as { sessionId: string }).sessionId } });
    expect(deleted.count).toBe(1);
    expect(await resolveViewer(h.db.prisma, token)).toBeNull();
    const out = await h.runOk(`mutation { signOut { signedOut } }`, {}, { as: 'grid.caochang' });
    expect(h.cookies.cleared).toBe(1);
    expect(out.signOut.signedOut).toBe(false); // the harness session id is not a stored one
  });

  it('treats expired sessions as anonymous', async () => {
    const user = await h.db.prisma.user.findUniqueOrThrow({ where: { login: 'admin' } });
    await h.db.prisma.session.create({ data: { tokenHash: hashToken('whs_expired'), userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveViewer(h.db.prisma, 'whs_expired')).toBeNull();
    expect(await resolveViewer(h.db.prisma, 'garbage')).toBeNull();
  });

  describe('users (admins only)', () => {
    const USERS = `{ users(first: 50) { edges { node { login } } } }`;
    it('allows the admin', async () => {
      const data = await h.runOk(USERS, {}, { as: 'admin' });
      expect(data.users.edges.map((e: any) => e.node.login)).toContain('street.qianmen');
    });
    it('refuses anonymous callers as UNAUTHENTICATED', async () => {
      await h.runError('UNAUTHENTICATED', USERS);
    });
    it.each(['street.qianmen', 'dispatcher.dongcheng', 'hotline.12345', 'resident.demo'])('refuses %s as FORBIDDEN', async (login) => {
      await h.runError('FORBIDDEN', USERS, {}, { as: login });
    });
    it('hides another user fetched by global id', async () => {
      const id = (await h.runOk(`{ viewer { id } }`, {}, { as: 'admin' })).viewer.id;
      // exactly like a missing id: node(id) does not tell an account that exists from one that does not
      expect((await h.runOk(`query ($id: ID!) { node(id: $id) { ... on User { login } } }`, { id }, { as: 'street.qianmen' })).node).toBeNull();
      expect((await h.runOk(`query ($id: ID!) { node(id: $id) { ... on User { login } } }`, { id })).node).toBeNull();
      expect((await h.runOk(`query ($id: ID!) { node(id: $id) { ... on User { login } } }`, { id }, { as: 'admin' })).node.login).toBe('admin');
    });
  });

  describe('API tokens', () => {
    const CREATE = `mutation ($name: String!, $userLogin: String) { createApiToken(input: { name: $name, userLogin: $userLogin }) {
      __typename ... on CreateApiTokenResult { created { token apiTokenId prefix } } ... on Error { message } } }`;
    const REVOKE = `mutation ($id: ID!) { revokeApiToken(input: { id: $id }) { __typename ... on RevokeApiTokenResult { apiToken { revokedAt prefix } } ... on Error { message } } }`;

    it('lets an integrator create a token that then authenticates as them, and revoke it', async () => {
      const created = (await h.runOk(CREATE, { name: '12345 intake' }, { as: 'hotline.12345' })).createApiToken.created;
      expect(created.token).toMatch(/^wht_/);
      expect(created.token.startsWith(created.prefix)).toBe(true);
      expect((await resolveViewer(h.db.prisma, created.token))?.login).toBe('hotline.12345');
      await expect.poll(async () => (await h.db.prisma.apiToken.findFirstOrThrow({ where: { prefix: created.prefix } })).lastUsedAt).not.toBeNull();

      const list = await h.runOk(`{ viewer { apiTokens(first: 10) { edges { node { name prefix revokedAt } } } } }`, {}, { as: 'hotline.12345' });
      expect(list.viewer.apiTokens.edges[0].node).toEqual({ name: '12345 intake', prefix: created.prefix, revokedAt: null });

      // someone else cannot revoke it, and cannot even tell it exists
      const foreign = await h.runOk(REVOKE, { id: created.apiTokenId }, { as: 'resident.demo' });
      expect(foreign.revokeApiToken.__typename).toBe('NotFoundError');

      const revoked = await h.runOk(REVOKE, { id: created.apiTokenId }, { as: 'hotline.12345' });
      expect(revoked.revokeApiToken.apiToken.revokedAt).not.toBeNull();
      expect(await resolveViewer(h.db.prisma, created.token)).toBeNull();
    });

    it.each(['street.qianmen', 'resident.demo'])('refuses token creation to %s', async (login) => {
      await h.runError('FORBIDDEN', CREATE, { name: 'x' }, { as: login });
    });

    it('lets an admin create a token for an integrator account, and not for a missing one', async () => {
      const created = (await h.runOk(CREATE, { name: 'district platform', userLogin: 'hotline.12345' }, { as: 'admin' })).createApiToken.created;
      expect((await resolveViewer(h.db.prisma, created.token))?.login).toBe('hotline.12345');
      const missing = await h.runOk(CREATE, { name: 'x', userLogin: 'ghost' }, { as: 'admin' });
      expect(missing.createApiToken.__typename).toBe('NotFoundError');
    });
  });
});
