import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'sla_token';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensEqual(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Repeated bad tokens are slowed down. Up to `maxFailures` failed attempts (bad or missing token) per
 * client within `windowMs` are answered 401 at once; beyond that each further failure is answered 429 with
 * `Retry-After`, after a delay that doubles from `baseDelayMs` up to `maxDelayMs`. At most `maxPending`
 * such answers are held back at once; beyond that they are sent at once, so a flood cannot pile up sockets.
 * A request with the right token is checked first and is never delayed.
 *
 * The token (256 random bits) is what keeps guessers out; this only makes a guessing process slow and
 * loud instead of silent. Attempts keep counting while throttled, so hammering keeps the brake on.
 */
export interface TokenThrottleOptions {
  maxFailures: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxPending: number;
  /** Clock in milliseconds (tests move it); Date.now by default. */
  now: () => number;
}

export const DEFAULT_TOKEN_THROTTLE: TokenThrottleOptions = {
  maxFailures: 10,
  windowMs: 60_000,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxPending: 32,
  now: () => Date.now(),
};

/** What to do with one more failed attempt: nothing special (null), or wait `delayMs` then answer 429. */
export interface TokenPenalty {
  delayMs: number;
  retryAfterSeconds: number;
}

/** Failures remembered per client at most, and clients at most (only loopback clients can reach us). */
const MAX_REMEMBERED_FAILURES = 1_000;
const MAX_CLIENTS = 256;

export function createTokenThrottle(overrides: Partial<TokenThrottleOptions> = {}) {
  const options: TokenThrottleOptions = { ...DEFAULT_TOKEN_THROTTLE, ...overrides };
  const failures = new Map<string, number[]>();

  function recent(client: string, now: number): number[] {
    const kept = (failures.get(client) ?? []).filter((at) => now - at < options.windowMs);
    if (kept.length) failures.set(client, kept);
    else failures.delete(client);
    return kept;
  }

  return {
    options,
    /** Counts one failed attempt by `client` and says whether (and how long) to hold its answer back. */
    fail(client: string): TokenPenalty | null {
      const now = options.now();
      const list = recent(client, now);
      list.push(now);
      if (list.length > MAX_REMEMBERED_FAILURES) list.splice(0, list.length - MAX_REMEMBERED_FAILURES);
      if (!failures.has(client) && failures.size >= MAX_CLIENTS) failures.delete(failures.keys().next().value as string);
      failures.set(client, list);
      const excess = list.length - options.maxFailures;
      if (excess <= 0) return null;
      const delayMs = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(excess - 1, 30));
      // Enough of the oldest failures must leave the window for the next attempt to be under the limit.
      const freedAt = (list[excess] ?? now) + options.windowMs;
      return { delayMs, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now) / 1000)) };
    },
    /** Failed attempts by `client` still inside the window. */
    failures(client: string): number {
      return recent(client, options.now()).length;
    },
  };
}
export type TokenThrottle = ReturnType<typeof createTokenThrottle>;

/** Only our own loopback origin is acceptable: blocks DNS rebinding (Host) and cross-site calls (Origin). */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function checkHostAndOrigin(req: IncomingMessage, port: number): boolean {
  const hosts = allowedHosts(port);
  const host = req.headers.host;
  if (!host || !hosts.has(host.toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length).toLowerCase()))) return false;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return false;
  return true;
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
