/**
 * Route handlers generated from the contract's endpoint table. {@link createRoute}
 * turns an endpoint id and a resolver into an MSW handler that
 *
 * - matches `*${basePath}${path}` (any origin),
 * - checks the session (`Authorization: Bearer <token>`, or in the `cookie`
 *   mode the {@link SESSION_COOKIE} cookie) and its stage,
 * - in the `cookie` mode, refuses writes without the {@link CSRF_HEADER} or
 *   from another origin (403 `forbidden`), sets the cookie at login and at
 *   every rotation, and clears it at logout and when the session has ended,
 * - parses path params, query and JSON body with the contract's schemas,
 * - answers every failure in the contract's `ErrorBody` format, with the
 *   status of its code and a `requestId` (and `Retry-After` for 429),
 * - turns anything thrown by a resolver into a 500 `internal`,
 * - and, unless disabled, checks every successful body against the
 *   endpoint's response schema, so the backend cannot drift from its contract.
 *
 * @module
 */
import type * as z from 'zod/mini';
import { http, HttpResponse, type HttpHandler } from 'msw/http';
import { DEV_ENDPOINTS } from '../src/contract/dev.js';
import { ENDPOINTS, type EndpointDef } from '../src/contract/endpoints.js';
import { ERROR_STATUS } from '../src/contract/errors.js';
import { describeFieldIssue, issuesToFields } from '../src/contract/field-issues.js';
import type { ErrorCode, FieldIssueCode } from '../src/contract/errors.js';
import { CSRF_HEADER, SESSION_COOKIE, SESSION_IDLE_MINUTES, type SessionMode } from '../src/contract/rules.js';
import * as schemas from '../src/contract/schemas.js';
import type { ErrorBody, FieldIssue } from '../src/contract/types.js';
import type { Clock } from './clock.js';
import { randomRequestId } from './secrets.js';
import type { AccountRecord, MemoryStore, SessionRecord } from './store.js';

type AllEndpoints = typeof ENDPOINTS & typeof DEV_ENDPOINTS;
const ALL_ENDPOINTS: Record<string, EndpointDef> = { ...ENDPOINTS, ...DEV_ENDPOINTS };

/** The id of a contract endpoint or a development route. */
export type RouteId = keyof typeof ENDPOINTS | keyof typeof DEV_ENDPOINTS;
type Def<Id extends RouteId> = AllEndpoints[Id];
type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;
/** The parsed JSON body of an endpoint. */
export type BodyOf<Id extends RouteId> = Def<Id> extends { body: infer S } ? Parsed<S> : undefined;
/** The parsed query of an endpoint. */
export type QueryOf<Id extends RouteId> = Def<Id> extends { query: infer S } ? Parsed<S> : undefined;
/** What a resolver returns: the success body of an endpoint. */
export type ResponseOf<Id extends RouteId> = z.input<Def<Id>['response']>;

/** The caller of an endpoint that needs a session. */
export interface Caller {
  session: SessionRecord;
  /** The key the session is stored under (SHA-256 of the token). */
  sessionKey: string;
  account: AccountRecord;
}

/** What a resolver gets. */
export interface RouteContext<Id extends RouteId> {
  request: Request;
  requestId: string;
  /** Path parameters, each checked with {@link PATH_PARAMS}. */
  params: Record<string, string>;
  query: QueryOf<Id>;
  body: BodyOf<Id>;
  /** Set for `session` and `active-session` endpoints. */
  caller: Def<Id>['auth'] extends 'session' | 'active-session' ? Caller : null;
  /** The backend clock's time when the request arrived. */
  now: Date;
  /**
   * Gives the caller's session a new token (the old one stops working), in
   * the `cookie` mode, where the new cookie goes with the answer: at every
   * change of credentials, so a session token seen before the change is
   * worthless after it. A no-op in the bearer modes, whose token the client holds.
   */
  rotateSession(): Promise<void>;
}

/** A resolver: returns the success body or throws an {@link ApiError}. */
export type Resolver<Id extends RouteId> = (context: RouteContext<Id>) => ResponseOf<Id> | Promise<ResponseOf<Id>>;

/**
 * A hook for rate limiting: return the seconds to wait to answer 429
 * `rate_limited` with `Retry-After`, or nothing to let the request through.
 * Development routes are never limited.
 */
export type RateLimitHook = (request: { id: RouteId; request: Request; now: Date }) => number | null | undefined;

/** Extra parts of an error body. */
export interface ApiErrorExtras {
  fields?: FieldIssue[];
  details?: { remainingAttempts?: number; retryAfterSeconds?: number };
}

/** An error a resolver throws to answer with a contract error. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extras: ApiErrorExtras = {},
  ) {
    super(message);
  }
}

/** The backend answered something its own contract does not allow. */
export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

const DEFAULT_FIELD_MESSAGES: Record<FieldIssueCode, string> = {
  required: 'This field is required.',
  invalid_type: 'This field has the wrong type.',
  too_short: 'This value is too short.',
  too_long: 'This value is too long.',
  invalid_format: 'This value is not in the expected format.',
  letter_and_digit_required: 'Use both letters and digits.',
  invalid_characters: 'This value contains characters that are not allowed.',
  same_as_login_id: 'The password must differ from the login ID.',
  mismatch: 'The two entries do not match.',
  login_id_taken: 'This login ID is already in use; choose another.',
  not_initial_credential: 'This is not in the format printed on the postcard.',
  unknown_question: 'Choose one of the listed secret questions.',
  wrong_answer: 'The secret question or answer does not match the registration.',
  wrong_number: 'The number does not match the registered phone or customer number.',
};

/** A field issue with a plain English message (a default one if none is given). */
export function fieldIssue(field: string, code: FieldIssueCode, message?: string): FieldIssue {
  return { field, code, message: message ?? DEFAULT_FIELD_MESSAGES[code] };
}

/** A 400 `validation_failed` error with the given field issues. */
export function validationFailed(fields: FieldIssue[]): ApiError {
  const list = fields.map((f) => f.field).join(', ');
  return new ApiError('validation_failed', `The request failed validation (${list}).`, { fields });
}

/** Throws a 400 `validation_failed` if any issues were collected. */
export function assertNoIssues(fields: FieldIssue[]): void {
  if (fields.length > 0) throw validationFailed(fields);
}

/** Checks of path parameters, by name. */
export const PATH_PARAMS: Record<string, z.ZodMiniType<string> | undefined> = {
  month: schemas.Month,
};

/**
 * Headers on every answer of the backend: nothing is cached, nothing is
 * sniffed as another type, no page may frame an answer, and no Referer
 * leaves from one. (ASVS 5.0 3.4.4, 3.4.5, 3.4.6, 14.3.2)
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
});
const BASE_HEADERS = SECURITY_HEADERS;

/** A contract error response. */
export function errorResponse(
  code: ErrorCode,
  message: string,
  requestId: string,
  extras: ApiErrorExtras = {},
  extraHeaders: Record<string, string> = {},
): Response {
  const body: ErrorBody = { error: { code, message }, requestId };
  if (extras.fields) body.error.fields = extras.fields;
  if (extras.details) body.error.details = extras.details;
  const headers: Record<string, string> = { ...BASE_HEADERS, ...extraHeaders, 'X-Request-Id': requestId };
  const retryAfter = extras.details?.retryAfterSeconds;
  if (code === 'rate_limited' && retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  return HttpResponse.json(body, { status: ERROR_STATUS[code], headers });
}

/** What {@link createRoute} needs from the backend. */
export interface RouteDeps {
  store: MemoryStore;
  clock: Clock;
  basePath: string;
  /** Check every success body against the endpoint's response schema (default: unless `NODE_ENV` is `production`). */
  validateResponses?: boolean;
  rateLimit?: RateLimitHook;
  /** Told about every unexpected error (default: `console.error`). Never given secrets. */
  onInternalError?: (error: unknown, requestId: string) => void;
  /** Called after every request a route answered, success or error (the backend's change notice). */
  onHandled?: () => void;
  /** How sessions are held (default `memory`: a bearer token in the login answer). */
  sessionMode?: SessionMode;
}

/** The `Set-Cookie` value that holds a session token in the `cookie` mode. */
export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Secure; HttpOnly; SameSite=Lax`;
}

/** The `Set-Cookie` value that clears the session cookie. */
export const CLEAR_SESSION_COOKIE = `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0`;

/** The session token a request carries: the cookie in the `cookie` mode, else the bearer token. */
function sentToken(request: Request, mode: SessionMode): string | undefined {
  if (mode !== 'cookie') return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * In the `cookie` mode the browser adds the session to any request to the
 * backend, a cross-site form's included, so every write must show that the
 * page itself sent it: the {@link CSRF_HEADER} (which no form and no
 * "simple" request can set), and no foreign `Origin` or cross-site
 * `Sec-Fetch-Site`. Checked before anything else. (ASVS 5.0 3.5.1, 3.5.3)
 */
function assertSameSiteWrite(request: Request): void {
  if (!WRITE_METHODS.has(request.method)) return;
  if (request.headers.get(CSRF_HEADER) !== '1') {
    throw new ApiError('forbidden', `Writes need the header ${CSRF_HEADER}: 1 (this backend keeps sessions in a cookie).`);
  }
  const origin = request.headers.get('origin');
  if ((origin !== null && origin !== new URL(request.url).origin) || request.headers.get('sec-fetch-site') === 'cross-site') {
    throw new ApiError('forbidden', 'Writes from pages of another site are refused.');
  }
}

/** Whether a Content-Type header names JSON (`application/json`, with or without parameters). */
export function isJsonContentType(value: string | null): boolean {
  return value !== null && /^application\/json\s*(;|$)/i.test(value.trim());
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a write that is not JSON before anything else looks at it: a
 * cross-site `<form>`, a `text/plain` fetch or a typeless `Blob` body is a
 * "simple" request that browsers send without a preflight, so only the
 * content type keeps another site's page from reaching an operation (and
 * from counting toward a lock) through its visitors' browsers. A write with
 * no body at all may omit the type. (ASVS 5.0 3.5.2, 4.1.1)
 */
function assertJsonWrite(request: Request, bodyText: string): void {
  if (!WRITE_METHODS.has(request.method)) return;
  const type = request.headers.get('content-type');
  if (type === null ? bodyText === '' : isJsonContentType(type)) return;
  throw new ApiError(
    'unsupported_media_type',
    type === null ? 'Send the request body as JSON (Content-Type: application/json).' : 'Only Content-Type: application/json is accepted.',
  );
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationFailed([fieldIssue('body', 'invalid_format', 'The request body is not valid JSON.')]);
  }
}

function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown, root: string): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw validationFailed(issuesToFields(result.error.issues, root, describeFieldIssue));
  return result.data as z.output<S>;
}

async function authenticate(deps: RouteDeps, def: EndpointDef, request: Request, now: Date): Promise<Caller | null> {
  if (def.auth !== 'session' && def.auth !== 'active-session') return null;
  const token = sentToken(request, deps.sessionMode ?? 'memory');
  if (!token) throw new ApiError('session_expired', 'Log in first: no session token was sent.');
  const found = await deps.store.findSession(token);
  const account = found ? deps.store.accounts.get(found.session.accountId) : undefined;
  if (!found || !account || now.getTime() >= found.session.expiresAt.getTime()) {
    if (found) deps.store.sessions.delete(found.key);
    throw new ApiError('session_expired', 'The session has ended (logged out, idle too long, or replaced by a later login). Log in again.');
  }
  // Every call extends the idle timeout.
  found.session.expiresAt = new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000);
  if (def.auth === 'active-session' && found.session.stage !== 'active') {
    throw new ApiError(
      'credential_change_required',
      found.session.stage === 'credential-setup-required'
        ? 'Set your own login ID and password first (POST /credentials/setup).'
        : 'Change the reissued password first (POST /credentials/password).',
    );
  }
  return { session: found.session, sessionKey: found.key, account };
}

function isProduction(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.NODE_ENV === 'production';
}

/**
 * Runs tasks one at a time, in the order they were queued. Each request's
 * checks and changes run as one task, so no two requests interleave between
 * a check and the change it allows (the lock count, a single-use link, an
 * answer limit, the first change, a registration): the backend behaves as if
 * the requests came one after another, in arrival order.
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}

/** Creates the route helper for a backend. */
export function createRoute(deps: RouteDeps) {
  const validate = deps.validateResponses ?? !isProduction();
  const mode = deps.sessionMode ?? 'memory';
  const serially = createSerialQueue();
  const report = deps.onInternalError ?? ((error, requestId) => console.error(`[web-billing-kit mocks] ${requestId}:`, error));

  return function route<Id extends RouteId>(id: Id, resolve: Resolver<Id>): HttpHandler {
    const known = ALL_ENDPOINTS[id];
    if (!known) throw new Error(`No endpoint ${String(id)} in the contract.`);
    const def: EndpointDef = known;
    const paramNames = [...def.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
    const method = def.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';

    return http[method](`*${deps.basePath}${def.path}`, async ({ request, params }) => {
      const requestId = randomRequestId();
      try {
        // The body is read before the request joins the queue, so a client that sends it slowly holds up no one.
        const bodyText = WRITE_METHODS.has(request.method) || def.body ? await request.text() : '';
        if (mode === 'cookie') assertSameSiteWrite(request);
        assertJsonWrite(request, bodyText);
        return await serially(() => answer(request, params, bodyText, requestId));
      } catch (error) {
        return failure(error, requestId);
      }
    });

    function failure(error: unknown, requestId: string, headers: Record<string, string> = {}): Response {
      if (error instanceof ApiError) return errorResponse(error.code, error.message, requestId, error.extras, headers);
      report(error, requestId);
      return errorResponse('internal', 'The service failed. Reads are safe to retry.', requestId);
    }

    async function answer(
      request: Request,
      params: Record<string, string | readonly string[] | undefined>,
      bodyText: string,
      requestId: string,
    ): Promise<Response> {
      const now = deps.clock.now();
      // The backend's clock, so that a client can tell how long its session has left by the backend's time.
      const headers: Record<string, string> = { Date: now.toUTCString() };
      try {
        if (def.auth !== 'dev' && deps.rateLimit) {
          const wait = deps.rateLimit({ id, request, now });
          if (wait !== null && wait !== undefined) {
            const seconds = Math.max(1, Math.ceil(wait));
            throw new ApiError('rate_limited', `Too many requests; try again in ${seconds} s.`, {
              details: { retryAfterSeconds: seconds },
            });
          }
        }
        const caller = await authenticate(deps, def, request, now);
        const pathParams: Record<string, string> = {};
        const issues: FieldIssue[] = [];
        for (const name of paramNames) {
          const raw = params[name];
          const value = typeof raw === 'string' ? raw : '';
          const check = PATH_PARAMS[name];
          if (check && !check.safeParse(value).success) issues.push(fieldIssue(name, 'invalid_format', `${name} is not in the expected format.`));
          pathParams[name] = value;
        }
        assertNoIssues(issues);
        let query: unknown;
        if (def.query) {
          const url = new URL(request.url);
          const raw: Record<string, string> = {};
          for (const [key, value] of url.searchParams) if (!(key in raw)) raw[key] = value;
          query = parseWith(def.query, raw, 'query');
        }
        let body: unknown;
        if (def.body) body = parseWith(def.body, parseJson(bodyText), 'body');

        const rotateSession = async () => {
          if (mode !== 'cookie' || !caller) return;
          const token = await deps.store.rotateSession(caller.sessionKey);
          headers['Set-Cookie'] = sessionCookie(token);
        };
        const context = { request, requestId, params: pathParams, query, body, caller, now, rotateSession } as RouteContext<Id>;
        const result = await resolve(context);
        if (mode === 'cookie') {
          // The cookie holds the token; the answer never does.
          const token = (result as { token?: unknown } | undefined)?.token;
          if (typeof token === 'string') {
            headers['Set-Cookie'] = sessionCookie(token);
            delete (result as { token?: unknown }).token;
          }
          if (id === 'auth.logout') headers['Set-Cookie'] = CLEAR_SESSION_COOKIE;
        }

        if (validate) {
          const check = def.response.safeParse(result);
          if (!check.success) {
            throw new ContractViolation(
              `${String(id)} answered a body that breaks its response schema: ${JSON.stringify(check.error.issues)}`,
            );
          }
        }
        Object.assign(headers, BASE_HEADERS, { 'X-Request-Id': requestId });
        if (def.status === 204) return new HttpResponse(null, { status: 204, headers });
        return HttpResponse.json(result as Record<string, unknown>, { status: def.status, headers });
      } catch (error) {
        // A cookie that names no live session is cleared, so the browser stops sending it.
        if (mode === 'cookie' && error instanceof ApiError && error.code === 'session_expired' && sentToken(request, mode)) {
          headers['Set-Cookie'] = CLEAR_SESSION_COOKIE;
        }
        return failure(error, requestId, headers);
      } finally {
        // Even a refusal may change the state (a failed login counts), and reads extend the session.
        deps.onHandled?.();
      }
    }
  };
}

/** The route helper's type. */
export type Route = ReturnType<typeof createRoute>;

const ROUTE_PATTERNS = Object.values(ALL_ENDPOINTS).map((def) => ({
  method: def.method,
  pattern: new RegExp(`^${def.path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
}));

/**
 * The methods a path under the base path has, e.g. `['GET']`; empty when no
 * route has that path.
 */
export function allowedMethods(basePath: string, pathname: string): string[] {
  if (!pathname.startsWith(`${basePath}/`)) return [];
  const rest = pathname.slice(basePath.length);
  const methods = ROUTE_PATTERNS.filter((r) => r.pattern.test(rest)).map((r) => r.method);
  return methods.length === 0 ? [] : [...new Set(methods), 'OPTIONS'];
}

/** A 405 `method_not_allowed` naming the methods the path has in `Allow`. */
export function methodNotAllowed(method: string, pathname: string, allow: readonly string[]): Response {
  return errorResponse(
    'method_not_allowed',
    `${pathname} does not take ${method}; it takes ${allow.join(', ')}.`,
    randomRequestId(),
    {},
    { Allow: allow.join(', ') },
  );
}

/**
 * A catch-all for any other request under the base path: 405
 * `method_not_allowed` (with `Allow`) for a path that exists under another
 * method, else 404 `not_found`, both in the contract's format.
 */
export function notFoundHandler(basePath: string): HttpHandler {
  return http.all(`*${basePath}/*`, ({ request }) => {
    const { pathname } = new URL(request.url);
    const allow = allowedMethods(basePath, pathname);
    if (allow.length > 0) return methodNotAllowed(request.method, pathname, allow);
    return errorResponse('not_found', `No route ${request.method} ${pathname}.`, randomRequestId());
  });
}
