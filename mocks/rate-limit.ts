/**
 * A per-client rate limiter for the backend's `rateLimit` hook. Clients are
 * told apart by {@link clientKeyOf}: the peer address the HTTP server stamps
 * on each request (a client cannot set it), or `local` in process and in the
 * service worker, where there is only one client.
 *
 * Two fixed windows per client: one over every request, and a tighter one
 * over the operations that check a secret (logins, credential changes,
 * password reissue, link confirmations), so that guessing is slowed per
 * client on top of the per-account lock. Counting per client is what keeps
 * the lock's way out open: a stranger hammering someone's login ID runs into
 * their own limit, while the customer's password reissue from their own
 * device is counted apart.
 *
 * @module
 */
import type { RateLimitHook, RouteId } from './route.js';

/** The header the HTTP server sets to the peer address, overwriting any sent by the client. */
export const CLIENT_ADDRESS_HEADER = 'x-wb-client-address';

/** Who sent a request: the peer address stamped by the HTTP server, else `local`. */
export function clientKeyOf(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'local';
}

/** The operations that check a secret, limited more tightly. */
export const SECRET_CHECKING_ROUTES: ReadonlySet<RouteId> = new Set<RouteId>([
  'auth.login',
  'auth.initialLogin',
  // Not a secret, but it tells whether a login ID exists: limited as tightly as a guess.
  'credentials.loginIdAvailability',
  'credentials.setup',
  'credentials.changePassword',
  'passwordReissue.request',
  'reissueEmail.checkLink',
  'reissueEmail.confirm',
  'noticeEmail.checkLink',
  'noticeEmail.confirm',
]);

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Length of a window in milliseconds (default 60 000). */
  windowMs?: number;
  /** Requests per client per window, all routes (default 600). */
  maxRequests?: number;
  /** Requests per client per window to the routes that check a secret (default 30). */
  maxSecretChecks?: number;
  /** The time in milliseconds (default `Date.now`: rates are about real time, not the backend's test clock). */
  now?: () => number;
  /** Who sent a request (default {@link clientKeyOf}). */
  clientKey?: (request: Request) => string;
}

interface Window {
  start: number;
  count: number;
}

/** A rate-limit hook that counts per client in fixed windows. */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimitHook & {
  /** Forgets every window (the backend's reset calls it). */
  reset(): void;
} {
  const windowMs = options.windowMs ?? 60_000;
  const maxRequests = options.maxRequests ?? 600;
  const maxSecretChecks = options.maxSecretChecks ?? 30;
  const now = options.now ?? Date.now;
  const clientKey = options.clientKey ?? clientKeyOf;
  const windows = new Map<string, Window>();

  /** Counts one request; returns the seconds to wait if it is over `limit`. */
  function take(key: string, limit: number, at: number): number | null {
    let w = windows.get(key);
    if (!w || at - w.start >= windowMs) {
      if (windows.size > 10_000) for (const [k, old] of windows) if (at - old.start >= windowMs) windows.delete(k);
      w = { start: at, count: 0 };
      windows.set(key, w);
    }
    w.count += 1;
    return w.count > limit ? Math.max(1, Math.ceil((w.start + windowMs - at) / 1000)) : null;
  }

  const hook = ({ id, request }: Parameters<RateLimitHook>[0]): number | null => {
    const client = clientKey(request);
    const at = now();
    const all = take(`all|${client}`, maxRequests, at);
    const secret = SECRET_CHECKING_ROUTES.has(id) ? take(`secret|${client}`, maxSecretChecks, at) : null;
    return all ?? secret;
  };
  return Object.assign(hook, { reset: () => windows.clear() });
}
