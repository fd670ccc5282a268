/**
 * `createClient()`: the SDK's entry point.
 *
 * @module
 */
import type { KyInstance } from 'ky';
import type { CredentialPolicy, SessionMode } from './contract/index.js';
import { createAccount, type AccountResource } from './resources/account.js';
import { createAuth, type AuthResource } from './resources/auth.js';
import { createBilling, type BillingResource } from './resources/billing.js';
import { createCredentials, type CredentialsResource } from './resources/credentials.js';
import { createNoticeEmail, type NoticeEmailResource } from './resources/notice-email.js';
import { createPasswordReissue, type PasswordReissueResource } from './resources/password-reissue.js';
import { createReissueEmail, type ReissueEmailResource } from './resources/reissue-email.js';
import { SessionStore } from './session.js';
import { Transport } from './transport.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The service's base URL, e.g. `https://billing.example.jp/api/v1` or `/api/v1`. */
  baseUrl: string;
  /**
   * A `fetch` to use instead of the global one (tests, Node proxies,
   * instrumentation), called without a receiver as `fetch(url, init)`: a URL
   * string, and an init with the method, plain headers, a string body (or
   * null) and the attempt's signal.
   */
  fetch?: typeof globalThis.fetch;
  /**
   * A ky instance of your own to send through (ky 2), e.g. one with hooks for
   * tracing headers or logging. Its hooks, headers and `fetch` are kept; the
   * SDK sets the URL prefix, `timeout`, `totalTimeout`, `retry` and
   * `throwHttpErrors` of its calls (the options here). Default: ky itself.
   */
  ky?: KyInstance;
  /**
   * Per-attempt timeout of every call in milliseconds (default 10 000): for
   * the answer to arrive, then again for its body to be read. Any call can
   * override it.
   */
  timeout?: number;
  /**
   * Overall limit of every call in milliseconds, retries and their waits
   * included (default: none, so a read may take up to `timeout` × (`retry` + 1)
   * plus the backoff). Past it the call rejects with `TimeoutError`.
   */
  totalTimeout?: number;
  /**
   * How many times a failed read (GET) is retried after network errors,
   * timeouts, 408, 429, 5xx (default 2), with exponential backoff (0.3 s,
   * 0.6 s, 1.2 s… up to 5 s; jitter keeps a random half to all of each
   * wait), honouring `Retry-After` on 429 and 503; a
   * `Retry-After` over a minute is not waited for (the error, with
   * `retryAfter`, goes to the caller). Writes are never retried.
   */
  retry?: number;
  /**
   * How the session is held (default `memory`):
   *
   * - `cookie`: the service sets an `HttpOnly` cookie; the SDK never sees a
   *   token, sends `credentials: 'include'` and the CSRF header
   *   (`X-Web-Billing-CSRF: 1`) with every call. A reload or another page
   *   of the site keeps the session ({@link AuthResource.restore}).
   * - `tab`: the bearer token is kept in this tab's `sessionStorage`, so a
   *   reload keeps the session; it is gone when the tab closes. Script on
   *   the page can read it (see docs/security.md).
   * - `memory`: the bearer token is kept in memory only; a reload logs out.
   * - `auto`: as the service's published policy says (`sessionMode` of
   *   `GET /credentials/policy`, read once before the first other call;
   *   `memory` when it says nothing).
   *
   * In the `cookie` and `tab` modes a logout, an expiry or a password change
   * in one tab ends the session in the site's other tabs too.
   */
  session?: SessionMode | 'auto';
  /**
   * Called once when the service says the session has ended (idle timeout,
   * logout elsewhere) during a call; the SDK has already forgotten the token.
   */
  onSessionExpired?: () => void;
}

/** A client of the Web Billing service. Create one with {@link createClient}. */
export interface WebBillingClient {
  /** Logging in and out, and the session. */
  readonly auth: AuthResource;
  /** Credential policy, first change of ID and password, password change. */
  readonly credentials: CredentialsResource;
  /** Registered number, lines and companies. */
  readonly account: AccountResource;
  /** Billing history, breakdowns and summaries. */
  readonly billing: BillingResource;
  /** The email address used to reissue a password. */
  readonly reissueEmail: ReissueEmailResource;
  /** The email address for the monthly billing-amount notice. */
  readonly noticeEmail: NoticeEmailResource;
  /** Reissue of a forgotten password. */
  readonly passwordReissue: PasswordReissueResource;
}

/**
 * Creates a client. The session token it receives at login stays inside it,
 * in memory only; two clients never share a session.
 *
 * @example
 * ```ts
 * import { createClient, isWebBillingError } from 'web-billing-kit';
 *
 * const client = createClient({ baseUrl: '/api/v1', onSessionExpired: () => showLogin() });
 * await client.auth.login({ loginId: 'taro2024', password });
 * const { months } = await client.billing.history();
 * ```
 */
export function createClient(options: ClientOptions): WebBillingClient {
  if (!options || typeof options.baseUrl !== 'string' || options.baseUrl === '') {
    throw new TypeError('createClient needs a baseUrl, e.g. createClient({ baseUrl: "/api/v1" }).');
  }
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const session = new SessionStore(baseUrl);
  const mode = options.session ?? 'memory';
  if (mode !== 'auto' && mode !== 'cookie' && mode !== 'tab' && mode !== 'memory') {
    throw new TypeError(`createClient: session must be "cookie", "tab", "memory" or "auto", not ${JSON.stringify(mode)}.`);
  }
  let known = mode !== 'auto';
  if (mode !== 'auto') session.setMode(mode);
  let asking: Promise<void> | undefined;
  const read: { policy?: CredentialPolicy } = {};
  const prepare = (): Promise<void> | undefined =>
    known
      ? undefined
      : (asking ??= transport.call('credentials.policy').then(
          (policy) => {
            read.policy = policy;
            session.setMode(policy.sessionMode ?? 'memory');
            known = true;
          },
          (error: unknown) => {
            asking = undefined; // asked again by the next call
            throw error;
          },
        ));
  const transport: Transport = new Transport({
    baseUrl,
    fetch: options.fetch,
    ky: options.ky,
    timeout: options.timeout ?? 10_000,
    retry: options.retry ?? 2,
    totalTimeout: options.totalTimeout,
    prepare,
    getMode: () => session.mode,
    getToken: () => session.token,
    getSessionRef: () => session.ref,
    onUnauthorized(ref) {
      // Only the live session's expiry is news; a stale request's 401 is not.
      if (ref === session.ref && session.clear('expired')) options.onSessionExpired?.();
    },
    onResponse(response, authenticated) {
      session.observeDate(response.headers.get('date'));
      if (authenticated) session.observeActivity();
    },
  });
  return Object.freeze({
    auth: createAuth(transport, session),
    credentials: createCredentials(transport, session, read),
    account: createAccount(transport),
    billing: createBilling(transport),
    reissueEmail: createReissueEmail(transport),
    noticeEmail: createNoticeEmail(transport),
    passwordReissue: createPasswordReissue(transport),
  });
}
