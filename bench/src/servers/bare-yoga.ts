// The floor for HTTP: graphql-yoga with a trivial schema and nothing else (no plugins, no context,
// no logging) on node:http. Reports its port over IPC: { kind: 'listening', port }.
// WITH_LIMITS=1 adds the hub's query-limits plugin (api/src/limits.ts) and nothing else, so the
// difference between the two is what the limits cost.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useQueryLimits } from '@whistlehub/api';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } }),
  graphqlEndpoint: '/graphql',
  graphiql: false,
  landingPage: false,
  logging: false,
  plugins: process.env.WITH_LIMITS === '1' ? [useQueryLimits()] : [],
});
const server = createServer(yoga);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.send?.({ kind: 'listening', port: (server.address() as AddressInfo).port });
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
