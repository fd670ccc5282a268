/**
 * The prose of the contract: what each endpoint does, which error codes it
 * may answer, and what each code means. Used by the docs generator, the
 * reference backend and the conformance tests; not by the SDK, so none of
 * these words reach partners' pages. Typed against the endpoint table, so an
 * endpoint without docs does not compile.
 *
 * @module
 */
import type { DEV_ENDPOINTS } from './dev.js';
import { ENDPOINTS, type EndpointId } from './endpoints.js';
import { ERROR_STATUS, type ErrorCode } from './errors.js';

/** What an endpoint does and how it can fail. */
export interface EndpointDoc {
  summary: string;
  /** Every error code the endpoint may answer with. */
  errors: readonly ErrorCode[];
}

/** Every error code with its HTTP status and meaning. */
export const ERROR_CODES = {
  validation_failed: { status: ERROR_STATUS.validation_failed, description: 'The request body, query or path failed validation; `fields` says which field broke which rule.' },
  invalid_credentials: { status: ERROR_STATUS.invalid_credentials, description: 'Login ID and password (or postcard ID and password, or the current password) did not match. `details.remainingAttempts` says how many tries remain before the account locks.' },
  session_expired: { status: ERROR_STATUS.session_expired, description: 'No session token, or the session has ended (logout, idle timeout, or a later login).' },
  credential_change_required: { status: ERROR_STATUS.credential_change_required, description: 'The session may only change credentials: a postcard login must set its own ID and password, a reissued password must be changed.' },
  forbidden: {
    status: ERROR_STATUS.forbidden,
    description:
      'The request came through a host name the service does not serve (a DNS-rebinding defence), or, where sessions are kept in a cookie, a write came without the `X-Web-Billing-CSRF: 1` header or from a page of another site.',
  },
  not_found: { status: ERROR_STATUS.not_found, description: 'No such line, company, registration or route.' },
  method_not_allowed: { status: ERROR_STATUS.method_not_allowed, description: 'The path exists but not with this HTTP method; the `Allow` header lists the methods it has.' },
  month_out_of_range: { status: ERROR_STATUS.month_out_of_range, description: 'The month is outside the 15-month billing history.' },
  breakdown_not_retained: { status: ERROR_STATUS.breakdown_not_retained, description: 'Breakdowns and summaries are kept for the past 4 months only; the amount of an older month is in the history.' },
  conflict: { status: ERROR_STATUS.conflict, description: 'The registration already exists; change or delete it instead.' },
  link_expired: { status: ERROR_STATUS.link_expired, description: 'The confirmation link is unknown, already used, or older than 24 hours. Start the registration again.' },
  uri_too_long: { status: ERROR_STATUS.uri_too_long, description: 'The request target is longer than 8,192 characters.' },
  unsupported_media_type: { status: ERROR_STATUS.unsupported_media_type, description: 'A write whose body is not `Content-Type: application/json`. Refused before anything is checked, so a cross-site form or `text/plain` post never reaches an operation (and never counts toward a lock).' },
  account_locked: { status: ERROR_STATUS.account_locked, description: 'Too many failed logins: the account is locked until a password reissue. Answered alike for right and wrong passwords.' },
  rate_limited: { status: ERROR_STATUS.rate_limited, description: 'Too many requests; `Retry-After` (seconds) says when to try again.' },
  headers_too_large: { status: ERROR_STATUS.headers_too_large, description: 'The request headers are larger than the server accepts (16 KB).' },
  internal: { status: ERROR_STATUS.internal, description: 'The service failed. Safe to retry reads.' },
} as const satisfies Record<ErrorCode, { status: number; description: string }>;

const READ: readonly ErrorCode[] = ['session_expired', 'credential_change_required', 'rate_limited', 'internal'];
const WRITE: readonly ErrorCode[] = ['validation_failed', ...READ];

/** Docs of every endpoint of the contract, as written below plus what every write may answer. */
export const ENDPOINT_DOCS: Record<EndpointId, EndpointDoc> = /* @__PURE__ */ withWriteErrors({
  'auth.initialLogin': {
    summary: 'Log in with the single-use ID and password printed on the postcard. The session must then set its own credentials.',
    errors: ['validation_failed', 'invalid_credentials', 'account_locked', 'rate_limited', 'internal'],
  },
  'auth.login': {
    summary: 'Log in with a login ID and password. Postcard credentials are accepted too (stage `credential-setup-required`); a reissued password gives stage `password-change-required`.',
    errors: ['validation_failed', 'invalid_credentials', 'account_locked', 'rate_limited', 'internal'],
  },
  'auth.logout': {
    summary: 'End the session. Its token stops working at once.',
    errors: ['session_expired', 'internal'],
  },
  'auth.session': {
    summary: 'The current session: its stage, login ID and expiry. Extends the session.',
    errors: ['session_expired', 'rate_limited', 'internal'],
  },
  'credentials.policy': {
    summary: 'The credential policy: lengths, character classes, the allowed symbols, the lock threshold and the link lifetime.',
    errors: ['rate_limited', 'internal'],
  },
  'credentials.loginIdAvailability': {
    summary: 'Whether a login ID is free to choose (for live feedback during the first change). Postcard IDs still in use count as taken. Answers only a postcard session or an active one (a reissued password must be changed first), and is throttled like a secret check: it is the one place where the existence of a login ID shows.',
    errors: ['validation_failed', 'session_expired', 'credential_change_required', 'rate_limited', 'internal'],
  },
  'credentials.setup': {
    summary: "The first change after a postcard login: the postcard ID and password again, the new login ID twice and the new password twice. The postcard credentials stop working and the account's other sessions end.",
    errors: ['validation_failed', 'invalid_credentials', 'session_expired', 'conflict', 'rate_limited', 'internal'],
  },
  'credentials.changePassword': {
    summary: "Change the password: the current (or mailed temporary) password, the new one twice. Required after a reissue. Ends the account's other sessions and mails a notice (without the password) to the reissue email.",
    errors: ['validation_failed', 'invalid_credentials', 'session_expired', 'credential_change_required', 'rate_limited', 'internal'],
  },
  'account.get': {
    summary: 'The account: registered phone or customer number, name, and whether lines are billed together.',
    errors: READ,
  },
  'account.lines': {
    summary: 'The communication companies and lines billed under the account.',
    errors: READ,
  },
  'billing.history': {
    summary: 'Monthly amounts of the past 15 months including the current one, newest first.',
    errors: READ,
  },
  'billing.breakdown': {
    summary: "A month's detailed breakdown (past 4 months only): in total, for one company, or for one line; with every company, line and item.",
    errors: ['validation_failed', 'not_found', 'month_out_of_range', 'breakdown_not_retained', ...READ],
  },
  'billing.summary': {
    summary: "A month's billing summary (past 4 months only): usage amounts and notices.",
    errors: ['validation_failed', 'month_out_of_range', 'breakdown_not_retained', ...READ],
  },
  'reissueEmail.questions': {
    summary: 'The secret questions to choose from.',
    errors: ['rate_limited', 'internal'],
  },
  'reissueEmail.status': {
    summary: 'Whether an email for password reissue is registered, pending confirmation, or none.',
    errors: READ,
  },
  'reissueEmail.register': {
    summary: 'Register the email for password reissue with a secret question and answer. Mails a confirmation link valid 24 hours; nothing is registered until it is followed.',
    errors: ['conflict', ...WRITE],
  },
  'reissueEmail.change': {
    summary: 'Change the registered email, question or answer. Mails a confirmation link to the new address; the old registration stays until it is followed.',
    errors: ['not_found', ...WRITE],
  },
  'reissueEmail.delete': {
    summary: 'Delete the email for password reissue (and any pending change). Mails the deleted address that it was deleted.',
    errors: ['not_found', ...READ],
  },
  'reissueEmail.checkLink': {
    summary: 'Whether the mailed link (its token) can still be used, checked without using it: the confirm step asks before the customer types anything. 410 `link_expired` when it is unknown, used, expired, withdrawn or for the other purpose.',
    errors: ['validation_failed', 'link_expired', 'rate_limited', 'internal'],
  },
  'reissueEmail.confirm': {
    summary: 'Follow the mailed link: the token from the URL, with the secret question and answer again. Single use; expires after 24 hours. When it replaces a registered address, the old address is mailed that it changed.',
    errors: ['validation_failed', 'link_expired', 'rate_limited', 'internal'],
  },
  'noticeEmail.status': {
    summary: 'Whether an email for the monthly billing-amount notice is registered, pending, or none.',
    errors: READ,
  },
  'noticeEmail.register': {
    summary: 'Temporarily register an address (type mobile or Internet) for the billing-amount notice. Mails a confirmation link valid 24 hours.',
    errors: ['conflict', ...WRITE],
  },
  'noticeEmail.change': {
    summary: 'Change the notice address or type. Mails a confirmation link to the new address.',
    errors: ['not_found', ...WRITE],
  },
  'noticeEmail.delete': {
    summary: 'Stop the billing-amount notice. Mails the deleted address that it was deleted.',
    errors: ['not_found', ...READ],
  },
  'noticeEmail.checkLink': {
    summary: 'Whether the mailed link (its token) can still be used, checked without using it, as for the reissue email.',
    errors: ['validation_failed', 'link_expired', 'rate_limited', 'internal'],
  },
  'noticeEmail.confirm': {
    summary: 'Follow the mailed link: the token with the registered phone or customer number (digits, no dashes). Completes the formal registration and mails a completion notice; when it replaces a registered address, the old address is mailed that it changed.',
    errors: ['validation_failed', 'link_expired', 'rate_limited', 'internal'],
  },
  'passwordReissue.request': {
    summary: 'Ask for a new password: login ID, registered email, secret question and answer. Answers the same whether or not they matched; on a full match a temporary password is mailed and the account is unlocked. The temporary password logs in for the policy setting `temporaryPasswordHours` (then it is refused like a wrong one) and only to change the password; a newer reissue or the change ends it. After as many requests that did not match as the lock threshold, for one login ID from one client, that attempt has ended: the same answer, but nothing is mailed for 24 hours.',
    errors: ['validation_failed', 'rate_limited', 'internal'],
  },
});

/** Every write (POST, PUT, DELETE) may also answer 415 `unsupported_media_type`, and 403 `forbidden` in the cookie mode (CSRF). */
function withWriteErrors(docs: Record<EndpointId, EndpointDoc>): Record<EndpointId, EndpointDoc> {
  for (const id of Object.keys(docs) as EndpointId[]) {
    if (ENDPOINTS[id].method !== 'GET') docs[id] = { ...docs[id], errors: [...docs[id].errors, 'unsupported_media_type', 'forbidden'] };
  }
  return docs;
}

/** Docs of the reference backend's development routes. */
export const DEV_ENDPOINT_DOCS: Record<keyof typeof DEV_ENDPOINTS, EndpointDoc> = {
  'dev.outbox': {
    summary: 'Every mail the backend has sent, newest last.',
    errors: [],
  },
  'dev.clock': {
    summary: "Move the backend's clock: `advanceHours`, `advanceMs` or `set`. Links expire and monthly mails go out as it passes.",
    errors: ['validation_failed'],
  },
  'dev.reset': {
    summary: 'Restore the seeded accounts, empty the outbox, reset the clock and forget the rate limiter\'s counts.',
    errors: [],
  },
};
