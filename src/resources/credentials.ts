/**
 * The credential policy, the first change of login ID and password, and
 * password changes.
 *
 * @module
 */
import {
  DEFAULT_CREDENTIAL_POLICY,
  checkCredential,
  type CredentialCheck,
  type CredentialPolicy,
  type CredentialSetupRequest,
  type LoginIdAvailabilityResponse,
  type PasswordChangeRequest,
} from '../contract/index.js';
import { isWebBillingError } from '../errors.js';
import type { SessionStore } from '../session.js';
import type { CallOptions, Transport } from '../transport.js';

/** A credential policy and where it came from. */
export interface PolicyResult extends CredentialPolicy {
  /** `backend`: published by the service; `default`: the documented fallback, used because the service could not be reached. */
  source: 'backend' | 'default';
}

/** The credential policy and credential changes. */
export interface CredentialsResource {
  /**
   * The service's published credential policy (lengths, character classes,
   * the allowed symbols, lock threshold), fetched once and cached. When the
   * service cannot be reached (network, timeout, 5xx) it resolves to the
   * documented default with `source: 'default'` and tries again next time.
   *
   * @example
   * ```ts
   * const policy = await client.credentials.policy();
   * policy.allowedSymbols; // '!#$%&()*+-./:;=?@[]_'
   * ```
   */
  policy(options?: CallOptions): Promise<PolicyResult>;
  /**
   * Checks a chosen login ID or password against the service's policy, rule
   * by rule, without sending it anywhere (for live checklists).
   *
   * @example
   * ```ts
   * const checks = await client.credentials.check('password', typed, { other: loginId, confirmation: typedAgain });
   * checks.every((c) => c.ok);
   * ```
   */
  check(
    kind: 'loginId' | 'password',
    value: string,
    context?: { other?: string; confirmation?: string },
  ): Promise<CredentialCheck[]>;
  /**
   * Whether a login ID is free to choose. Needs a session (the postcard one is fine).
   *
   * @example
   * ```ts
   * const { available } = await client.credentials.loginIdAvailability('hanako-01');
   * ```
   */
  loginIdAvailability(loginId: string, options?: CallOptions): Promise<LoginIdAvailabilityResponse>;
  /**
   * The first change after a postcard login: the postcard ID and password
   * again, the new login ID twice and the new password twice. On success the
   * session becomes `active` and the postcard credentials stop working.
   *
   * @throws {@link ValidationError} with an issue per broken rule and field (e.g. `login_id_taken` on `newLoginId`), {@link InvalidCredentialsError} when the postcard credentials are wrong
   * @example
   * ```ts
   * await client.credentials.setup({
   *   initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa',
   *   newLoginId: 'hanako-01', newLoginIdConfirm: 'hanako-01',
   *   newPassword, newPasswordConfirm: newPassword,
   * });
   * ```
   */
  setup(request: CredentialSetupRequest, options?: CallOptions): Promise<{ loginId: string }>;
  /**
   * Changes the password: the current one (after a reissue, the mailed
   * temporary one), then the new one twice. Ends the
   * `password-change-required` stage.
   *
   * @throws {@link InvalidCredentialsError} when the current password is wrong, {@link ValidationError}
   * @example
   * ```ts
   * await client.credentials.changePassword({ currentPassword: mailed, newPassword, newPasswordConfirm: newPassword });
   * ```
   */
  changePassword(request: PasswordChangeRequest, options?: CallOptions): Promise<void>;
}

const FALLBACK_CODES = new Set(['network', 'timeout', 'server', 'internal', 'rate_limited', 'contract']);

/**
 * @param known the policy as the client already read it (the `auto` session
 *   mode reads it first), so that it is not asked for twice
 */
export function createCredentials(transport: Transport, session: SessionStore, known: { policy?: CredentialPolicy } = {}): CredentialsResource {
  let cached: PolicyResult | undefined;
  const resource: CredentialsResource = {
    async policy(options) {
      if (!cached && known.policy) cached = { ...known.policy, source: 'backend' };
      if (cached) return cached;
      try {
        cached = { ...(await transport.call('credentials.policy', options)), source: 'backend' };
        return cached;
      } catch (error) {
        if (isWebBillingError(error) && FALLBACK_CODES.has(error.code)) {
          return { ...DEFAULT_CREDENTIAL_POLICY, source: 'default' };
        }
        throw error;
      }
    },
    async check(kind, value, context = {}) {
      return checkCredential(kind, value, await resource.policy(), context.other, context.confirmation);
    },
    loginIdAvailability(loginId, options) {
      return transport.call('credentials.loginIdAvailability', { ...options, query: { loginId } });
    },
    async setup(request, options) {
      const response = await transport.call('credentials.setup', { ...options, body: request });
      session.update({ stage: response.stage, loginId: response.loginId }, 'stage');
      session.tellOtherTabs('password-changed', response.loginId);
      return { loginId: response.loginId };
    },
    async changePassword(request, options) {
      const response = await transport.call('credentials.changePassword', { ...options, body: request });
      session.update({ stage: response.stage }, 'stage');
      const loginId = session.info?.loginId;
      if (loginId) session.tellOtherTabs('password-changed', loginId);
    },
  };
  return resource;
}
