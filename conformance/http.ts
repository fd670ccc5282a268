/**
 * The conformance suite's HTTP side: calls an endpoint of the contract by id
 * with plain `fetch`, and checks an answer against the contract (status,
 * schema, error format, documented error codes). Failures are thrown as
 * {@link CaseFailure} with a reason a partner can act on.
 *
 * @module
 */
import { DEV_ENDPOINTS } from '../src/contract/dev.js';
import { ENDPOINT_DOCS } from '../src/contract/endpoint-docs.js';
import { ENDPOINTS, type EndpointDef, type EndpointId } from '../src/contract/endpoints.js';
import { ERROR_STATUS, type ErrorCode } from '../src/contract/errors.js';
import { CSRF_HEADER, SESSION_COOKIE, type SessionMode } from '../src/contract/rules.js';
import { ErrorBody } from '../src/contract/schemas.js';

/** A contract endpoint or a reference-backend development route. */
export type RouteId = EndpointId | keyof typeof DEV_ENDPOINTS;
const ROUTES: Record<string, EndpointDef> = { ...ENDPOINTS, ...DEV_ENDPOINTS };

/** A check of the suite failed; the message says why. */
export class CaseFailure extends Error {
  override name = 'CaseFailure';
}

/** A case cannot run against this backend; the message says why. */
export class CaseSkipped extends Error {
  override name = 'CaseSkipped';
}

/** Fails the current case unless `condition` holds. */
export function check(condition: unknown, reason: string): asserts condition {
  if (!condition) throw new CaseFailure(reason);
}

/** An answer of the backend. */
export interface Reply {
  id: string;
  status: number;
  headers: Headers;
  /** The parsed JSON body; `undefined` when empty or not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a partner's answer, of any shape: each case reads what it checks and reports what it found
  body: any;
  /** The raw body. */
  text: string;
  /**
   * The session the answer hands out, as the backend holds sessions: the
   * body's `token` in the bearer modes, the {@link SESSION_COOKIE} value of
   * `Set-Cookie` in the `cookie` mode (an empty, clearing value is none).
   */
  session?: string;
}

/** What to send. */
export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as is, instead of `body` (for malformed JSON). */
  rawBody?: string;
  /**
   * The session to call with (a {@link Reply.session}): sent as
   * `Authorization: Bearer` in the bearer modes, as the
   * {@link SESSION_COOKIE} cookie in the `cookie` mode.
   */
  token?: string;
  /** Sent as `Content-Type` instead of `application/json` (`null`: no `Content-Type`). */
  contentType?: string | null;
  /** More request headers; `null` leaves out one the call would send by default (e.g. the CSRF header). */
  headers?: Record<string, string | null>;
}

/** A short, secret-free description of an answer, for failure reasons. */
export function describeReply(reply: Reply): string {
  const code = reply.body?.error?.code;
  if (code) return `${reply.status} ${code}`;
  // A success body may hold a token or a temporary password: name its fields, never their values.
  if (reply.body && typeof reply.body === 'object') {
    const stage = typeof reply.body.stage === 'string' ? ` (stage ${reply.body.stage})` : '';
    return `${reply.status} with a body of {${Object.keys(reply.body).join(', ')}}${stage}`;
  }
  const text = reply.text.length > 120 ? `${reply.text.slice(0, 120)}…` : reply.text;
  return `${reply.status} ${text || '(empty body)'}`;
}

/** A `Set-Cookie` line: the cookie's name and value, and its attributes by lower-cased name (`''` for a flag). */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Map<string, string>;
}

/** The `Set-Cookie` lines of an answer that set `name` (the session cookie by default), parsed. */
export function setCookiesOf(reply: Pick<Reply, 'headers'>, name: string = SESSION_COOKIE): SetCookie[] {
  return reply.headers
    .getSetCookie()
    .map((line) => {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      return {
        name: eq < 0 ? pair : pair.slice(0, eq).trim(),
        value: eq < 0 ? '' : pair.slice(eq + 1).trim(),
        attributes: new Map(
          attributes.filter(Boolean).map((a) => {
            const at = a.indexOf('=');
            return at < 0 ? [a.toLowerCase(), ''] : [a.slice(0, at).trim().toLowerCase(), a.slice(at + 1).trim()];
          }),
        ),
      };
    })
    .filter((cookie) => cookie.name === name);
}

/** Whether a `Set-Cookie` removes its cookie: an empty value, `Max-Age` of 0 or less, or an `Expires` in the past. */
export function clears(cookie: SetCookie, now = Date.now()): boolean {
  const maxAge = cookie.attributes.get('max-age');
  const expires = cookie.attributes.get('expires');
  return (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) <= now);
}

/** The methods that write (what a cross-site form can send, and what the CSRF defence guards). */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Calls endpoints of one base URL, holding sessions the way the backend
 * publishes (`sessionMode` of its policy): a bearer token, or in the
 * `cookie` mode the session cookie, with the CSRF header on every request
 * and the base URL's own `Origin` on writes, as a page of the site sends them.
 */
export class Api {
  /** Whether sessions are cookies (the policy's `sessionMode` is `cookie`). */
  readonly cookieSessions: boolean;

  constructor(
    readonly baseUrl: string,
    /** The `fetch` every call goes through. */
    readonly fetch: typeof globalThis.fetch = globalThis.fetch,
    /** How the backend holds sessions (its policy's `sessionMode`; absent: a bearer token). */
    readonly sessionMode?: SessionMode,
  ) {
    this.cookieSessions = sessionMode === 'cookie';
  }

  /**
   * The headers every request of `method` carries before its own: `Accept`,
   * and in the `cookie` mode the CSRF header and, on writes, the base URL's
   * `Origin` (for a case that sends a request by hand).
   */
  baseHeaders(method: string): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (!this.cookieSessions) return headers;
    headers[CSRF_HEADER] = '1';
    if (WRITE_METHODS.has(method.toUpperCase())) headers.Origin = new URL(this.baseUrl).origin;
    return headers;
  }

  /** The request headers that carry a session: a bearer token, or the session cookie. */
  sessionHeaders(session: string): Record<string, string> {
    return this.cookieSessions ? { Cookie: `${SESSION_COOKIE}=${session}` } : { Authorization: `Bearer ${session}` };
  }

  /** The session an answer hands out ({@link Reply.session}). */
  private sessionIn(headers: Headers, body: unknown): string | undefined {
    if (this.cookieSessions) return setCookiesOf({ headers }).findLast((c) => c.value !== '' && !clears(c))?.value;
    const token = (body as { token?: unknown } | undefined)?.token;
    return typeof token === 'string' && token !== '' ? token : undefined;
  }

  /** Sends a request to a path under the base URL, without contract checks. */
  async raw(method: string, path: string, options: Omit<CallOptions, 'params'> = {}): Promise<Reply> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { ...this.baseHeaders(method), ...(options.token ? this.sessionHeaders(options.token) : {}) };
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      // Header names are case-insensitive: an override replaces the default of any spelling.
      for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
      if (value !== null) headers[name] = value;
    }
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
    if (body !== undefined && contentType !== null) headers['Content-Type'] = contentType;
    let response: Response;
    for (let attempt = 0; ; attempt++) {
      try {
        response = await this.fetch(url, { method, headers, body });
      } catch (error) {
        throw new CaseFailure(`${method} ${url.pathname}: no answer (${error instanceof Error ? error.message : String(error)})`);
      }
      // The backend's own rate limit is not what a case tests: wait as told (up to a minute) and send again.
      const wait = Number(response.headers.get('retry-after'));
      if (response.status !== 429 || attempt >= 3 || !(wait >= 0 && wait <= 65)) break;
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
    const text = await response.text();
    let parsed: unknown;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    const session = this.sessionIn(response.headers, parsed);
    return { id: `${method} ${url.pathname}`, status: response.status, headers: response.headers, body: parsed, text, ...(session ? { session } : {}) };
  }

  /**
   * Sends a request with `node:http`, for what `fetch` refuses to send
   * (`TRACE`); skips the case where `node:http` is not available.
   */
  async rawNode(method: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.rawNodeUrl(method, new URL(`${this.baseUrl}${path}`), headers);
  }

  /** {@link Api.rawNode} for any URL (e.g. outside the base path), with headers `fetch` will not send (`Host`). */
  async rawNodeUrl(method: string, url: URL, headers: Record<string, string> = {}): Promise<Reply> {
    let http: typeof import('node:http');
    try {
      http = await import('node:http');
    } catch {
      throw new CaseSkipped(`cannot send ${method} without node:http`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CaseSkipped(`cannot send ${method} to ${url.protocol}`);
    const client = url.protocol === 'https:' ? ((await import('node:https')) as unknown as typeof http) : http;
    return new Promise<Reply>((resolve, reject) => {
      const request = client.request(url, { method, headers: { Accept: 'application/json', ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value === undefined) continue;
            for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
          }
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          resolve({ id: `${method} ${url.pathname}`, status: response.statusCode ?? 0, headers: responseHeaders, body: parsed, text });
        });
      });
      request.on('error', (error) => reject(new CaseFailure(`${method} ${url.pathname}: no answer (${error.message})`)));
      request.end();
    });
  }

  /** Calls an endpoint by id. */
  async call(id: RouteId, options: CallOptions = {}): Promise<Reply> {
    const def = ROUTES[id]!;
    const path = def.path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ''));
    const reply = await this.raw(def.method, path, options);
    return { ...reply, id };
  }

  /** Calls an endpoint and checks it answered with success: its status and response schema. */
  async ok(id: RouteId, options: CallOptions = {}): Promise<Reply> {
    return expectSuccess(await this.call(id, options));
  }
}

/** Checks a success: the endpoint's status and a body its response schema accepts. */
export function expectSuccess(reply: Reply): Reply {
  const def = ROUTES[reply.id];
  check(def, `${reply.id} is not an endpoint of the contract`);
  check(reply.status === def.status, `${reply.id}: expected ${def.status}, got ${describeReply(reply)}`);
  if (def.status === 204) {
    check(reply.text === '', `${reply.id}: 204 must have an empty body, got ${reply.text.slice(0, 60)}`);
    return reply;
  }
  const type = reply.headers.get('content-type') ?? '';
  check(/\bjson\b/i.test(type), `${reply.id}: Content-Type must be JSON, got "${type}"`);
  const parsed = def.response.safeParse(reply.body);
  check(
    parsed.success,
    `${reply.id}: the body breaks the response schema (${parsed.error?.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ')})`,
  );
  return reply;
}

/**
 * Checks an error answer: the `ErrorBody` format, the expected code with its
 * status, and (for contract endpoints) a code the endpoint documents.
 */
export function expectError(reply: Reply, code: ErrorCode): Reply {
  check(reply.status === ERROR_STATUS[code], `${reply.id}: expected ${ERROR_STATUS[code]} ${code}, got ${describeReply(reply)}`);
  const parsed = ErrorBody.safeParse(reply.body);
  check(parsed.success, `${reply.id}: the error body breaks ErrorBody: ${reply.text.slice(0, 120)}`);
  check(parsed.data.error.code === code, `${reply.id}: expected code ${code}, got ${parsed.data.error.code}`);
  const docs = ENDPOINT_DOCS[reply.id as EndpointId];
  if (docs) check(docs.errors.includes(code), `${reply.id}: answered ${code}, which the contract does not list for it`);
  if (code === 'rate_limited') check(reply.headers.get('retry-after'), `${reply.id}: 429 without Retry-After`);
  return reply;
}

/** The `field:code` pairs of a validation error, sorted. */
export function fieldCodes(reply: Reply): string[] {
  const fields = (reply.body?.error?.fields ?? []) as Array<{ field: string; code: string }>;
  return fields.map((f) => `${f.field}:${f.code}`).sort();
}

/** Checks a 400 `validation_failed` that names `expected` (`field:code`) among its issues. */
export function expectFieldIssue(reply: Reply, expected: string): void {
  expectError(reply, 'validation_failed');
  const codes = fieldCodes(reply);
  check(codes.includes(expected), `${reply.id}: expected the issue ${expected}, got [${codes.join(', ')}]`);
}
