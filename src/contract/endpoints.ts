/**
 * Every endpoint of the service as data: method, path, auth, request and
 * response schemas, success status and error codes. The SDK builds its calls
 * from this table, the reference backend its routes, and `docs/api.md` is
 * generated from it, so the three cannot drift.
 *
 * Paths are relative to the service's base URL (the reference backend
 * serves them under `/api/v1`). `:name` segments are path parameters.
 *
 * @module
 */
import type * as z from 'zod/mini';
import type { ErrorCode } from './errors.js';
import * as s from './schemas.js';

/** Who may call an endpoint. */
export type EndpointAuth =
  /** Anyone. */
  | 'public'
  /** A session in any stage (including the postcard and reissued-password stages). */
  | 'session'
  /** A session whose stage is `active`. */
  | 'active-session'
  /** Only the reference backend's development routes. */
  | 'dev';

/** One endpoint of the contract. */
export interface EndpointDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  auth: EndpointAuth;
  summary: string;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  response: z.ZodMiniType;
  status: 200 | 201 | 202 | 204;
  errors: readonly ErrorCode[];
}

const READ: readonly ErrorCode[] = ['session_expired', 'credential_change_required', 'rate_limited', 'internal'];
const WRITE: readonly ErrorCode[] = ['validation_failed', ...READ];

function define<const T extends Record<string, EndpointDef>>(table: T): T {
  return table;
}

/** The endpoint table. Keys are `resource.operation`, as in the SDK. */
export const ENDPOINTS = define({
  'auth.initialLogin': {
    method: 'POST',
    path: '/auth/initial-login',
    auth: 'public',
    summary: 'Log in with the single-use ID and password printed on the postcard. The session must then set its own credentials.',
    body: s.InitialLoginRequest,
    response: s.LoginResponse,
    status: 200,
    errors: ['validation_failed', 'invalid_credentials', 'account_locked', 'rate_limited', 'internal'],
  },
  'auth.login': {
    method: 'POST',
    path: '/auth/login',
    auth: 'public',
    summary: 'Log in with a login ID and password. Postcard credentials are accepted too (stage `credential-setup-required`); a reissued password gives stage `password-change-required`.',
    body: s.LoginRequest,
    response: s.LoginResponse,
    status: 200,
    errors: ['validation_failed', 'invalid_credentials', 'account_locked', 'rate_limited', 'internal'],
  },
  'auth.logout': {
    method: 'POST',
    path: '/auth/logout',
    auth: 'session',
    summary: 'End the session. Its token stops working at once.',
    response: s.NoContent,
    status: 204,
    errors: ['session_expired', 'internal'],
  },
  'auth.session': {
    method: 'GET',
    path: '/auth/session',
    auth: 'session',
    summary: 'The current session: its stage, login ID and expiry. Extends the session.',
    response: s.SessionResponse,
    status: 200,
    errors: ['session_expired', 'rate_limited', 'internal'],
  },
  'credentials.policy': {
    method: 'GET',
    path: '/credentials/policy',
    auth: 'public',
    summary: 'The credential policy: lengths, character classes, the allowed symbols, the lock threshold and the link lifetime.',
    response: s.CredentialPolicySchema,
    status: 200,
    errors: ['rate_limited', 'internal'],
  },
  'credentials.loginIdAvailability': {
    method: 'GET',
    path: '/credentials/login-id-availability',
    auth: 'session',
    summary: 'Whether a login ID is free to choose (for live feedback during the first change).',
    query: s.LoginIdAvailabilityQuery,
    response: s.LoginIdAvailabilityResponse,
    status: 200,
    errors: ['validation_failed', 'session_expired', 'rate_limited', 'internal'],
  },
  'credentials.setup': {
    method: 'POST',
    path: '/credentials/setup',
    auth: 'session',
    summary: 'The first change after a postcard login: the postcard ID and password again, the new login ID twice and the new password twice. The postcard credentials stop working.',
    body: s.CredentialSetupRequest,
    response: s.CredentialSetupResponse,
    status: 200,
    errors: ['validation_failed', 'invalid_credentials', 'session_expired', 'conflict', 'rate_limited', 'internal'],
  },
  'credentials.changePassword': {
    method: 'POST',
    path: '/credentials/password',
    auth: 'session',
    summary: 'Change the password: the current (or mailed temporary) password, the new one twice. Required after a reissue.',
    body: s.PasswordChangeRequest,
    response: s.PasswordChangeResponse,
    status: 200,
    errors: ['validation_failed', 'invalid_credentials', 'session_expired', 'credential_change_required', 'rate_limited', 'internal'],
  },
  'account.get': {
    method: 'GET',
    path: '/account',
    auth: 'active-session',
    summary: 'The account: registered phone or customer number, name, and whether lines are billed together.',
    response: s.AccountResponse,
    status: 200,
    errors: READ,
  },
  'account.lines': {
    method: 'GET',
    path: '/account/lines',
    auth: 'active-session',
    summary: 'The communication companies and lines billed under the account.',
    response: s.LinesResponse,
    status: 200,
    errors: READ,
  },
  'billing.history': {
    method: 'GET',
    path: '/billing/history',
    auth: 'active-session',
    summary: 'Monthly amounts of the past 15 months including the current one, newest first.',
    response: s.HistoryResponse,
    status: 200,
    errors: READ,
  },
  'billing.breakdown': {
    method: 'GET',
    path: '/billing/months/:month/breakdown',
    auth: 'active-session',
    summary: "A month's detailed breakdown (past 4 months only): in total, for one company, or for one line; with every company, line and item.",
    query: s.BreakdownQuery,
    response: s.BreakdownResponse,
    status: 200,
    errors: ['validation_failed', 'not_found', 'month_out_of_range', 'breakdown_not_retained', ...READ],
  },
  'billing.summary': {
    method: 'GET',
    path: '/billing/months/:month/summary',
    auth: 'active-session',
    summary: "A month's billing summary (past 4 months only): usage amounts and notices.",
    response: s.SummaryResponse,
    status: 200,
    errors: ['validation_failed', 'month_out_of_range', 'breakdown_not_retained', ...READ],
  },
  'reissueEmail.questions': {
    method: 'GET',
    path: '/reissue-email/questions',
    auth: 'public',
    summary: 'The secret questions to choose from.',
    response: s.SecretQuestionsResponse,
    status: 200,
    errors: ['rate_limited', 'internal'],
  },
  'reissueEmail.status': {
    method: 'GET',
    path: '/reissue-email',
    auth: 'active-session',
    summary: 'Whether an email for password reissue is registered, pending confirmation, or none.',
    response: s.ReissueEmailStatus,
    status: 200,
    errors: READ,
  },
  'reissueEmail.register': {
    method: 'POST',
    path: '/reissue-email',
    auth: 'active-session',
    summary: 'Register the email for password reissue with a secret question and answer. Mails a confirmation link valid 24 hours; nothing is registered until it is followed.',
    body: s.ReissueEmailRequest,
    response: s.ReissueEmailStatus,
    status: 202,
    errors: ['conflict', ...WRITE],
  },
  'reissueEmail.change': {
    method: 'PUT',
    path: '/reissue-email',
    auth: 'active-session',
    summary: 'Change the registered email, question or answer. Mails a confirmation link to the new address; the old registration stays until it is followed.',
    body: s.ReissueEmailRequest,
    response: s.ReissueEmailStatus,
    status: 202,
    errors: ['not_found', ...WRITE],
  },
  'reissueEmail.delete': {
    method: 'DELETE',
    path: '/reissue-email',
    auth: 'active-session',
    summary: 'Delete the email for password reissue (and any pending change).',
    response: s.NoContent,
    status: 204,
    errors: ['not_found', ...READ],
  },
  'reissueEmail.confirm': {
    method: 'POST',
    path: '/reissue-email/confirm',
    auth: 'public',
    summary: 'Follow the mailed link: the token from the URL, with the secret question and answer again. Single use; expires after 24 hours.',
    body: s.ReissueEmailConfirmRequest,
    response: s.ReissueEmailStatus,
    status: 200,
    errors: ['validation_failed', 'link_expired', 'rate_limited', 'internal'],
  },
  'noticeEmail.status': {
    method: 'GET',
    path: '/notice-email',
    auth: 'active-session',
    summary: 'Whether an email for the monthly billing-amount notice is registered, pending, or none.',
    response: s.NoticeEmailStatus,
    status: 200,
    errors: READ,
  },
  'noticeEmail.register': {
    method: 'POST',
    path: '/notice-email',
    auth: 'active-session',
    summary: 'Temporarily register an address (type mobile or Internet) for the billing-amount notice. Mails a confirmation link valid 24 hours.',
    body: s.NoticeEmailRequest,
    response: s.NoticeEmailStatus,
    status: 202,
    errors: ['conflict', ...WRITE],
  },
  'noticeEmail.change': {
    method: 'PUT',
    path: '/notice-email',
    auth: 'active-session',
    summary: 'Change the notice address or type. Mails a confirmation link to the new address.',
    body: s.NoticeEmailRequest,
    response: s.NoticeEmailStatus,
    status: 202,
    errors: ['not_found', ...WRITE],
  },
  'noticeEmail.delete': {
    method: 'DELETE',
    path: '/notice-email',
    auth: 'active-session',
    summary: 'Stop the billing-amount notice.',
    response: s.NoContent,
    status: 204,
    errors: ['not_found', ...READ],
  },
  'noticeEmail.confirm': {
    method: 'POST',
    path: '/notice-email/confirm',
    auth: 'public',
    summary: 'Follow the mailed link: the token with the registered phone or customer number (digits, no dashes). Completes the formal registration and mails a completion notice.',
    body: s.NoticeEmailConfirmRequest,
    response: s.NoticeEmailStatus,
    status: 200,
    errors: ['validation_failed', 'link_expired', 'rate_limited', 'internal'],
  },
  'passwordReissue.request': {
    method: 'POST',
    path: '/password-reissue',
    auth: 'public',
    summary: 'Ask for a new password: login ID, registered email, secret question and answer. Answers the same whether or not they matched; on a full match a temporary password is mailed and the account is unlocked.',
    body: s.PasswordReissueRequest,
    response: s.PasswordReissueResponse,
    status: 202,
    errors: ['validation_failed', 'rate_limited', 'internal'],
  },
});

/** The id of an endpoint (`resource.operation`). */
export type EndpointId = keyof typeof ENDPOINTS;

/**
 * Development routes of the reference backend only; a partner's backend
 * does not implement them. Not used by the SDK.
 */
export const DEV_ENDPOINTS = define({
  'dev.outbox': {
    method: 'GET',
    path: '/_dev/outbox',
    auth: 'dev',
    summary: 'Every mail the backend has sent, newest last.',
    response: s.OutboxResponse,
    status: 200,
    errors: [],
  },
  'dev.clock': {
    method: 'POST',
    path: '/_dev/clock',
    auth: 'dev',
    summary: "Move the backend's clock: `advanceHours`, `advanceMs` or `set`. Links expire and monthly mails go out as it passes.",
    body: s.ClockRequest,
    response: s.ClockResponse,
    status: 200,
    errors: ['validation_failed'],
  },
  'dev.reset': {
    method: 'POST',
    path: '/_dev/reset',
    auth: 'dev',
    summary: 'Restore the seeded accounts, empty the outbox and reset the clock.',
    response: s.NoContent,
    status: 204,
    errors: [],
  },
});
