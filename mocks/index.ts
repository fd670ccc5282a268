/**
 * The reference backend of the Web Billing service: MSW handlers generated
 * from the wire contract, over an in-memory store, a controllable clock and a
 * mail outbox. Run it in Node (`web-billing-kit/mocks/node`), in the browser
 * (`web-billing-kit/mocks/browser`), or as a plain HTTP server
 * (`npx tsx mocks/serve.ts`). Its state lives in memory; to keep it across
 * restarts, save `backend.snapshot()` when `backend.onChange` says it changed
 * and start the next backend with `createBackend({ restore })`.
 *
 * @example
 * ```ts
 * import { getResponse } from 'msw';
 * import { createBackend, DEMO_ACCOUNTS } from 'web-billing-kit/mocks';
 *
 * const backend = createBackend({ now: '2026-11-20T10:00:00+09:00' });
 * const response = await getResponse(backend.handlers, new Request('http://localhost/api/v1/auth/login', {
 *   method: 'POST',
 *   headers: { 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ loginId: DEMO_ACCOUNTS.established.loginId, password: DEMO_ACCOUNTS.established.password }),
 * }));
 * ```
 *
 * @module
 */
import { getResponse } from 'msw';
import type { HttpHandler } from 'msw/http';
import { DEFAULT_CREDENTIAL_POLICY, SESSION_IDLE_MINUTES, type CredentialPolicy, type SessionMode } from '../src/contract/rules.js';
import type { LocalizedText } from '../src/contract/types.js';
import { createClock, type Clock } from './clock.js';
import type { BackendContext } from './context.js';
import { createHandlers, sendMonthlyNotices } from './handlers/index.js';
import { senderNameOf } from './mails.js';
import { createOutbox, type Outbox } from './outbox.js';
import { createRoute, errorResponse, type RateLimitHook } from './route.js';
import { randomRequestId } from './secrets.js';
import { applySnapshot, takeSnapshot, type BackendSnapshot } from './snapshot.js';
import { MemoryStore } from './store.js';

export { DEMO_ACCOUNTS, DEFAULT_SEED, SECRET_QUESTIONS, type DemoAccount } from './demo-accounts.js';
export type { Clock } from './clock.js';
export type { Outbox, MailDraft } from './outbox.js';
export type {
  MemoryStore,
  AccountRecord,
  SessionRecord,
  LoginEntry,
  PendingConfirmation,
  ConfirmationBase,
  ConfirmationPurpose,
  ReissueRegistration,
  NoticeRegistration,
  PostcardCredentials,
  AccountPassword,
} from './store.js';
export type { MonthCharges, LineUsage, ServiceLine, PlanId } from './billing-data.js';
export type { SecretHash } from './secrets.js';
export type { ClockListener } from './clock.js';
export type { RouteId } from './route.js';
export type { RateLimitHook } from './route.js';
export {
  SNAPSHOT_VERSION,
  type BackendSnapshot,
  type AccountSnapshot,
  type SessionSnapshot,
  type ConfirmationSnapshot,
  type ConfirmationSnapshotBase,
  type SecretHashSnapshot,
  type ReissueRegistrationSnapshot,
  type NoticeRegistrationSnapshot,
} from './snapshot.js';
export type { ClockState } from './clock.js';
export type { OutboxState } from './outbox.js';
export { createRateLimiter, clientKeyOf, CLIENT_ADDRESS_HEADER, SECRET_CHECKING_ROUTES, type RateLimiterOptions } from './rate-limit.js';

/**
 * A NIST SP 800-63B-style policy, to run the backend with
 * (`createBackend({ policy: NIST_STYLE_POLICY })`): no composition rule,
 * passwords of 15 to 64 characters, any printable Unicode (emoji and
 * full-width included), never truncated. Clients take everything from the
 * published policy, so nothing else changes.
 */
export const NIST_STYLE_POLICY: CredentialPolicy = Object.freeze({
  ...DEFAULT_CREDENTIAL_POLICY,
  loginId: Object.freeze({ minLength: 5, maxLength: 64, requireLetterAndDigit: false, charset: 'unicode' as const }),
  password: Object.freeze({ minLength: 15, maxLength: 64, requireLetterAndDigit: false, charset: 'unicode' as const }),
  allowedSymbols: '',
}) as CredentialPolicy;

/** The base path the backend serves the contract under, unless told otherwise. */
export const DEFAULT_BASE_PATH = '/api/v1';
/** Where mailed confirmation links point, unless told otherwise. */
export const DEFAULT_LINK_BASE = 'http://localhost:8787/confirm';

/** Options of {@link createBackend}. */
export interface BackendOptions {
  /** The clock's start time; defaults to the real time at creation. The clock then stands still until moved. */
  now?: Date | string;
  /** Seed of the generated demo data (plans and usage); the same seed gives the same data. */
  seed?: number;
  /** Base URL of the confirmation page in mailed links; `?purpose=…&token=…` is appended. */
  linkBase?: string;
  /**
   * Who the mails are from, as the customer knows the service: the partner's
   * name (e.g. `Example Telecom`). It starts every subject (`[Example
   * Telecom] …`), is the From display name, and the mail bodies name
   * and sign with it (`Thank you for using Example Telecom.`). A string serves both
   * languages; default `{ ja: 'Ｗｅｂビリング', en: 'Web Billing' }`.
   */
  senderName?: string | LocalizedText;
  /** Path prefix of every route (default `/api/v1`). Handlers match it on any origin. */
  basePath?: string;
  /** The credential policy to publish and enforce (default: the user guide's, {@link DEFAULT_CREDENTIAL_POLICY}; user guide, §1 Initial login). */
  policy?: CredentialPolicy;
  /**
   * How sessions are held, published in the policy (default `memory`):
   * `cookie` sets an `HttpOnly` `__Host-` cookie and refuses writes without
   * the CSRF header; `tab` and `memory` answer a bearer token, which the
   * client keeps in `sessionStorage` or in memory. The cookie mode needs the
   * HTTP server (`mocks/http-server.ts`, as `examples/multi-page` uses it)
   * on the pages' own origin: a service worker cannot set `HttpOnly` cookies.
   */
  sessionMode?: SessionMode;
  /**
   * A rate-limit hook (none by default, so tests and the in-process backend are
   * not limited; `npm start` uses {@link createRateLimiter}, which counts per client).
   */
  rateLimit?: RateLimitHook;
  /**
   * Check every success body against the contract (default: unless `NODE_ENV`
   * is `production`); a violation answers 500 `internal` and is reported.
   */
  validateResponses?: boolean;
  /** Told about unexpected errors, which answer 500 `internal` (default: `console.error`). */
  onInternalError?: (error: unknown, requestId: string) => void;
  /**
   * A snapshot to start from (see {@link Backend.restore}), e.g. one read
   * back from storage. One that cannot be restored (another
   * {@link SNAPSHOT_VERSION}, another seed, damaged, or nothing) is ignored:
   * the backend starts from the seeded demo accounts, as without it.
   */
  restore?: unknown;
}

/** A running reference backend. */
export interface Backend {
  /** MSW request handlers: pass them to `setupServer`, `setupWorker` or `getResponse`. */
  handlers: HttpHandler[];
  store: MemoryStore;
  clock: Clock;
  outbox: Outbox;
  /** Restores the seeded accounts, empties the outbox and puts the clock back to its start. */
  reset(): void;
  /** The credential policy published at `GET /credentials/policy`. */
  policy: CredentialPolicy;
  /** The path prefix the handlers serve. */
  basePath: string;
  /**
   * A `fetch` answered by the handlers, without a network or a service
   * worker (pass it to an HTTP client's `fetch` option). Any URL the handlers
   * do not match gets a 404 `not_found` in the contract's format.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /**
   * The whole state as plain, JSON-friendly data ({@link BackendSnapshot}):
   * accounts, logins, sessions, pending links and counters of the store, the
   * clock's time and the outbox's mails. Secrets stay digests. The state is
   * read at the call; the promise only waits for digests still being computed.
   */
  snapshot(): Promise<BackendSnapshot>;
  /**
   * Replaces the whole state with a snapshot's (the clock moves silently: no
   * monthly mail goes out for the time in between) and returns true. A
   * snapshot of another {@link SNAPSHOT_VERSION} or seed, or anything else, is
   * ignored: nothing changes, false is returned, nothing is thrown.
   * `onChange` listeners are not called (the caller knows).
   */
  restore(snapshot: unknown): boolean;
  /**
   * Calls `listener` after every change of state: after each request the
   * handlers answered (errors included: a failed login counts; reads extend
   * the session), after each move of the clock (and the mails it sent), and
   * after {@link Backend.reset}. Returns a function that unsubscribes. A
   * listener that throws is reported with `console.error` and does not
   * disturb the answer.
   *
   * @example
   * ```ts
   * backend.onChange(async () => save(await backend.snapshot()));
   * ```
   */
  onChange(listener: () => void): () => void;
}

/**
 * Creates a reference backend with the seeded demo accounts
 * ({@link DEMO_ACCOUNTS}).
 */
export function createBackend(options: BackendOptions = {}): Backend {
  const sessionMode = options.sessionMode ?? options.policy?.sessionMode ?? 'memory';
  const policy: CredentialPolicy = { ...structuredClone(options.policy ?? DEFAULT_CREDENTIAL_POLICY), sessionMode, sessionIdleMinutes: SESSION_IDLE_MINUTES };
  const basePath = (options.basePath ?? DEFAULT_BASE_PATH).replace(/\/+$/, '');
  const clock = createClock(options.now);
  const sender = senderNameOf(options.senderName);
  const outbox = createOutbox(clock, sender);
  const store = new MemoryStore({ seed: options.seed, lockThreshold: policy.lockThreshold });
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        console.error('[web-billing-kit mocks] an onChange listener failed:', error);
      }
    }
  };
  const route = createRoute({
    store,
    clock,
    basePath,
    validateResponses: options.validateResponses,
    rateLimit: options.rateLimit,
    onInternalError: options.onInternalError,
    onHandled: changed,
    sessionMode,
  });
  const reset = (): void => {
    clock.reset();
    outbox.clear();
    store.reset();
    // A limiter made by createRateLimiter forgets its windows too, so a reset is a fresh start.
    (options.rateLimit as { reset?: () => void } | undefined)?.reset?.();
    changed();
  };
  const context: BackendContext = {
    store,
    clock,
    outbox,
    policy,
    sender,
    linkBase: options.linkBase ?? DEFAULT_LINK_BASE,
    route,
    reset,
  };
  // The backend owns the clock: monthly amount mails go out as it passes their dates.
  clock.onChange((from, to) => {
    sendMonthlyNotices(context, from, to);
    changed();
  });
  const handlers = createHandlers(context, basePath);
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await getResponse(handlers, request, { quiet: true });
    return response ?? errorResponse('not_found', `No route ${request.method} ${new URL(request.url).pathname}.`, randomRequestId());
  };
  const parts = { store, clock, outbox };
  if (options.restore !== undefined) applySnapshot(options.restore, parts);
  return {
    handlers,
    store,
    clock,
    outbox,
    reset,
    policy,
    basePath,
    fetch,
    snapshot: () => takeSnapshot(parts),
    restore: (snapshot) => applySnapshot(snapshot, parts),
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
