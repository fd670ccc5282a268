/**
 * Web Billing Kit SDK: a typed client for every operation of the Web Billing
 * service, for the browser and Node.
 *
 * @example
 * ```ts
 * import { createClient } from 'web-billing-kit';
 *
 * const client = createClient({ baseUrl: '/api/v1' });
 * await client.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' });
 * const { months } = await client.billing.history();
 * ```
 *
 * @module
 */
export { createClient, type ClientOptions, type WebBillingClient } from './client.js';
export type { CallOptions } from './transport.js';
export type { SessionInfo, SessionListener, SessionChangeReason, SessionEndReason } from './session.js';
export type { AuthResource } from './resources/auth.js';
export type { CredentialsResource, PolicyResult } from './resources/credentials.js';
export type { AccountResource } from './resources/account.js';
export type { BillingResource, BreakdownScope } from './resources/billing.js';
export type { ReissueEmailResource } from './resources/reissue-email.js';
export type { NoticeEmailResource } from './resources/notice-email.js';
export type { PasswordReissueResource } from './resources/password-reissue.js';
export * from './errors.js';
export {
  DEFAULT_CREDENTIAL_POLICY,
  DEFAULT_ALLOWED_SYMBOLS,
  BILLING_RULES,
  INQUIRY_DESK,
  MAIL_SENDER,
  checkCredential,
  allPass,
  isInitialCredential,
  normalizeNumber,
  type CredentialPolicy,
  type CredentialFieldPolicy,
  type CredentialCheck,
  type CredentialRule,
  type SessionMode,
  SESSION_COOKIE,
  CSRF_HEADER,
} from './contract/rules.js';
export type * from './contract/types.js';
export type { ErrorCode, FieldIssueCode } from './contract/errors.js';
