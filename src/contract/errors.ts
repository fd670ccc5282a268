/**
 * Error codes of the wire contract: every error response has the body
 * {@link ErrorBody} and one of these codes, always with the status given here.
 *
 * @module
 */

/** Every error code the service answers with, and its HTTP status and meaning. */
export const ERROR_CODES = {
  validation_failed: { status: 400, description: 'The request body, query or path failed validation; `fields` says which field broke which rule.' },
  invalid_credentials: { status: 401, description: 'Login ID and password (or postcard ID and password, or the current password) did not match. `details.remainingAttempts` says how many tries remain before the account locks.' },
  session_expired: { status: 401, description: 'No session token, or the session has ended (logout, idle timeout, or a later login).' },
  credential_change_required: { status: 403, description: 'The session may only change credentials: a postcard login must set its own ID and password, a reissued password must be changed.' },
  not_found: { status: 404, description: 'No such line, company, registration or route.' },
  month_out_of_range: { status: 404, description: 'The month is outside the 15-month billing history.' },
  breakdown_not_retained: { status: 404, description: 'Breakdowns and summaries are kept for the past 4 months only; the amount of an older month is in the history.' },
  conflict: { status: 409, description: 'The registration already exists; change or delete it instead.' },
  link_expired: { status: 410, description: 'The confirmation link is unknown, already used, or older than 24 hours. Start the registration again.' },
  account_locked: { status: 423, description: 'Too many failed logins: the account is locked until a password reissue. Answered alike for right and wrong passwords.' },
  rate_limited: { status: 429, description: 'Too many requests; `Retry-After` (seconds) says when to try again.' },
  internal: { status: 500, description: 'The service failed. Safe to retry reads.' },
} as const satisfies Record<string, { status: number; description: string }>;

/** A stable error code of the wire contract. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The list of error codes, for schemas and docs. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** Field-level rule codes inside a `validation_failed` error. */
export const FIELD_ISSUE_CODES = [
  'required',
  'invalid_type',
  'too_short',
  'too_long',
  'invalid_format',
  'letter_and_digit_required',
  'invalid_characters',
  'same_as_login_id',
  'mismatch',
  'login_id_taken',
  'not_initial_credential',
  'unknown_question',
  'wrong_answer',
  'wrong_number',
] as const;

/** A field-level rule code. */
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];
