/**
 * Error codes of the wire contract: every error response has the body
 * `ErrorBody` and one of these codes, always with the status given here.
 * What each code means is in `endpoint-docs.ts` (`ERROR_CODES`), kept out of
 * the SDK's bundle.
 *
 * @module
 */

/** Every error code the service answers with, and the HTTP status it always comes with. */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_credentials: 401,
  session_expired: 401,
  credential_change_required: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  month_out_of_range: 404,
  breakdown_not_retained: 404,
  conflict: 409,
  link_expired: 410,
  uri_too_long: 414,
  unsupported_media_type: 415,
  account_locked: 423,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
} as const satisfies Record<string, number>;

/** A stable error code of the wire contract. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The list of error codes, for schemas and docs. */
export const ERROR_CODE_LIST = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

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
