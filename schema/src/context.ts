import type { PrismaClient } from '@whistlehub/prisma';
import type { PubSub } from './pubsub.ts';
import type { FeedHub } from './spine/feeds.ts';
import type { Viewer } from './auth/viewer.ts';
import type { SignInThrottle } from './modules/users/usersRules.ts';

/**
 * The session cookie as the schema sees it: the transport (api/) decides how it is carried.
 * Bearer-token clients ignore it and use the token in the sign-in payload.
 */
export interface SessionCookie {
  set(token: string, expiresAt: Date): Promise<void>;
  clear(): Promise<void>;
}

/** What every resolver gets, for HTTP, SSE and WebSocket alike (one factory in api/src/context.ts). */
export interface Context {
  prisma: PrismaClient;
  pubsub: PubSub;
  /** the live feeds of this api process (one tailer per feed with subscribers) */
  feeds: FeedHub;
  /** The signed-in user with their roles, or null for an anonymous request. */
  viewer: Viewer | null;
  /**
   * Resolves the request's credential again, as it is now (null: signed out, revoked or disabled).
   * Long-lived subscriptions call it when the user changes; absent for anonymous requests.
   */
  revalidateViewer?: () => Promise<Viewer | null>;
  sessionCookie: SessionCookie;
  /** Client address, for throttling sign-in attempts. */
  clientIp: string;
  /** failed sign-ins, per app instance */
  signInThrottle: SignInThrottle;
}
