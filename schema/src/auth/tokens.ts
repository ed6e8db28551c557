import { createHash, randomBytes } from 'node:crypto';

// Prefixes tell a session token from an integrator's API token (and make leaked tokens greppable).
const SESSION_PREFIX = 'whs_';
const API_TOKEN_PREFIX = 'wht_';

/** How long a sign-in lasts. */
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

/** A new random session token (shown to the client once; only its hash is stored). */
export const newSessionToken = () => SESSION_PREFIX + randomBytes(32).toString('base64url');

/** A new random API token for an integrator. */
export const newApiToken = () => API_TOKEN_PREFIX + randomBytes(32).toString('base64url');

/** SHA-256 of a token, as stored: tokens are random, so a fast hash is enough. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Which kind of token this is, by prefix; null when it is neither. */
export function tokenKind(token: string): 'session' | 'apiToken' | null {
  if (token.startsWith(SESSION_PREFIX)) return 'session';
  if (token.startsWith(API_TOKEN_PREFIX)) return 'apiToken';
  return null;
}
