// The one `graphql()` of the app: gql.tada, typed from the API's printed schema. Every document is
// written with it, so a query's result and variables are inferred from the SDL, never hand-kept.
// graphql-env.d.ts is generated from schema/schema.graphql by `npm run generate` (turbo runs it before
// typecheck, build, test and dev); test/graphqlEnv.test.ts fails while it is stale.
// https://gql-tada.0no.co/get-started/writing-graphql
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Writes a typed document. Fragments a document spreads are passed as the second argument; their
 * definitions are appended to the document, once each.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  // DateTime is an ISO 8601 instant on the wire; the views parse it where they compute with it
  scalars: { DateTime: string; ID: string };
}>();

export { readFragment } from 'gql.tada';
export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';

/** The TypeScript type of a schema enum or scalar by its GraphQL name: `Schema<'TicketStatus'>`. */
export type Schema<Name extends string> = ReturnType<typeof graphql.scalar<Name>>;
