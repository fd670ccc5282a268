/**
 * Typed errors of the SDK. Every failure of every call is a
 * {@link WebBillingError} with a stable {@link WebBillingError.code}; the
 * subclasses carry what a UI needs to recover (field issues, remaining
 * attempts, retry delay). Messages are plain, specific, and never contain a
 * password, an answer, a token or a URL with a token.
 *
 * @module
 */
import type { ErrorCode, FieldIssue } from './contract/index.js';

/** Codes of errors made by the SDK itself rather than answered by the service. */
export type ClientErrorCode = 'network' | 'timeout' | 'aborted' | 'contract' | 'server';

/** Every code a {@link WebBillingError} can have. */
export type WebBillingErrorCode = ErrorCode | ClientErrorCode;

/** What every error of the SDK carries besides its message. */
export interface WebBillingErrorInit {
  status?: number | undefined;
  requestId?: string | undefined;
  cause?: unknown;
}

const DEFAULT_MESSAGES: Record<WebBillingErrorCode, string> = {
  validation_failed: 'Some of the information entered is not valid.',
  invalid_credentials: 'The login ID or password is incorrect.',
  session_expired: 'Your session has ended. Please log in again.',
  credential_change_required: 'Please change your login ID and password before continuing.',
  not_found: 'What you asked for was not found.',
  forbidden:
    'The billing service refused this request: call it by its own address, and, where it keeps sessions in a cookie, from its own site with session: "cookie" or "auto".',
  method_not_allowed: 'The billing service does not accept this kind of request here.',
  uri_too_long: 'The request address is too long.',
  unsupported_media_type: 'The billing service accepts only JSON requests.',
  headers_too_large: 'The request headers are too large.',
  month_out_of_range: 'Billing amounts are kept for the past 15 months only.',
  breakdown_not_retained: 'Detailed breakdowns are kept for the past 4 months only.',
  conflict: 'This is already registered. Change or delete the registration instead.',
  link_expired: 'This link has expired or has already been used. Please start the registration again.',
  account_locked: 'This account is locked after too many failed logins. Reissue your password to unlock it.',
  rate_limited: 'Too many requests. Please wait a moment and try again.',
  internal: 'The billing service had a problem. Please try again.',
  server: 'The billing service had a problem. Please try again.',
  network: 'The billing service could not be reached. Check your connection and try again.',
  timeout: 'The billing service took too long to answer. Please try again.',
  aborted: 'The request was cancelled.',
  contract: 'The billing service answered in an unexpected format.',
};

/**
 * Base class of every error the SDK throws.
 *
 * @example
 * ```ts
 * try {
 *   await client.auth.login({ loginId, password });
 * } catch (error) {
 *   if (isWebBillingError(error, 'account_locked')) showLockedHelp();
 *   else throw error;
 * }
 * ```
 */
export class WebBillingError extends Error {
  /** Stable machine-readable code; switch on this, not on the message. */
  readonly code: WebBillingErrorCode;
  /** HTTP status, when the service answered. */
  readonly status: number | undefined;
  /** The service's request id, for support. */
  readonly requestId: string | undefined;
  override name = 'WebBillingError';

  constructor(code: WebBillingErrorCode, message: string = DEFAULT_MESSAGES[code], init: WebBillingErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.status = init.status;
    this.requestId = init.requestId;
  }
}

/** Input broke a rule; {@link ValidationError.fields} says which field broke which. */
export class ValidationError extends WebBillingError {
  override name = 'ValidationError';
  /** Field-level issues, to place next to each field. */
  readonly fields: readonly FieldIssue[];
  constructor(fields: readonly FieldIssue[], init: WebBillingErrorInit = {}) {
    super('validation_failed', fields.length ? `${DEFAULT_MESSAGES.validation_failed} ${fields.map((f) => f.message).join(' ')}` : undefined, init);
    this.fields = fields;
  }
  /** The issues of one field. */
  forField(field: string): FieldIssue[] {
    return this.fields.filter((f) => f.field === field);
  }
}

/** Wrong login ID or password. */
export class InvalidCredentialsError extends WebBillingError {
  override name = 'InvalidCredentialsError';
  /** Tries left before the account locks, when the service says. */
  readonly remainingAttempts: number | undefined;
  constructor(remainingAttempts: number | undefined, init: WebBillingErrorInit = {}) {
    super('invalid_credentials', undefined, init);
    this.remainingAttempts = remainingAttempts;
  }
}

/** The account is locked; a password reissue unlocks it. */
export class AccountLockedError extends WebBillingError {
  override name = 'AccountLockedError';
  constructor(init: WebBillingErrorInit = {}) {
    super('account_locked', undefined, init);
  }
}

/** The session is missing or has ended. */
export class SessionExpiredError extends WebBillingError {
  override name = 'SessionExpiredError';
  constructor(init: WebBillingErrorInit = {}) {
    super('session_expired', undefined, init);
  }
}

/** The session must change its credentials first. */
export class CredentialChangeRequiredError extends WebBillingError {
  override name = 'CredentialChangeRequiredError';
  constructor(init: WebBillingErrorInit = {}) {
    super('credential_change_required', undefined, init);
  }
}

/** Nothing there: unknown line or company, no registration, or a month outside what is kept. */
export class NotFoundError extends WebBillingError {
  override name = 'NotFoundError';
  constructor(code: 'not_found' | 'month_out_of_range' | 'breakdown_not_retained' = 'not_found', init: WebBillingErrorInit = {}) {
    super(code, undefined, init);
  }
}

/** Already registered. */
export class ConflictError extends WebBillingError {
  override name = 'ConflictError';
  constructor(init: WebBillingErrorInit = {}) {
    super('conflict', undefined, init);
  }
}

/** A mailed link that is unknown, used, or older than its lifetime. */
export class LinkExpiredError extends WebBillingError {
  override name = 'LinkExpiredError';
  constructor(init: WebBillingErrorInit = {}) {
    super('link_expired', undefined, init);
  }
}

/** Too many requests. */
export class RateLimitedError extends WebBillingError {
  override name = 'RateLimitedError';
  /** Seconds to wait before trying again, when the service says. */
  readonly retryAfter: number | undefined;
  constructor(retryAfter: number | undefined, init: WebBillingErrorInit = {}) {
    super(
      'rate_limited',
      retryAfter === undefined ? undefined : `Too many requests. Please try again in ${retryAfter} seconds.`,
      init,
    );
    this.retryAfter = retryAfter;
  }
}

/** The service failed (5xx). */
export class ServerError extends WebBillingError {
  override name = 'ServerError';
  constructor(init: WebBillingErrorInit = {}) {
    super(init.status === 500 ? 'internal' : 'server', undefined, init);
  }
}

/** The service could not be reached. */
export class NetworkError extends WebBillingError {
  override name = 'NetworkError';
  constructor(init: WebBillingErrorInit = {}) {
    super('network', undefined, init);
  }
}

/** The service did not answer in time. */
export class TimeoutError extends WebBillingError {
  override name = 'TimeoutError';
  constructor(init: WebBillingErrorInit = {}) {
    super('timeout', undefined, init);
  }
}

/** The caller aborted the request through its `AbortSignal`. */
export class AbortedError extends WebBillingError {
  override name = 'AbortedError';
  constructor(init: WebBillingErrorInit = {}) {
    super('aborted', undefined, init);
  }
}

/** The service answered something the contract does not allow. */
export class ContractError extends WebBillingError {
  override name = 'ContractError';
  /** Where the answer broke the contract (schema paths), without the values. */
  readonly issues: readonly string[];
  constructor(endpoint: string, issues: readonly string[], init: WebBillingErrorInit = {}) {
    super('contract', `The billing service answered ${endpoint} in an unexpected format (${issues.slice(0, 3).join('; ')}).`, init);
    this.issues = issues;
  }
}

const NAMES = new Set([
  'WebBillingError',
  'ValidationError',
  'InvalidCredentialsError',
  'AccountLockedError',
  'SessionExpiredError',
  'CredentialChangeRequiredError',
  'NotFoundError',
  'ConflictError',
  'LinkExpiredError',
  'RateLimitedError',
  'ServerError',
  'NetworkError',
  'TimeoutError',
  'AbortedError',
  'ContractError',
]);

/**
 * Whether `error` is a {@link WebBillingError} (optionally with one code).
 * Matches by name and shape too, so it works across realms and duplicate
 * copies of the SDK, where `instanceof` does not.
 *
 * @example
 * ```ts
 * if (isWebBillingError(error, 'link_expired')) offerToStartAgain();
 * ```
 */
export function isWebBillingError<C extends WebBillingErrorCode>(
  error: unknown,
  code?: C,
): error is WebBillingError & { code: C } {
  const matches =
    error instanceof WebBillingError ||
    (error instanceof Error && NAMES.has(error.name) && typeof (error as { code?: unknown }).code === 'string');
  return matches && (code === undefined || (error as WebBillingError).code === code);
}

/** Whether `error` carries field-level issues. */
export function isValidationError(error: unknown): error is ValidationError {
  return isWebBillingError(error, 'validation_failed') && Array.isArray((error as ValidationError).fields);
}

/** Whether the same call may succeed if simply tried again (network, timeout, 5xx, 429). */
export function isRetryable(error: unknown): boolean {
  return (
    isWebBillingError(error) &&
    (['network', 'timeout', 'server', 'internal', 'rate_limited'] as WebBillingErrorCode[]).includes(error.code)
  );
}
