// The GraphQL server as a fetch handler (exported for in-process tests via yoga.fetch); server.ts
// binds it to a port with WebSocket and static files.
import { useCookies } from '@whatwg-node/server-plugin-cookies';
import type { PrismaClient } from '@whistlehub/prisma';
import { createInProcessPubSub, type PubSub, schema, SignInThrottle } from '@whistlehub/schema';
import { createYoga, type Plugin, useReadinessCheck } from 'graphql-yoga';
import { createContextFactory, type ServerContext } from './context.ts';
import { QUERY_LIMITS, useQueryLimits } from './limits.ts';
import { createLogger, type Logger } from './logger.ts';

export interface AppOptions {
  prisma: PrismaClient;
  pubsub?: PubSub;
  logger?: Logger;
  /** GraphiQL at /graphql in a browser; on outside production */
  graphiql?: boolean;
}

/** Logs each HTTP request once it is answered: method, path, status, milliseconds. */
function useRequestLog(logger: Logger): Plugin {
  return {
    onRequest({ serverContext }) {
      (serverContext as { startedAt?: number }).startedAt = performance.now();
    },
    onResponse({ request, response, serverContext }) {
      const started = (serverContext as { startedAt?: number }).startedAt ?? performance.now();
      logger.info({ method: request.method, path: new URL(request.url).pathname, status: response.status, ms: Math.round(performance.now() - started) }, 'request');
    },
  };
}

/**
 * Malformed requests (unparsable or invalid documents) answer 400 whatever the Accept header. Yoga
 * keeps 200 for `application/json` clients, which the GraphQL-over-HTTP spec allows (a SHOULD, for
 * legacy clients); Whistlehub's contract says a malformed request is a client error, so integrators
 * see it in their HTTP logs. Spec-tagged errors carry `http.spec`; clearing it makes yoga use their 400.
 * https://graphql.github.io/graphql-over-http/draft/#sec-application-json
 */
function useBadRequestStatus(): Plugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors) return;
      for (const error of result.errors) {
        const http = error.extensions?.http as { spec?: boolean; status?: number } | undefined;
        if (http?.spec && http.status === 400) http.spec = false;
      }
    },
  };
}

/** Creates the yoga app for a database. */
export function createApp(options: AppOptions) {
  const logger = options.logger ?? createLogger();
  const pubsub = options.pubsub ?? createInProcessPubSub();
  const yoga = createYoga<ServerContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: options.graphiql ?? process.env.NODE_ENV !== 'production',
    // unexpected errors are masked ("Unexpected error."); GraphQLErrors we throw and typed errors pass
    maskedErrors: true,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
    },
    context: createContextFactory({ prisma: options.prisma, pubsub, signInThrottle: new SignInThrottle() }),
    // several operations in one POST (a JSON array), as integrators push tickets in
    // (https://the-guild.dev/graphql/yoga-server/docs/features/request-batching)
    batching: { limit: QUERY_LIMITS.batch },
    plugins: [
      // first in this list, so that a refused request reaches none of the plugins after it
      useQueryLimits(),
      useCookies(),
      // /readyz: ready when the database answers (/healthz only says the process is up)
      useReadinessCheck({
        endpoint: '/readyz',
        check: async () => {
          await options.prisma.$queryRawUnsafe('SELECT 1');
        },
      }),
      useBadRequestStatus(),
      useRequestLog(logger),
    ],
  });
  return Object.assign(yoga, { pubsub, logger, prisma: options.prisma });
}

export type App = ReturnType<typeof createApp>;
