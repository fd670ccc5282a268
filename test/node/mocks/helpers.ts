// Calls the reference backend by endpoint id, through MSW's getResponse (no
// network, no SDK), and checks every answer against the contract: a success
// has the endpoint's status and matches its response schema; an error has
// the ErrorBody shape, the status of its code, and a code the endpoint
// declares.
import assert from 'node:assert/strict';
import { getResponse } from 'msw';
import { DEV_ENDPOINTS, ENDPOINTS, ENDPOINT_DOCS, ERROR_CODES, type EndpointDef, type EndpointId, type ErrorCode } from '../../../src/contract/index.js';
import * as schemas from '../../../src/contract/schemas.js';
import type { OutboxMail } from '../../../src/contract/dev.js';
import type { ErrorBody } from '../../../src/contract/types.js';
import { createBackend, DEMO_ACCOUNTS, type Backend, type BackendOptions } from '../../../mocks/index.js';

export const NOW = '2026-11-20T10:00:00+09:00';
export const ORIGIN = 'http://billing.test';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const ALL_ENDPOINTS: Record<string, EndpointDef> = { ...ENDPOINTS, ...DEV_ENDPOINTS };
export type AnyEndpointId = keyof typeof ENDPOINTS | keyof typeof DEV_ENDPOINTS;

export interface Reply {
  status: number;
  headers: Headers;
  // Tests read whatever they expect; the contract checks below guard the shape.
  body: any;
}

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as is (for malformed JSON). */
  rawBody?: string;
  token?: string;
}

/** Every endpoint id answered with a success in this process, for the coverage check. */
export const covered = new Set<string>();

export async function send(backend: Backend, request: Request): Promise<Reply> {
  const response = await getResponse(backend.handlers, request, { quiet: true });
  assert.ok(response, `no handler answered ${request.method} ${request.url}`);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

export function requestFor(backend: Backend, id: AnyEndpointId, options: CallOptions = {}): Request {
  const def = ALL_ENDPOINTS[id]!;
  const path = def.path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ''));
  const url = new URL(`${ORIGIN}${backend.basePath}${path}`);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers();
  if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  return new Request(url, { method: def.method, headers, body });
}

/** Calls an endpoint and checks the answer against the contract. */
export async function call(backend: Backend, id: AnyEndpointId, options: CallOptions = {}): Promise<Reply> {
  const def = ALL_ENDPOINTS[id]!;
  const reply = await send(backend, requestFor(backend, id, options));
  if (reply.status < 400) {
    assert.equal(reply.status, def.status, `${id} answered ${reply.status}, the contract says ${def.status}`);
    const parsed = def.response.safeParse(reply.body);
    assert.ok(parsed.success, `${id} answered a body outside its schema: ${JSON.stringify(reply.body)}`);
    covered.add(id);
  } else {
    const parsed = schemas.ErrorBody.safeParse(reply.body);
    assert.ok(parsed.success, `${id} answered an error outside ErrorBody: ${JSON.stringify(reply.body)}`);
    const code = (reply.body as ErrorBody).error.code;
    assert.equal(reply.status, ERROR_CODES[code].status, `${code} must have status ${ERROR_CODES[code].status}`);
    if (def.auth !== 'dev') assert.ok(ENDPOINT_DOCS[id as EndpointId].errors.includes(code), `${id} answered ${code}, which its contract does not list`);
    assert.ok(reply.body.requestId, 'an error has a requestId');
  }
  return reply;
}

/** Asserts an error code, and (if given) the exact `field:code` list. */
export function assertError(reply: Reply, code: ErrorCode, fields?: string[]): void {
  assert.equal(reply.body?.error?.code, code, `expected ${code}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  if (fields) {
    const actual = (reply.body as ErrorBody).error.fields?.map((f) => `${f.field}:${f.code}`) ?? [];
    assert.deepEqual(actual.sort(), [...fields].sort());
  }
}

export function assertOk(reply: Reply): void {
  assert.ok(reply.status < 400, `expected a success, got ${reply.status} ${JSON.stringify(reply.body)}`);
}

/** A fresh backend at {@link NOW} that keeps quiet about deliberate 500s. */
export function freshBackend(options: BackendOptions = {}): Backend {
  return createBackend({ now: NOW, onInternalError: () => {}, ...options });
}

export async function login(backend: Backend, loginId: string, password: string): Promise<string> {
  const reply = await call(backend, 'auth.login', { body: { loginId, password } });
  assertOk(reply);
  return reply.body.token as string;
}

export const asTaro = (b: Backend) => login(b, DEMO_ACCOUNTS.established.loginId, DEMO_ACCOUNTS.established.password);
export const asCorp = (b: Backend) => login(b, DEMO_ACCOUNTS.corporate.loginId, DEMO_ACCOUNTS.corporate.password);

/** Logs the postcard customer in and sets new credentials; returns an active token. */
export async function asSetUpPostcard(b: Backend, newLoginId = 'hanako01', newPassword = 'Hanako2026pw'): Promise<string> {
  const first = await call(b, 'auth.initialLogin', {
    body: { initialLoginId: DEMO_ACCOUNTS.postcard.loginId, initialPassword: DEMO_ACCOUNTS.postcard.password },
  });
  assertOk(first);
  const setup = await call(b, 'credentials.setup', {
    token: first.body.token,
    body: {
      initialLoginId: DEMO_ACCOUNTS.postcard.loginId,
      initialPassword: DEMO_ACCOUNTS.postcard.password,
      newLoginId,
      newLoginIdConfirm: newLoginId,
      newPassword,
      newPasswordConfirm: newPassword,
    },
  });
  assertOk(setup);
  return first.body.token as string;
}

export function mailsTo(backend: Backend, to: string, kind?: OutboxMail['kind']): OutboxMail[] {
  return backend.outbox.list().filter((m) => m.to === to && (kind === undefined || m.kind === kind));
}

export function tokenOf(mail: OutboxMail | undefined): string {
  assert.ok(mail?.link, 'the mail carries a link');
  return new URL(mail.link).searchParams.get('token')!;
}

/** An error body without its requestId, to compare two answers. */
export function withoutRequestId(reply: Reply): unknown {
  if (!reply.body || typeof reply.body !== 'object') return reply.body;
  const { requestId: _ignored, ...rest } = reply.body as Record<string, unknown>;
  return rest;
}
