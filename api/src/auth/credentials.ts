// The one auth path for HTTP, SSE and WebSocket: where a client's token comes from.
import { parse as parseCookie } from 'cookie';

/** Name of the HTTP-only session cookie set for browsers. */
export const SESSION_COOKIE = 'whistlehub_session';

/** A token and where it came from: an explicit bearer token is checked strictly, a cookie leniently. */
export interface Credential {
  token: string;
  source: 'bearer' | 'cookie';
}

const bearer = (value: unknown) => {
  if (typeof value !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match ? match[1]! : null;
};

/**
 * The credential of a request: `Authorization: Bearer …` first, then the session cookie. For a
 * WebSocket, `connectionParams` (graphql-ws `connection_init` payload) may carry `authorization`
 * or `token`; the browser's upgrade request carries the cookie.
 */
export function credentialOf(headers: { get(name: string): string | null }, connectionParams?: Record<string, unknown> | null): Credential | null {
  const fromParams = connectionParams
    ? bearer(connectionParams.authorization ?? connectionParams.Authorization) ??
      (typeof connectionParams.token === 'string' && connectionParams.token ? connectionParams.token : null)
    : null;
  const token = fromParams ?? bearer(headers.get('authorization'));
  if (token) return { token, source: 'bearer' };
  const cookie = headers.get('cookie');
  const session = cookie ? parseCookie(cookie)[SESSION_COOKIE] : undefined;
  return session ? { token: session, source: 'cookie' } : null;
}
