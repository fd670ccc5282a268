/**
 * Logging in and out, and the session.
 *
 * @module
 */
import type { InitialLoginRequest, LoginRequest, LoginResponse } from '../contract/index.js';
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
  return {
    async initialLogin(request, options) {
      const response = await transport.call('auth.initialLogin', { ...options, body: request });
      session.start(response.token, infoOf(response));
      return infoOf(response);
    },
    async login(request, options) {
      const response = await transport.call('auth.login', { ...options, body: request });
      session.start(response.token, infoOf(response));
      return infoOf(response);
    },
    async logout(options) {
      if (!session.token) return;
      try {
        await transport.call('auth.logout', { ...options });
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
      const response = await transport.call('auth.session', { ...options });
      session.update(response, 'refresh');
      return { ...response };
    },
    get current() {
      return session.info;
    },
    subscribe(listener) {
      return session.subscribe(listener);
    },
  };
}
