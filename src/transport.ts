/**
 * The one place the SDK talks HTTP. ky sends each call: per-attempt timeout
 * (the body read included), the overall `totalTimeout`, retries of reads with
 * backoff and jitter, `Retry-After`, hooks. This file keeps what ky does not
 * do: the request from the endpoint table, the contract validation of every
 * answer, the typed errors, identical concurrent reads sharing one request,
 * and settling at once when the caller aborts, even over a fetch that ignores
 * its signal.
 *
 * @internal
 * @module
 */
import ky, { isHTTPError, isKyError, isNetworkError, isTimeoutError, type KyInstance, type Options, type RetryOptions } from 'ky';
import * as z from 'zod/mini';
import { ENDPOINTS, type EndpointId } from './contract/endpoints.js';
import { fieldIssueCode } from './contract/field-issues.js';
import { CSRF_HEADER, type SessionMode } from './contract/rules.js';
import { ErrorBody } from './contract/schemas.js';
import {
  AbortedError,
  AccountLockedError,
  ConflictError,
  ContractError,
  CredentialChangeRequiredError,
  InvalidCredentialsError,
  LinkExpiredError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  SessionExpiredError,
  TimeoutError,
  ValidationError,
  WebBillingError,
  type WebBillingErrorInit,
} from './errors.js';

type Table = typeof ENDPOINTS;
type SchemaOf<K extends EndpointId, F extends string> = Table[K] extends Record<F, infer S extends z.ZodMiniType> ? S : never;

/** The parsed response of an endpoint. */
export type ResponseOf<K extends EndpointId> = z.output<Table[K]['response']>;
/** The request body of an endpoint (never for endpoints without one). */
export type BodyOf<K extends EndpointId> = z.input<SchemaOf<K, 'body'>>;
/** The query of an endpoint (never for endpoints without one). */
export type QueryOf<K extends EndpointId> = z.input<SchemaOf<K, 'query'>>;

/** Options every SDK call accepts. */
export interface CallOptions {
  /** Cancels the call; it then rejects with {@link AbortedError}. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in milliseconds, overriding the client's. */
  timeout?: number | undefined;
  /** Extra request headers. */
  headers?: Record<string, string> | undefined;
}

interface Request<K extends EndpointId> extends CallOptions {
  params?: Record<string, string>;
  query?: QueryOf<K>;
  body?: BodyOf<K>;
}

export interface TransportOptions {
  baseUrl: string;
  fetch?: typeof globalThis.fetch | undefined;
  ky?: KyInstance | undefined;
  timeout: number;
  totalTimeout?: number | undefined;
  retry: number;
  /** Runs before each call until the client knows its session mode (then returns nothing); never before `credentials.policy`. */
  prepare?: (() => Promise<void> | undefined) | undefined;
  /** How the session travels: a cookie (with the CSRF header) or a bearer token. */
  getMode: () => SessionMode | 'auto';
  getToken: () => string | undefined;
  /** Stands for the live session; a call's `session_expired` is news only for the session it was sent under. */
  getSessionRef: () => object | undefined;
  onUnauthorized: (ref: object) => void;
  /** Sees every answer (its `Date` header), and whether the call was an authenticated one that the service answered. */
  onResponse?: ((response: Response, authenticated: boolean) => void) | undefined;
}

interface SharedRead {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

/** Issue paths of a failed parse, without the values (which may be secret). */
function issuePaths(error: z.core.$ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`);
}

export class Transport {
  readonly #options: TransportOptions;
  readonly #ky: KyInstance;
  readonly #sharedReads = new Map<string, SharedRead>();
  readonly #refIds = new WeakMap<object, number>();
  #nextRefId = 0;

  /** A number for a session (cookie mode: no token to tell two sessions apart). */
  #idOf(ref: object | undefined): string {
    if (!ref) return '';
    let id = this.#refIds.get(ref);
    if (id === undefined) this.#refIds.set(ref, (id = this.#nextRefId++));
    return `s${id}`;
  }

  constructor(options: TransportOptions) {
    this.#options = options;
    const { fetch } = options;
    // A partner's instance keeps its hooks, headers and fetch; how calls are sent and retried is the SDK's.
    this.#ky = (options.ky ?? ky).extend({
      prefix: options.baseUrl,
      timeout: limitOf(options.timeout),
      totalTimeout: limitOf(options.totalTimeout || Infinity),
      throwHttpErrors: true,
      headers: { accept: 'application/json' },
      // The caller's fetch is called as before: URL string, plain headers, string body, no receiver
      // (window.fetch passed as an option throws "Illegal invocation" on any other).
      ...(fetch && {
        fetch: async (input: globalThis.Request | URL | string) => {
          const request = input instanceof globalThis.Request ? input : new globalThis.Request(input);
          return fetch(request.url, {
            method: request.method,
            headers: Object.fromEntries(request.headers),
            body: request.body ? await request.text() : null,
            signal: request.signal,
            ...(request.credentials === 'include' && { credentials: 'include' as const }),
          });
        },
      }),
    });
  }

  /** Settles when the client is ready to call (its session mode known). */
  async ready(): Promise<void> {
    await this.#options.prepare?.();
  }

  /** Calls an endpoint and returns its validated response. */
  async call<K extends EndpointId>(id: K, request: Request<K> = {}): Promise<ResponseOf<K>> {
    const endpoint = ENDPOINTS[id];
    const path = endpoint.path.replace(/:([a-z]+)/gi, (_, name: string) => encodeURIComponent(request.params?.[name] ?? ''));
    const query = 'query' in endpoint ? this.#checkInput(endpoint.query, request.query) : undefined;
    const body = 'body' in endpoint ? this.#checkInput(endpoint.body, request.body) : undefined;
    // Once the mode is known this stays synchronous, so a call starts in the same turn as before.
    const preparing = id === 'credentials.policy' ? undefined : this.#options.prepare?.();
    if (preparing) await preparing;
    const token = this.#options.getToken();
    const ref = this.#options.getSessionRef();
    const cookie = this.#options.getMode() === 'cookie';
    const search = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][]) : undefined;
    const url = search && [...search].length ? `${path}?${search}` : path;

    if (request.signal?.aborted) throw new AbortedError({ cause: request.signal.reason });

    const send = (signal: AbortSignal | undefined) =>
      this.#send(id, url, {
        method: endpoint.method,
        token,
        ref,
        cookie,
        authenticated: endpoint.auth === 'session' || endpoint.auth === 'active-session',
        body,
        signal,
        timeout: request.timeout,
        headers: request.headers,
      });

    if (endpoint.method !== 'GET') return untilAborted(send(request.signal), request.signal) as Promise<ResponseOf<K>>;
    // Only identical reads share: same URL, session, timeout and headers.
    const key = [url, token ?? this.#idOf(ref), request.timeout, JSON.stringify(request.headers)].join('\u0000');
    return this.#shareRead(key, send, request.signal) as Promise<ResponseOf<K>>;
  }

  #checkInput(schema: z.ZodMiniType, value: unknown): Record<string, unknown> {
    const parsed = schema.safeParse(value ?? {}, { reportInput: true });
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((issue) => {
          const field = issue.path.join('.') || '(body)';
          const code = fieldIssueCode(issue);
          // For the developer: the field and its code ("loginId: too_long"); the elements word each code themselves.
          return { field, code, message: `${field}: ${code}` };
        }),
      );
    }
    return parsed.data as Record<string, unknown>;
  }

  /**
   * Identical concurrent reads share one request. Each caller keeps its own
   * signal: aborting one caller rejects only that caller, and the shared
   * request is aborted only when every caller has gone.
   */
  #shareRead(key: string, send: (signal: AbortSignal) => Promise<unknown>, signal: AbortSignal | undefined): Promise<unknown> {
    let shared = this.#sharedReads.get(key);
    if (!shared) {
      const controller = new AbortController();
      const entry: SharedRead = { controller, waiters: 0, promise: send(controller.signal) };
      // An abandoned entry settles late: by then the key may hold a newer read, which stays.
      const forget = () => this.#sharedReads.get(key) === entry && this.#sharedReads.delete(key);
      entry.promise.then(forget, forget);
      this.#sharedReads.set(key, entry);
      shared = entry;
    }
    const entry = shared;
    entry.waiters++;
    return untilAborted(entry.promise, signal, () => {
      if (--entry.waiters > 0) return;
      entry.controller.abort(signal?.reason);
      if (this.#sharedReads.get(key) === entry) this.#sharedReads.delete(key);
    });
  }

  /** Sends one call through ky, then validates the answer; every failure becomes a typed error. */
  async #send(id: EndpointId, url: string, init: SendInit): Promise<unknown> {
    const { totalTimeout, retry } = this.#options;
    const deadline = totalTimeout ? Date.now() + totalTimeout : Infinity;
    const isRead = init.method === 'GET';
    const headers: Record<string, string> = { ...init.headers };
    // In the cookie mode the browser sends the session; the header proves to the service that this page sent the call.
    if (init.cookie) headers[CSRF_HEADER] = '1';
    else if (init.token) headers.authorization = `Bearer ${init.token}`;
    const options: Options = {
      method: init.method,
      headers,
      ...(init.cookie && { credentials: 'include' as const }),
      // No limit on writes: they are never retried, and ky then does not copy the body for a retry.
      retry: { ...RETRY, limit: isRead ? retry : 0, shouldRetry: ({ error }) => shouldRetry(error, deadline, init.signal) },
      ...(init.body !== undefined && { json: init.body }),
      ...(init.signal && { signal: init.signal }),
      ...(init.timeout !== undefined && { timeout: limitOf(init.timeout) }),
    };
    let response: Response;
    let text: string;
    try {
      const pending = this.#ky(url, options);
      // Through ky's .text(), so that the per-attempt timeout also bounds reading the body.
      text = await pending.text();
      response = await pending;
    } catch (error) {
      if (isHTTPError(error)) this.#options.onResponse?.(error.response, init.authenticated && error.response.status !== 401 && error.response.status !== 403);
      throw this.#toError(id, error, init);
    }
    this.#options.onResponse?.(response, init.authenticated);
    return this.#accept(id, response, text);
  }

  /**
   * What ky threw as the SDK's error. Never ky's error itself as a cause: it
   * holds the request (the bearer token) and its options (the password).
   */
  #toError(id: EndpointId, error: unknown, init: SendInit): WebBillingError {
    if (init.signal?.aborted) return new AbortedError({ cause: init.signal.reason });
    if (isHTTPError(error)) return this.#fromResponse(id, error.response, error.data, init.ref);
    if (isTimeoutError(error)) return new TimeoutError();
    // Offline, DNS, refused, CORS, or whatever else a custom fetch rejects with.
    return new NetworkError({ cause: isNetworkError(error) ? error.cause : error });
  }

  /** A 2xx answer, validated against the endpoint's response schema. */
  #accept(id: EndpointId, response: Response, text: string): unknown {
    const init: WebBillingErrorInit = { status: response.status, requestId: response.headers.get('x-request-id') ?? undefined };
    let data: unknown;
    if (ENDPOINTS[id].status !== 204 && response.status !== 204) {
      // A proxy's HTML page or a text answer is not the service speaking, whatever it contains.
      if (!isJson(response)) throw new ContractError(id, ['(root): content-type is not JSON'], init);
      try {
        data = JSON.parse(text);
      } catch {
        // Not kept as the cause: V8's SyntaxError quotes the body, which may hold a token.
        throw new ContractError(id, ['(root): body is not JSON'], init);
      }
    }
    const parsed = ENDPOINTS[id].response.safeParse(data);
    if (!parsed.success) throw new ContractError(id, issuePaths(parsed.error), init);
    return parsed.data;
  }

  /** A non-2xx answer as the typed error its contract body (or, without one, its status) names. */
  #fromResponse(id: EndpointId, response: Response, body: unknown, ref: object | undefined): WebBillingError {
    const { status } = response;
    // ky has read the body: parsed when JSON, text otherwise, undefined when malformed or too slow.
    const parsed = ErrorBody.safeParse(body);
    const requestId = parsed.data?.requestId ?? response.headers.get('x-request-id') ?? undefined;
    const init: WebBillingErrorInit = { status, requestId };
    if (!parsed.success) {
      if (status >= 500) return new ServerError(init);
      if (status === 429) return new RateLimitedError(secondsOf(retryAfterOf(response)), init);
      return new ContractError(id, [`(root): status ${status} without a contract error body`], init);
    }
    const { code, fields, details } = parsed.data.error;
    switch (code) {
      case 'validation_failed':
        return new ValidationError(fields ?? [], init);
      case 'invalid_credentials':
        return new InvalidCredentialsError(details?.remainingAttempts, init);
      case 'account_locked':
        return new AccountLockedError(init);
      case 'session_expired':
        if (ref) this.#options.onUnauthorized(ref);
        return new SessionExpiredError(init);
      case 'credential_change_required':
        return new CredentialChangeRequiredError(init);
      case 'not_found':
      case 'month_out_of_range':
      case 'breakdown_not_retained':
        return new NotFoundError(code, init);
      case 'conflict':
        return new ConflictError(init);
      case 'link_expired':
        return new LinkExpiredError(init);
      case 'rate_limited':
        return new RateLimitedError(details?.retryAfterSeconds ?? secondsOf(retryAfterOf(response)), init);
      case 'internal':
        return new ServerError(init);
      default:
        // Refusals of the request itself (403 forbidden, 405, 414, 415, 431): a fault of the caller, not retried.
        return new WebBillingError(code, undefined, init);
    }
  }
}

/** One call as sent: what the endpoint and the caller asked for, with the token of that moment. */
interface SendInit {
  method: string;
  token: string | undefined;
  /** The session the call was sent under. */
  ref: object | undefined;
  /** The cookie mode: `credentials: 'include'` and the CSRF header instead of a bearer token. */
  cookie: boolean;
  /** The endpoint needs a session (so its answer, unless a 401 or 403, extended it). */
  authenticated: boolean;
  body: Record<string, unknown> | undefined;
  signal: AbortSignal | undefined;
  timeout: number | undefined;
  headers: Record<string, string> | undefined;
}

/**
 * Reads (only) are tried again after network failures, timeouts, 408, 429 and
 * 5xx, waiting 0.3 s doubling up to 5 s, or what `Retry-After` asks on 429
 * and 503. Jitter keeps between half and all of each wait: clients that failed
 * together spread out, and every wait is still longer than the one before.
 */
const RETRY: RetryOptions = {
  methods: ['get'],
  statusCodes: [408, 429, 500, 502, 503, 504],
  afterStatusCodes: [429, 503],
  backoffLimit: 5_000,
  jitter: (ms) => ms * (0.5 + Math.random() / 2),
  retryOnTimeout: true,
};
/** A Retry-After longer than this is not waited for: the error (with `retryAfter`) goes to the caller. */
const MAX_RETRY_AFTER = 60_000;

/**
 * ky's retry decision, amended: a Retry-After that is too long, or outlasts
 * the deadline, is not waited for (ky would wait as long as it may, then time
 * out): the service's own error, a 429 with `retryAfter` for the page to show,
 * says more. Whatever else a custom fetch rejects with counts as a network
 * failure, as it becomes a NetworkError; an abort is never retried.
 */
function shouldRetry(error: Error, deadline: number, signal: AbortSignal | undefined): boolean | undefined {
  if (isHTTPError(error)) {
    const wait = error.response.status === 429 || error.response.status === 503 ? retryAfterOf(error.response) : undefined;
    return wait === undefined || (wait <= MAX_RETRY_AFTER && Date.now() + wait < deadline) ? undefined : false;
  }
  if (isKyError(error)) return undefined;
  return !signal?.aborted && error.name !== 'AbortError';
}

/** A limit in milliseconds as ky takes it: setTimeout counts to 2^31 - 1 ms (about 24.8 days), so a longer one is none. */
const limitOf = (ms: number): number | false => (ms < 2 ** 31 ? ms : false);

const isJson = (response: Response) => /json/i.test(response.headers.get('content-type') ?? '');
const secondsOf = (ms: number | undefined) => (ms === undefined ? undefined : Math.ceil(ms / 1000));

/**
 * Settles with `promise`, or rejects with {@link AbortedError} as soon as
 * `signal` aborts, even if the request under it ignores the signal;
 * `onAbort` runs first.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const abort = () => {
      onAbort?.();
      reject(new AbortedError({ cause: signal.reason }));
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * Retry-After (seconds or an HTTP date) in milliseconds, if the response has
 * one: the `retryAfter` of a RateLimitedError (ky reads the header only to wait).
 */
function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  // delay-seconds is digits only; every HTTP-date form has hh:mm:ss (Date.parse alone takes "-5" or "soon 2").
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  const date = /\d\d:\d\d:\d\d/.test(header) ? Date.parse(header) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
