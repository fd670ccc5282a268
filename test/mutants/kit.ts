/**
 * Building blocks for the defects' hooks: synthesised answers in the
 * contract's error format, the backend's own view of its accounts (what a
 * real backend knows about its users), and calls a hook makes to the backend
 * by itself (session look-ups, the outbox, the clock).
 *
 * @module
 */
import { DEMO_ACCOUNTS } from '../../mocks/index.js';
import { CSRF_HEADER, INQUIRY_DESK, SESSION_COOKIE } from '../../src/contract/rules.js';
import {
  bearerOf,
  is,
  requestJson,
  responseJson,
  routeOf,
  type HookContext,
  type ProxyRequest,
  type ProxyResponse,
} from './proxy.js';

export const LOCK_THRESHOLD = 5;

/** The reference backend's own texts, so that a made-up answer differs from a real one only in what the defect changes. */
export const LOCKED_MESSAGE = `Too many failed logins: the account is locked. Reissue the password with the registered email, or call ${INQUIRY_DESK.phone}.`;
export const INVALID_CREDENTIALS_MESSAGE = 'The login ID or password is incorrect.';

/** A fresh request id like the backend's. */
export function newRequestId(): string {
  return `req_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

/** An error answer in the contract's format, with the backend's usual headers. */
export function errorReply(status: number, code: string, message: string, extras: Record<string, unknown> = {}): ProxyResponse {
  const requestId = newRequestId();
  return {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-request-id': requestId },
    body: Buffer.from(JSON.stringify({ error: { code, message, ...extras }, requestId })),
    synthetic: true,
  };
}

/** A success answer with the backend's usual headers. */
export function jsonReply(status: number, value: unknown, like?: ProxyResponse): ProxyResponse {
  const headers = { ...(like?.headers ?? { 'cache-control': 'no-store' }), 'content-type': 'application/json', 'x-request-id': newRequestId() };
  return { status, headers, body: Buffer.from(JSON.stringify(value)), synthetic: true };
}

/** The same answer with a fresh request id in header and body (a replayed answer looks freshly made). */
export function refreshed(response: ProxyResponse): ProxyResponse {
  const requestId = newRequestId();
  const body = responseJson(response);
  const headers = { ...response.headers, 'x-request-id': requestId };
  if (body && typeof body === 'object' && 'requestId' in body) {
    return { status: response.status, headers, body: Buffer.from(JSON.stringify({ ...body, requestId })) };
  }
  return { status: response.status, headers, body: Buffer.from(response.body) };
}

/** Trim + NFKC, as the backend identifies login IDs (case-sensitive). */
export function idKey(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFKC').trim() : '';
}

/** NFKC, trimmed, spaces collapsed, lower case: how answers must be compared. */
export function normalizedAnswer(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase() : '';
}

/** The backend's own knowledge of its seeded accounts: login IDs, passwords, reissue answers. */
export function seededAccounts(): Map<string, { password: string; answer?: string; postcard: boolean }> {
  const known = new Map<string, { password: string; answer?: string; postcard: boolean }>();
  for (const a of Object.values(DEMO_ACCOUNTS)) {
    known.set(a.loginId, { password: a.password, answer: 'reissueEmail' in a ? a.reissueEmail?.answer : undefined, postcard: a.credentialKind === 'postcard' });
  }
  return known;
}

/** Whether a request is a login (chosen or postcard credentials). */
export function isLogin(request: ProxyRequest): boolean {
  return is(request, 'POST', '/auth/login') || is(request, 'POST', '/auth/initial-login');
}

/** The login ID typed in a login request. */
export function loginIdOf(request: ProxyRequest): string {
  const body = requestJson(request);
  return idKey(is(request, 'POST', '/auth/initial-login') ? body?.initialLoginId : body?.loginId);
}

/**
 * A request the hook sends by itself, to the same host as `like`, as a page
 * of the site would: with the CSRF header, and the session (if any) both as a
 * bearer token and as the session cookie, so that it counts whichever way the
 * backend holds sessions.
 */
export function internalRequest(like: ProxyRequest, method: string, path: string, options: { body?: unknown; token?: string } = {}): ProxyRequest {
  const headers: ProxyRequest['headers'] = { host: like.headers.host ?? 'localhost', accept: 'application/json', [CSRF_HEADER.toLowerCase()]: '1' };
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`;
    headers.cookie = `${SESSION_COOKIE}=${options.token}`;
  }
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return { method, url: `/api/v1${path}`, headers, body: options.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(options.body)) };
}

/** The login ID a session token belongs to (asks the backend), or undefined. */
export async function sessionLoginId(like: ProxyRequest, ctx: HookContext, token: string | undefined): Promise<string | undefined> {
  if (!token) return undefined;
  const reply = await ctx.forward(internalRequest(like, 'GET', '/auth/session', { token }));
  return reply.status === 200 ? (responseJson(reply)?.loginId as string) : undefined;
}

export interface Mail {
  id: string;
  to: string;
  kind: string;
  sentAt: string;
  link?: string;
  temporaryPassword?: string;
}

/** The backend's outbox (development route). */
export async function outbox(like: ProxyRequest, ctx: HookContext): Promise<Mail[]> {
  const reply = await ctx.forward(internalRequest(like, 'GET', '/_dev/outbox'));
  return (responseJson(reply)?.mails ?? []) as Mail[];
}

/** The backend clock's time in ms (development route). */
export async function backendNow(like: ProxyRequest, ctx: HookContext): Promise<number> {
  const reply = await ctx.forward(internalRequest(like, 'POST', '/_dev/clock', { body: {} }));
  return Date.parse(responseJson(reply)?.now);
}

/** Moves the backend clock (development route). */
export async function moveClock(like: ProxyRequest, ctx: HookContext, ms: number): Promise<void> {
  if (ms !== 0) await ctx.forward(internalRequest(like, 'POST', '/_dev/clock', { body: { advanceMs: ms } }));
}

/** The `token` parameter of a mailed link. */
export function linkToken(mail: Mail): string | undefined {
  return mail.link ? (new URL(mail.link).searchParams.get('token') ?? undefined) : undefined;
}

/** Whether the request confirms a mailed link (either kind). */
export function isConfirm(request: ProxyRequest): boolean {
  return is(request, 'POST', '/reissue-email/confirm') || is(request, 'POST', '/notice-email/confirm');
}

/** Whether the request registers or changes an email (mails a link). */
export function isEmailWrite(request: ProxyRequest): 'reissue-email' | 'notice-email' | undefined {
  const { method, path } = routeOf(request);
  if (method !== 'POST' && method !== 'PUT') return undefined;
  if (path === '/reissue-email') return 'reissue-email';
  if (path === '/notice-email') return 'notice-email';
  return undefined;
}

/**
 * Remembers the links the backend mails after email registrations: token →
 * who asked, for which purpose, when, and (for reissue emails) the answer
 * given at registration. Call {@link LinkBook.observe} around each request.
 */
export class LinkBook {
  readonly links = new Map<string, { loginId: string; purpose: string; sentAt: number; answer?: string; questionId?: string; number?: string; used: boolean }>();
  /** The newest link per `loginId|purpose`. */
  readonly newest = new Map<string, string>();

  async observe(request: ProxyRequest, ctx: HookContext, send: () => Promise<ProxyResponse>): Promise<ProxyResponse> {
    const purpose = isEmailWrite(request);
    if (!purpose) return send();
    const before = (await outbox(request, ctx)).length;
    const response = await send();
    if (response.status !== 202) return response;
    const token = bearerOf(request);
    const loginId = (await sessionLoginId(request, ctx, token)) ?? '?';
    let number: string | undefined;
    if (purpose === 'notice-email') {
      const account = await ctx.forward(internalRequest(request, 'GET', '/account', { token }));
      number = responseJson(account)?.registeredNumber?.number;
    }
    const body = requestJson(request);
    for (const mail of (await outbox(request, ctx)).slice(before)) {
      const link = linkToken(mail);
      if (!link || !mail.kind.endsWith('-confirm')) continue;
      this.links.set(link, { loginId, purpose, sentAt: Date.parse(mail.sentAt), answer: body?.answer, questionId: body?.questionId, number, used: false });
      this.newest.set(`${loginId}|${purpose}`, link);
    }
    return response;
  }
}
