import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ValidationPlugin from '@pothos/plugin-validation';
import WithInputPlugin from '@pothos/plugin-with-input';
import type PrismaTypes from '@whistlehub/prisma/pothos-types';
import { getDatamodel } from '@whistlehub/prisma/pothos-types';
import { GraphQLError } from 'graphql';
import { authScopesFor, type AuthScopes } from './auth/scopes.ts';
import type { Context } from './context.ts';

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string | number | bigint };
  };
}>({
  // scope-auth first, so that auth runs before the other plugins' wrappers
  // (https://pothos-graphql.dev/docs/plugins/scope-auth)
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, WithInputPlugin, ValidationPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authScopes: authScopesFor,
    // Refusals are GraphQL errors with a stable code, not masked: the client must tell "sign in" from "not allowed".
    unauthorizedError: (_parent, context) =>
      context.viewer
        ? new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN', http: { status: 200 } } })
        : new GraphQLError('Sign in required', { extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } } }),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : process.env.VITEST ? 'error' : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { description: 'Fetches any entity by its global id.' },
    nodesQueryOptions: { description: 'Fetches entities by their global ids, in the order given.' },
  },
  // inputs are named <Mutation>Input (house style), not the plugin's default Mutation<Field>Input
  withInput: {
    typeOptions: { name: ({ fieldName }) => `${fieldName[0]!.toUpperCase()}${fieldName.slice(1)}Input` },
    argOptions: { required: true },
  },
  errors: { defaultTypes: [] },
});

builder.queryType({ description: 'Everything Whistlehub can be asked.' });
builder.mutationType({ description: 'Everything Whistlehub can be told to do.' });
builder.subscriptionType({ description: 'Live events, over graphql-ws or SSE.' });
