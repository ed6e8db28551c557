// One port for everything: GraphQL over HTTP and SSE (yoga), graphql-ws on the same path, and the
// built web app at /. Graceful close: stop accepting, end sockets with 1001, then dispose.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveViewer } from '@whistlehub/schema';
import { useServer } from 'graphql-ws/use/ws';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { credentialOf } from './auth/credentials.ts';
import type { WsInitialContext } from './context.ts';
import type { App } from './yoga.ts';

export interface ServerOptions {
  app: App;
  port?: number;
  host?: string;
  /** folder of the built web app to serve at / (single-page fallback to index.html) */
  webDist?: string;
  /** how long open requests (SSE streams) may run on after close() before they are cut */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const clientIpOf = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  return headers;
}

/** Starts listening; resolves once the port is bound. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { app } = options;
  const serveWeb = options.webDist && existsSync(options.webDist)
    ? sirv(options.webDist, { single: true, etag: true, gzip: true, immutable: true })
    : null;
  const apiPaths = /^\/(graphql|healthz|readyz)(\/|\?|$)/;

  const server = createServer((req, res) => {
    if (!serveWeb || apiPaths.test(req.url ?? '/')) {
      void app(req, res, { clientIp: clientIpOf(req) });
      return;
    }
    serveWeb(req, res, () => void app(req, res, { clientIp: clientIpOf(req) }));
  });

  const wsServer = new WebSocketServer({ server, path: app.graphqlEndpoint });
  // graphql-ws on the yoga endpoint, through yoga's envelop so plugins and the context factory are the
  // same as over HTTP (https://the-guild.dev/graphql/yoga-server/docs/features/subscriptions#graphql-over-websocket-protocol-via-graphql-ws)
  useServer<Record<string, unknown> | undefined, { request: IncomingMessage; viewer?: WsInitialContext['ws']['viewer'] }>(
    {
      execute: (args) => (args.rootValue as { execute: (a: unknown) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: unknown) => unknown }).subscribe(args) as never,
      // Authentication happens once, at connection_init: a bad token closes the socket with 4403.
      onConnect: async (ctx) => {
        const credential = credentialOf(headersOf(ctx.extra.request), ctx.connectionParams ?? null);
        if (!credential) {
          ctx.extra.viewer = null;
          return true;
        }
        const viewer = await resolveViewer(app.prisma, credential.token);
        if (!viewer && credential.source === 'bearer') return false;
        ctx.extra.viewer = viewer;
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const ws: WsInitialContext['ws'] = { viewer: ctx.extra.viewer ?? null, clientIp: clientIpOf(ctx.extra.request) };
        const { schema, execute, subscribe, contextFactory, parse, validate } = app.getEnveloped({ ws, params: payload });
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as never];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        return {
          schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wsServer,
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      (closing ??= (async () => {
        for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
        await new Promise<void>((resolve) => wsServer.close(() => resolve()));
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // SSE streams and slow requests get a grace period, then are cut
        const force = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 5000);
        await app.dispose();
        await closed;
        clearTimeout(force);
      })()),
  };
}
