// One port for everything: GraphQL over HTTP and SSE (yoga), graphql-ws on the same path, and the
// built web app at /. Graceful close: stop accepting, end sockets with 1001, then dispose.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveViewer } from '@whistlehub/schema';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError } from 'graphql';
import sirv from 'sirv';
import { type WebSocket, WebSocketServer } from 'ws';
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

type SocketExtra = { viewer?: WsInitialContext['ws']['viewer']; token?: string };

/** graphql-ws' close code for a socket whose credential is no longer good (its "Forbidden"). */
export const SESSION_ENDED_CLOSE = 4403;

/**
 * The open sockets of each signed-in user. On `user:changed` (sign-out, a revoked token, a revoked or
 * granted role, a disabled account; published by any instance through the shared pub/sub) each socket
 * of that user re-resolves its own credential: one that no longer resolves is closed with 4403. A
 * socket whose credential still resolves stays open; its subscriptions end FORBIDDEN if the roles
 * changed (spine/feeds.ts watchViewer), so the client subscribes again under its new roles.
 */
function watchSockets(app: App) {
  const users = new Map<string, { sockets: Map<WebSocket, string>; stop: () => void }>();
  const recheck = async (userId: string) => {
    const entry = users.get(userId);
    if (!entry) return;
    for (const [socket, token] of entry.sockets) {
      const viewer = await resolveViewer(app.prisma, token).catch((error: unknown) => {
        app.logger.error({ err: error }, 'cannot re-check a socket credential');
        return undefined;
      });
      if (viewer === null) socket.close(SESSION_ENDED_CLOSE, 'Forbidden: the session ended');
    }
  };
  return {
    add(userId: string, token: string, socket: WebSocket) {
      let entry = users.get(userId);
      if (!entry) {
        const changes = app.pubsub.subscribe('user:changed', userId);
        void (async () => {
          for await (const _ of changes) await recheck(userId);
        })().catch((error: unknown) => app.logger.error({ err: error }, 'user:changed watch failed'));
        entry = { sockets: new Map(), stop: () => void changes.return?.() };
        users.set(userId, entry);
      }
      entry.sockets.set(socket, token);
    },
    remove(userId: string, socket: WebSocket) {
      const entry = users.get(userId);
      if (!entry) return;
      entry.sockets.delete(socket);
      if (entry.sockets.size === 0) {
        entry.stop();
        users.delete(userId);
      }
    },
    close() {
      for (const entry of users.values()) entry.stop();
      users.clear();
    },
  };
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
  const sessions = watchSockets(app);
  useServer<Record<string, unknown> | undefined, SocketExtra>(
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
        if (viewer) {
          ctx.extra.token = credential.token;
          sessions.add(viewer.userId, credential.token, ctx.extra.socket);
        }
        return true;
      },
      onClose: (ctx) => {
        if (ctx.extra.viewer) sessions.remove(ctx.extra.viewer.userId, ctx.extra.socket);
      },
      onSubscribe: async (ctx, _id, payload) => {
        // each subscription is authorized with the roles the user holds now, not at connection time
        if (ctx.extra.token) {
          const viewer = await resolveViewer(app.prisma, ctx.extra.token);
          if (!viewer) {
            ctx.extra.socket.close(SESSION_ENDED_CLOSE, 'Forbidden: the session ended');
            return [new GraphQLError('The session ended', { extensions: { code: 'UNAUTHENTICATED' } })];
          }
          ctx.extra.viewer = viewer;
        }
        const ws: WsInitialContext['ws'] = { viewer: ctx.extra.viewer ?? null, token: ctx.extra.token ?? null, clientIp: clientIpOf(ctx.extra.request) };
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
        sessions.close();
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
