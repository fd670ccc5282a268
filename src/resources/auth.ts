/**
 * Logging in and out, and the session.
 *
 * @module
 */
import type { EndpointId, InitialLoginRequest, LoginRequest, LoginResponse } from '../contract/index.js';
import { ContractError, isWebBillingError } from '../errors.js';
import type { SessionMode } from '../contract/index.js';
import type { SessionInfo, SessionListener, SessionStore } from '../session.js';
import type { CallOptions, Transport } from '../transport.js';

/** Logging in and out, and the session. */
export interface AuthResource {
  /**
   * Logs in with the single-use ID (7 alphanumerics) and password (8
   * alphanumerics) printed on the postcard. The session's stage is then
   * `credential-setup-required`: call {@link CredentialsResource.setup} next.
   *
   * @throws {@link InvalidCredentialsError} (with `remainingAttempts`), {@link AccountLockedError}, {@link ValidationError}
   * @example
   * ```ts
   * const session = await client.auth.initialLogin({ initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' });
   * session.stage; // 'credential-setup-required'
   * ```
   */
  initialLogin(request: InitialLoginRequest, options?: CallOptions): Promise<SessionInfo>;
  /**
   * Logs in with a login ID and password. Postcard credentials are accepted
   * too. Check `stage`: `password-change-required` after a reissued
   * password, `credential-setup-required` after a postcard login.
   *
   * @throws {@link InvalidCredentialsError} (with `remainingAttempts`), {@link AccountLockedError}
   * @example
   * ```ts
   * const session = await client.auth.login({ loginId: 'taro2024', password });
   * if (session.stage === 'password-change-required') showPasswordChange();
   * ```
   */
  login(request: LoginRequest, options?: CallOptions): Promise<SessionInfo>;
  /**
   * Ends the session on the service and forgets the token. Resolves even if
   * the session had already ended.
   *
   * @example
   * ```ts
   * await client.auth.logout();
   * ```
   */
  logout(options?: CallOptions): Promise<void>;
  /**
   * Asks the service for the session's state (and extends it).
   *
   * @throws {@link SessionExpiredError} when there is no live session
   * @example
   * ```ts
   * const { stage, expiresAt } = await client.auth.session();
   * ```
   */
  session(options?: CallOptions): Promise<SessionInfo>;
  /**
   * Finds the session again after a reload or on another page of the site
   * (`cookie` and `tab` modes; in `memory` mode there is none to find):
   * asks the service (`GET /auth/session`) and resolves with the session,
   * or `undefined` when there is none. Call it once on page load, before
   * showing anything that depends on being logged in; `<wb-provider>` does.
   *
   * @throws {@link NetworkError}, {@link TimeoutError}, {@link ServerError} when the service cannot say
   * @example
   * ```ts
   * const session = await client.auth.restore();
   * if (!session) showLogin();
   * ```
   */
  restore(options?: CallOptions): Promise<SessionInfo | undefined>;
  /**
   * Milliseconds until the session ends without activity, by the service's
   * clock as last seen (each answer's `Date` header); `undefined` when
   * logged out. Every authenticated call starts the idle time again (the
   * listeners hear `activity`).
   */
  timeLeft(): number | undefined;
  /**
   * How the session is held: chosen with the `session` option, or read from
   * the policy on the first call when that option is `auto` (and `auto`
   * until then).
   */
  readonly mode: SessionMode | 'auto';
  /** The session as last known, without a request; `undefined` when logged out. */
  readonly current: SessionInfo | undefined;
  /**
   * Calls `listener` on every login, stage change, logout and expiry.
   *
   * @returns a function that unsubscribes
   * @example
   * ```ts
   * const stop = client.auth.subscribe((session, reason) => render(session, reason));
   * ```
   */
  subscribe(listener: SessionListener): () => void;
}

function infoOf(response: LoginResponse): SessionInfo {
  return { stage: response.stage, loginId: response.loginId, expiresAt: response.expiresAt };
}

export function createAuth(transport: Transport, session: SessionStore): AuthResource {
  const start = (id: EndpointId, response: LoginResponse): SessionInfo => {
    if (session.mode !== 'cookie' && !response.token) {
      // A cookie backend called in a bearer mode: nothing would authenticate the next call.
      throw new ContractError(id, ['token: missing (does the service keep sessions in a cookie? create the client with session: "cookie" or "auto")']);
    }
    session.start(response.token, infoOf(response));
    return infoOf(response);
  };
  return {
    async initialLogin(request, options) {
      return start('auth.initialLogin', await transport.call('auth.initialLogin', { ...options, body: request }));
    },
    async login(request, options) {
      return start('auth.login', await transport.call('auth.login', { ...options, body: request }));
    },
    async logout(options) {
      // In the cookie mode there may be a session this page has not found yet: the service knows.
      if (!session.ref && session.mode !== 'cookie') return;
      try {
        await transport.call('auth.logout', options);
      } catch (error) {
        // An ended session is logged out already; anything else is worth reporting,
        // but the token is forgotten either way.
        if ((error as { code?: string }).code !== 'session_expired') {
          session.clear('logout');
          throw error;
        }
      }
      session.clear('logout');
    },
    async session(options) {
      const response = await transport.call('auth.session', options);
      if (session.info) session.update(response, 'refresh');
      else session.start(undefined, response, 'restore');
      return { ...response };
    },
    async restore(options) {
      await transport.ready();
      if (session.mode !== 'cookie' && (session.mode !== 'tab' || !session.token)) return session.info;
      const before = session.info;
      try {
        const response = await transport.call('auth.session', options);
        if (before) session.update(response, 'restore');
        else session.start(undefined, response, 'restore');
        return session.info;
      } catch (error) {
        if (isWebBillingError(error) && error.code === 'session_expired') return undefined;
        throw error;
      }
    },
    timeLeft() {
      return session.timeLeft();
    },
    get mode() {
      return session.mode;
    },
    get current() {
      return session.info;
    },
    subscribe(listener) {
      return session.subscribe(listener);
    },
  };
}
