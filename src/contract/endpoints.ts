/**
 * Every endpoint of the service as data: method, path, auth, request and
 * response schemas and success status. The SDK builds its calls from this
 * table, the reference backend its routes, and `docs/api.md` is generated
 * from it (with the prose and error codes of `endpoint-docs.ts`), so the
 * three cannot drift. Only what the SDK needs at run time lives here: every
 * byte of this table ships to partners' pages.
 *
 * Paths are relative to the service's base URL (the reference backend
 * serves them under `/api/v1`). `:name` segments are path parameters.
 *
 * @module
 */
import type * as z from 'zod/mini';
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
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  response: z.ZodMiniType;
  status: 200 | 201 | 202 | 204;
}

/** Keeps the literal types of a table while checking it against {@link EndpointDef}. */
export function define<const T extends Record<string, EndpointDef>>(table: T): T {
  return table;
}

/** The endpoint table. Keys are `resource.operation`, as in the SDK. */
export const ENDPOINTS = define({
  'auth.initialLogin': {
    method: 'POST',
    path: '/auth/initial-login',
    auth: 'public',
    body: s.InitialLoginRequest,
    response: s.LoginResponse,
    status: 200,
  },
  'auth.login': {
    method: 'POST',
    path: '/auth/login',
    auth: 'public',
    body: s.LoginRequest,
    response: s.LoginResponse,
    status: 200,
  },
  'auth.logout': {
    method: 'POST',
    path: '/auth/logout',
    auth: 'session',
    response: s.NoContent,
    status: 204,
  },
  'auth.session': {
    method: 'GET',
    path: '/auth/session',
    auth: 'session',
    response: s.SessionResponse,
    status: 200,
  },
  'credentials.policy': {
    method: 'GET',
    path: '/credentials/policy',
    auth: 'public',
    response: s.CredentialPolicySchema,
    status: 200,
  },
  'credentials.loginIdAvailability': {
    method: 'GET',
    path: '/credentials/login-id-availability',
    auth: 'session',
    query: s.LoginIdAvailabilityQuery,
    response: s.LoginIdAvailabilityResponse,
    status: 200,
  },
  'credentials.setup': {
    method: 'POST',
    path: '/credentials/setup',
    auth: 'session',
    body: s.CredentialSetupRequest,
    response: s.CredentialSetupResponse,
    status: 200,
  },
  'credentials.changePassword': {
    method: 'POST',
    path: '/credentials/password',
    auth: 'session',
    body: s.PasswordChangeRequest,
    response: s.PasswordChangeResponse,
    status: 200,
  },
  'account.get': {
    method: 'GET',
    path: '/account',
    auth: 'active-session',
    response: s.AccountResponse,
    status: 200,
  },
  'account.lines': {
    method: 'GET',
    path: '/account/lines',
    auth: 'active-session',
    response: s.LinesResponse,
    status: 200,
  },
  'billing.history': {
    method: 'GET',
    path: '/billing/history',
    auth: 'active-session',
    response: s.HistoryResponse,
    status: 200,
  },
  'billing.breakdown': {
    method: 'GET',
    path: '/billing/months/:month/breakdown',
    auth: 'active-session',
    query: s.BreakdownQuery,
    response: s.BreakdownResponse,
    status: 200,
  },
  'billing.summary': {
    method: 'GET',
    path: '/billing/months/:month/summary',
    auth: 'active-session',
    response: s.SummaryResponse,
    status: 200,
  },
  'reissueEmail.questions': {
    method: 'GET',
    path: '/reissue-email/questions',
    auth: 'public',
    response: s.SecretQuestionsResponse,
    status: 200,
  },
  'reissueEmail.status': {
    method: 'GET',
    path: '/reissue-email',
    auth: 'active-session',
    response: s.ReissueEmailStatus,
    status: 200,
  },
  'reissueEmail.register': {
    method: 'POST',
    path: '/reissue-email',
    auth: 'active-session',
    body: s.ReissueEmailRequest,
    response: s.ReissueEmailStatus,
    status: 202,
  },
  'reissueEmail.change': {
    method: 'PUT',
    path: '/reissue-email',
    auth: 'active-session',
    body: s.ReissueEmailRequest,
    response: s.ReissueEmailStatus,
    status: 202,
  },
  'reissueEmail.delete': {
    method: 'DELETE',
    path: '/reissue-email',
    auth: 'active-session',
    response: s.NoContent,
    status: 204,
  },
  'reissueEmail.checkLink': {
    method: 'GET',
    path: '/reissue-email/confirm',
    auth: 'public',
    query: s.LinkCheckQuery,
    response: s.LinkCheckResponse,
    status: 200,
  },
  'reissueEmail.confirm': {
    method: 'POST',
    path: '/reissue-email/confirm',
    auth: 'public',
    body: s.ReissueEmailConfirmRequest,
    response: s.ReissueEmailStatus,
    status: 200,
  },
  'noticeEmail.status': {
    method: 'GET',
    path: '/notice-email',
    auth: 'active-session',
    response: s.NoticeEmailStatus,
    status: 200,
  },
  'noticeEmail.register': {
    method: 'POST',
    path: '/notice-email',
    auth: 'active-session',
    body: s.NoticeEmailRequest,
    response: s.NoticeEmailStatus,
    status: 202,
  },
  'noticeEmail.change': {
    method: 'PUT',
    path: '/notice-email',
    auth: 'active-session',
    body: s.NoticeEmailRequest,
    response: s.NoticeEmailStatus,
    status: 202,
  },
  'noticeEmail.delete': {
    method: 'DELETE',
    path: '/notice-email',
    auth: 'active-session',
    response: s.NoContent,
    status: 204,
  },
  'noticeEmail.checkLink': {
    method: 'GET',
    path: '/notice-email/confirm',
    auth: 'public',
    query: s.LinkCheckQuery,
    response: s.LinkCheckResponse,
    status: 200,
  },
  'noticeEmail.confirm': {
    method: 'POST',
    path: '/notice-email/confirm',
    auth: 'public',
    body: s.NoticeEmailConfirmRequest,
    response: s.NoticeEmailStatus,
    status: 200,
  },
  'passwordReissue.request': {
    method: 'POST',
    path: '/password-reissue',
    auth: 'public',
    body: s.PasswordReissueRequest,
    response: s.PasswordReissueResponse,
    status: 202,
  },
});

/** The id of an endpoint (`resource.operation`). */
export type EndpointId = keyof typeof ENDPOINTS;
