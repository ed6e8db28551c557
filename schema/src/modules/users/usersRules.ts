// Sign-in throttling rules: plain functions, unit-tested without a database or clock.

/** Failures within this window count towards a lock-out. */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed for one login before it is slowed down. */
export const FREE_FAILURES_PER_LOGIN = 5;
/** Failed attempts allowed from one client address (over all logins) before it is slowed down. */
export const FREE_FAILURES_PER_CLIENT = 20;
const MAX_LOCKOUT_S = 15 * 60;

/**
 * Seconds to wait after `failures` failures when `free` are allowed: none up to `free`, then 5 s,
 * doubling with each further failure, capped at 15 minutes.
 */
export function lockoutSeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_LOCKOUT_S, 5 * 2 ** (failures - free));
}

interface Entry {
  failures: number;
  firstAt: number;
  lastAt: number;
}

/**
 * In-process record of failed sign-ins by login and by client address. Kept in memory on purpose:
 * it needs no writes on the hot path; with several api instances each slows its own share (noted in README).
 */
export class SignInThrottle {
  private entries = new Map<string, Entry>();
  constructor(private readonly now: () => number = Date.now, private readonly maxEntries = 50_000) {}

  /** Seconds the caller must still wait before trying this login from this client; 0 when free. */
  retryAfter(login: string, clientIp: string): number {
    const wait = (key: string, free: number) => {
      const e = this.current(key);
      if (!e) return 0;
      const remaining = e.lastAt + lockoutSeconds(e.failures, free) * 1000 - this.now();
      return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
    };
    return Math.max(wait(`login:${login.toLowerCase()}`, FREE_FAILURES_PER_LOGIN), wait(`ip:${clientIp}`, FREE_FAILURES_PER_CLIENT));
  }

  /** Records one failed attempt. */
  fail(login: string, clientIp: string): void {
    for (const key of [`login:${login.toLowerCase()}`, `ip:${clientIp}`]) {
      const e = this.current(key) ?? { failures: 0, firstAt: this.now(), lastAt: 0 };
      e.failures += 1;
      e.lastAt = this.now();
      this.entries.delete(key); // re-insert: the Map's order is then oldest-first for eviction
      this.entries.set(key, e);
    }
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A successful sign-in clears the login's record (not the address's). */
  succeed(login: string): void {
    this.entries.delete(`login:${login.toLowerCase()}`);
  }

  private current(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && this.now() - e.firstAt > FAILURE_WINDOW_MS && this.now() - e.lastAt > FAILURE_WINDOW_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }
}
