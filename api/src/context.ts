// One context factory for HTTP, SSE and graphql-ws: same viewer resolution, same limits.
import type { PrismaClient } from '@whistlehub/prisma';
import { type Context, feedHubFor, type PubSub, resolveViewer, type SessionCookie, type SignInThrottle, type Viewer } from '@whistlehub/schema';
import type { CookieListItem, CookieStore } from '@whatwg-node/cookie-store';
import { GraphQLError } from 'graphql';
import type { YogaInitialContext } from 'graphql-yoga';
import { credentialOf, SESSION_COOKIE } from './auth/credentials.ts';

/** What the WebSocket server hands the factory: the viewer it already resolved in onConnect. */
export interface WsInitialContext {
  ws: { viewer: Viewer | null; clientIp: string; /** the socket's token, to re-check when the user changes */ token?: string | null };
}

export interface ServerContext {
  /** remote address, when the server knows it (node http) */
  clientIp?: string;
}

const secureCookies = () => process.env.COOKIE_SECURE === 'true';

function cookieFor(request: Request & { cookieStore?: CookieStore }): SessionCookie {
  const store = request.cookieStore;
  return {
    set: async (token, expiresAt) => {
      await store?.set({
        name: SESSION_COOKIE, value: token, expires: expiresAt.getTime(), path: '/', sameSite: 'lax',
        httpOnly: true, secure: secureCookies(), domain: null,
      } as CookieListItem);
    },
    clear: async () => {
      await store?.delete(SESSION_COOKIE);
    },
  };
}

const noCookie: SessionCookie = { set: async () => {}, clear: async () => {} };

/** Thrown for a bearer token that is unknown, expired or revoked: 401, not silently anonymous. */
export const invalidToken = () =>
  new GraphQLError('The bearer token is invalid, expired or revoked', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
  });

/** Resolves the viewer for a credential; a bad bearer token throws, a stale cookie is ignored. */
export async function viewerFor(prisma: PrismaClient, headers: Headers, connectionParams?: Record<string, unknown> | null) {
  const credential = credentialOf(headers, connectionParams);
  if (!credential) return null;
  const viewer = await resolveViewer(prisma, credential.token);
  if (!viewer && credential.source === 'bearer') throw invalidToken();
  return viewer;
}

/** Builds the per-request context factory. */
export function createContextFactory(deps: { prisma: PrismaClient; pubsub: PubSub; signInThrottle: SignInThrottle }) {
  const feeds = feedHubFor(deps.pubsub);
  // what a long-lived subscription calls when the user changes: the same token, resolved again
  const revalidate = (token: string | null | undefined, viewer: Viewer | null) =>
    viewer && token ? () => resolveViewer(deps.prisma, token) : undefined;
  return async (initial: YogaInitialContext & ServerContext & Partial<WsInitialContext>): Promise<Context> => {
    if (initial.ws) {
      return { ...deps, feeds, viewer: initial.ws.viewer, revalidateViewer: revalidate(initial.ws.token, initial.ws.viewer), sessionCookie: noCookie, clientIp: initial.ws.clientIp };
    }
    const request = initial.request;
    const viewer = await viewerFor(deps.prisma, request.headers);
    return {
      ...deps,
      feeds,
      viewer,
      revalidateViewer: revalidate(credentialOf(request.headers)?.token, viewer),
      sessionCookie: cookieFor(request),
      clientIp: initial.clientIp ?? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? 'unknown',
    };
  };
}
