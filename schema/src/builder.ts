import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
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
import { DEFAULT_PAGE_SIZE, fieldCost, MAX_PAGE_SIZE } from './limits.ts';

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
  plugins: [ScopeAuthPlugin, ComplexityPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, WithInputPlugin, ValidationPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authScopes: authScopesFor,
    // subscription fields are authorized when the client subscribes, not per event
    // (https://pothos-graphql.dev/docs/plugins/scope-auth#authorizeonsubscribe)
    authorizeOnSubscribe: true,
    // Refusals are GraphQL errors with a stable code, not masked: the client must tell "sign in" from "not allowed".
    unauthorizedError: (_parent, context) =>
      context.viewer
        ? new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN', http: { status: 200 } } })
        : new GraphQLError('Sign in required', { extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } } }),
  },
  // field costs only: the limits are enforced by the api before execution (api/src/limits.ts), so
  // that a rejected document runs no resolver, on HTTP and WebSocket alike
  complexity: { fieldComplexity: fieldCost },
  prisma: {
    client: (ctx) => ctx.prisma,
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
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
    // descriptions for the types and fields the plugin generates (every public field is described)
    nodeTypeOptions: { description: 'An entity with a globally unique id (Relay).' },
    pageInfoTypeOptions: { description: 'Where a page of a connection sits in the whole list (Relay).' },
    idFieldOptions: { description: 'Globally unique, opaque id; use it with `node(id:)`.' },
    defaultConnectionTypeOptions: { description: 'One page of a list, in a stable order (Relay connection).' },
    defaultEdgeTypeOptions: { description: 'One item of a page with its cursor.' },
    edgesFieldOptions: { description: 'The items of this page.' },
    pageInfoFieldOptions: { description: 'Paging information for this page.' },
    cursorFieldOptions: { description: 'Opaque position of the item; pass it as `after` or `before`.' },
    nodeFieldOptions: { description: 'The item.' },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of the page.' },
  },
  // inputs are named <Mutation>Input (house style), not the plugin's default Mutation<Field>Input
  withInput: {
    typeOptions: {
      name: ({ fieldName }) => `${fieldName[0]!.toUpperCase()}${fieldName.slice(1)}Input`,
      description: 'The input of the mutation of the same name.',
    },
    argOptions: { required: true },
  },
  errors: {
    defaultTypes: [],
    defaultResultOptions: { description: 'The mutation succeeded.' },
    defaultUnionOptions: { description: 'The success result or one of the typed errors the mutation can return.' },
  },
});

builder.queryType({ description: 'Everything Whistlehub can be asked.' });
builder.mutationType({ description: 'Everything Whistlehub can be told to do.' });
builder.subscriptionType({ description: 'Live events, over graphql-ws or SSE.' });
