/**
 * The one place the SDK talks HTTP: builds a request from the endpoint table,
 * sends it with `fetch` under a per-attempt timeout and an optional overall
 * deadline, retries reads (never writes) with backoff honouring Retry-After,
 * validates the answer against the contract and turns every failure into a
 * typed error.
 *
 * Built on `fetch` directly rather than ky: ky 2.1 alone is 8.65 kB min+gzip,
 * which does not fit the SDK's 15 kB budget next to zod/mini; this file is the
 * part of ky we used (docs/benchmarks.md has the figures).
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { ENDPOINTS, type EndpointId } from './contract/endpoints.js';
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
  timeout: number;
  totalTimeout?: number | undefined;
  retry: number;
  getToken: () => string | undefined;
  onUnauthorized: (token: string) => void;
}

interface SharedRead {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

/** Issue paths of a failed parse, without the values (which may be secret). */
function issuePaths(error: z.core.$ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.code}`);
}

export class Transport {
  readonly #options: TransportOptions;
  readonly #sharedReads = new Map<string, SharedRead>();

  constructor(options: TransportOptions) {
    this.#options = options;
  }

  /** Calls an endpoint and returns its validated response. */
  async call<K extends EndpointId>(id: K, request: Request<K> = {}): Promise<ResponseOf<K>> {
    const endpoint = ENDPOINTS[id];
    const path = endpoint.path.replace(/:([a-z]+)/gi, (_, name: string) => encodeURIComponent(request.params?.[name] ?? ''));
    const query = 'query' in endpoint ? this.#checkInput(endpoint.query, request.query) : undefined;
    const body = 'body' in endpoint ? this.#checkInput(endpoint.body, request.body) : undefined;
    const token = this.#options.getToken();
    const search = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][]) : undefined;
    const url = search && [...search].length ? `${path}?${search}` : path;

    if (request.signal?.aborted) throw new AbortedError({ cause: request.signal.reason });

    const send = (signal: AbortSignal | undefined) =>
      this.#send(id, url, {
        method: endpoint.method,
        token,
        body,
        signal,
        timeout: request.timeout,
        headers: request.headers,
      });

    if (endpoint.method !== 'GET') return send(request.signal) as Promise<ResponseOf<K>>;
    // Only identical reads share: same URL, token, timeout and headers.
    const key = [url, token, request.timeout, JSON.stringify(request.headers)].join('\u0000');
    return this.#shareRead(key, send, request.signal) as Promise<ResponseOf<K>>;
  }

  #checkInput(schema: z.ZodMiniType, value: unknown): Record<string, unknown> {
    const parsed = schema.safeParse(value ?? {});
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((i) => ({
          field: i.path.join('.') || '(body)',
          code: i.code === 'invalid_type' ? (i.input === undefined ? 'required' : 'invalid_type') : i.code === 'too_big' ? 'too_long' : 'invalid_format',
          message: i.input === undefined ? `${i.path.join('.')} is required.` : `${i.path.join('.')} is not valid.`,
        })),
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
    if (!signal) return entry.promise;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        entry.waiters--;
        if (entry.waiters === 0) {
          entry.controller.abort(signal.reason);
          if (this.#sharedReads.get(key) === entry) this.#sharedReads.delete(key);
        }
        reject(new AbortedError({ cause: signal.reason }));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  /**
   * Sends one call: attempts, the waits between them (reads only) and the
   * deadline of `totalTimeout`, then the validation of the answer.
   */
  async #send(id: EndpointId, url: string, init: SendInit): Promise<unknown> {
    const { totalTimeout, retry } = this.#options;
    const deadline = totalTimeout ? Date.now() + totalTimeout : Infinity;
    const retries = init.method === 'GET' ? retry : 0;
    for (let attempt = 0; ; attempt++) {
      let answer: Answer | undefined;
      let wait: number | undefined;
      try {
        answer = await this.#attempt(url, init, deadline);
        if (answer.response.ok) return this.#accept(id, answer);
        const { status } = answer.response;
        if (!RETRY_STATUSES.includes(status)) throw this.#fromResponse(id, answer, init.token);
        wait = status === 429 || status === 503 ? retryAfterOf(answer.response) : undefined;
        if (attempt >= retries || (wait !== undefined && wait > MAX_RETRY_AFTER)) throw this.#fromResponse(id, answer, init.token);
      } catch (error) {
        // Network failures and timeouts of reads are retried; anything else is final.
        if (attempt >= retries || !(error instanceof NetworkError || error instanceof TimeoutError) || deadline - Date.now() <= 0) throw error;
      }
      // A wait the service asked for that outlasts the deadline: its own error (a 429 keeps
      // `retryAfter` for the page to show) says more than a timeout.
      if (wait !== undefined && answer && Date.now() + wait >= deadline) throw this.#fromResponse(id, answer, init.token);
      wait ??= Math.min(BACKOFF_LIMIT, 300 * 2 ** attempt);
      if (Date.now() + wait >= deadline) throw new TimeoutError();
      await sleep(wait, init.signal);
    }
  }

  /**
   * One request with its own timeout (the per-attempt one, cut short by the
   * call's deadline), the body read included, so a slow body times out too.
   */
  async #attempt(url: string, init: SendInit, deadline: number): Promise<Answer> {
    const { signal } = init;
    if (signal?.aborted) throw new AbortedError({ cause: signal.reason });
    const controller = new AbortController();
    let timedOut = false;
    const ms = Math.max(0, Math.min(init.timeout ?? this.#options.timeout, deadline - Date.now()));
    // setTimeout fires at once past 2^31 - 1 ms (about 24.8 days): a longer limit is none.
    const timer =
      ms < 2 ** 31
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, ms)
        : undefined;
    // Settles the attempt on timeout or abort even if a custom fetch, or its body, ignores the signal.
    const stop = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', reject, { once: true }));
    stop.catch(() => {});
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    try {
      // Called without a receiver: window.fetch passed as an option throws "Illegal invocation" on any other.
      const fetch = this.#options.fetch ?? globalThis.fetch;
      const response = await Promise.race([
        fetch(this.#options.baseUrl + url, {
          method: init.method,
          headers,
          body: init.body === undefined ? null : JSON.stringify(init.body),
          signal: controller.signal,
        }),
        stop,
      ]);
      return { response, text: await Promise.race([response.text(), stop]) };
    } catch (cause) {
      if (signal?.aborted) throw new AbortedError({ cause: signal.reason });
      if (timedOut) throw new TimeoutError();
      // Offline, DNS, refused, CORS, or whatever else a custom fetch rejects with.
      throw new NetworkError({ cause });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

  /** A 2xx answer, validated against the endpoint's response schema. */
  #accept(id: EndpointId, { response, text }: Answer): unknown {
    const requestId = response.headers.get('x-request-id') ?? undefined;
    let data: unknown;
    if (ENDPOINTS[id].status !== 204 && response.status !== 204) {
      // A proxy's HTML page or a text answer is not the service speaking, whatever it contains.
      if (!isJson(response)) throw new ContractError(id, ['(root): content-type is not JSON'], { status: response.status, requestId });
      try {
        data = JSON.parse(text);
      } catch {
        // Not kept as the cause: V8's SyntaxError quotes the body, which may hold a token.
        throw new ContractError(id, ['(root): body is not JSON'], { status: response.status, requestId });
      }
    }
    const parsed = ENDPOINTS[id].response.safeParse(data);
    if (!parsed.success) throw new ContractError(id, issuePaths(parsed.error), { status: response.status, requestId });
    return parsed.data;
  }

  /** A non-2xx answer as the typed error its contract body (or, without one, its status) names. */
  #fromResponse(id: EndpointId, { response, text }: Answer, token: string | undefined): WebBillingError {
    const { status } = response;
    let body: unknown;
    try {
      body = isJson(response) ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const parsed = ErrorBody.safeParse(body);
    const requestId = (parsed.success ? parsed.data.requestId : undefined) ?? response.headers.get('x-request-id') ?? undefined;
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
        if (token) this.#options.onUnauthorized(token);
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
  body: Record<string, unknown> | undefined;
  signal: AbortSignal | undefined;
  timeout: number | undefined;
  headers: Record<string, string> | undefined;
}

/** What one attempt got: the response and its whole body as text. */
interface Answer {
  response: Response;
  text: string;
}

/** Statuses after which a read is tried again (network failures and timeouts are, too). */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
/** Longest wait between two attempts without a Retry-After. */
const BACKOFF_LIMIT = 5_000;
/** A Retry-After longer than this is not waited for: the error (with `retryAfter`) goes to the caller. */
const MAX_RETRY_AFTER = 60_000;

const isJson = (response: Response) => /json/i.test(response.headers.get('content-type') ?? '');
const secondsOf = (ms: number | undefined) => (ms === undefined ? undefined : Math.ceil(ms / 1000));

/** Resolves after `ms`, or rejects with {@link AbortedError} as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const abort = () => {
      clearTimeout(timer);
      reject(new AbortedError({ cause: signal?.reason }));
    };
    const timer = setTimeout(done, ms);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

/** Retry-After (seconds or an HTTP date) in milliseconds, if the response has one. */
function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  // delay-seconds is digits only; every HTTP-date form has hh:mm:ss (Date.parse alone takes "-5" or "soon 2").
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  const date = /\d\d:\d\d:\d\d/.test(header) ? Date.parse(header) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
