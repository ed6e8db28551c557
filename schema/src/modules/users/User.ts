import type { Prisma } from '@whistlehub/prisma';
import type { Viewer } from '../../auth/viewer.ts';
import { holds } from '../../auth/orgScope.ts';
import { builder } from '../../builder.ts';

/** Accounts a viewer may see: their own; admins all. */
export function usersWhereVisibleTo(viewer: Viewer | null): Prisma.UserWhereInput {
  if (!viewer) return { id: { in: [] } };
  return holds(viewer, []) ? {} : { id: viewer.userId };
}

export const UserNode = builder.prismaNode('User', {
  id: { field: 'id' },
  description: 'A sign-in account. Visible to itself and to admins.',
  findUnique: (id, ctx) => ({ id, AND: [usersWhereVisibleTo(ctx.viewer)] }),
  nullable: true,
  authScopes: (user, ctx) => user.id === ctx.viewer?.userId || { admin: true },
  fields: (t) => ({
    login: t.exposeString('login', { description: 'The sign-in name.' }),
    displayName: t.exposeString('displayName', { description: 'Name shown in the interface.' }),
    locale: t.exposeString('locale', { description: 'Preferred interface language: zh-CN or en.' }),
    person: t.relation('person', { nullable: true, description: 'The natural person behind the account, when known.' }),
    roles: t.relation('roles', {
      description: 'The roles the user holds, each scoped to an org unit.',
      query: () => ({ orderBy: { createdAt: 'asc' } }),
    }),
    apiTokens: t.relatedConnection('apiTokens', {
      description: 'API tokens of the user (integrators), newest first; the tokens themselves are never shown again.',
      cursor: 'id',
      query: () => ({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    }),
  }),
});

export const ApiTokenNode = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  // a token is its owner's (and an admin's) to see
  findUnique: (id, ctx) => ({ id, user: usersWhereVisibleTo(ctx.viewer) }),
  nullable: true,
  authScopes: (token, ctx) => token.userId === ctx.viewer?.userId || { admin: true },
  description: 'An integrator API token; only its prefix is ever shown after creation.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the token is for, e.g. "12345 hotline intake".' }),
    prefix: t.exposeString('prefix', { description: 'The first characters of the token, to recognise it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Last request made with it.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked; null while valid.' }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user with their roles; null when anonymous.',
    resolve: (query, _root, _args, ctx) => {
      if (ctx.viewer) return ctx.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.userId } });
      // Nothing to load for an anonymous caller; reading the query marks it used (onUnusedQuery).
      void { ...query };
      return null;
    },
  }),
  users: t.prismaConnection({
    type: 'User',
    cursor: 'login',
    description: 'All accounts, by login. Admins only.',
    authScopes: { admin: true },
    totalCount: (_root, _args, ctx) => ctx.prisma.user.count(),
    resolve: (query, _root, _args, ctx) => ctx.prisma.user.findMany({ ...query, orderBy: { login: 'asc' } }),
  }),
}));
