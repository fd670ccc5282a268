/**
 * The one place the SDK talks HTTP: builds a request from the endpoint table,
 * sends it through ky with timeout and (for reads only) retry, validates the
 * answer against the contract and turns every failure into a typed error.
 *
 * @internal
 * @module
 */
import ky, { isHTTPError, isNetworkError, isTimeoutError, type HTTPError, type KyInstance } from 'ky';
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
  readonly #ky: KyInstance;
  readonly #options: TransportOptions;
  readonly #sharedReads = new Map<string, SharedRead>();

  constructor(options: TransportOptions) {
    this.#options = options;
    this.#ky = ky.create({
      prefix: options.baseUrl,
      timeout: options.timeout,
      ...(options.totalTimeout ? { totalTimeout: options.totalTimeout } : {}),
      retry: {
        limit: options.retry,
        methods: ['get'],
        statusCodes: [408, 429, 500, 502, 503, 504],
        afterStatusCodes: [429, 503],
        maxRetryAfter: 60_000,
        backoffLimit: 5_000,
      },
      ...(options.fetch ? { fetch: options.fetch } : {}),
      headers: { accept: 'application/json' },
    });
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
    return this.#shareRead(`${url}\u0000${token ?? ''}`, send, request.signal) as Promise<ResponseOf<K>>;
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
      entry.promise.then(
        () => this.#sharedReads.delete(key),
        () => this.#sharedReads.delete(key),
      );
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
          this.#sharedReads.delete(key);
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

  async #send(
    id: EndpointId,
    url: string,
    init: {
      method: string;
      token: string | undefined;
      body: Record<string, unknown> | undefined;
      signal: AbortSignal | undefined;
      timeout: number | undefined;
      headers: Record<string, string> | undefined;
    },
  ): Promise<unknown> {
    const endpoint = ENDPOINTS[id];
    let response: Response;
    try {
      response = await this.#ky(url, {
        method: init.method,
        ...(init.body !== undefined ? { json: init.body } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
        ...(init.timeout !== undefined ? { timeout: init.timeout } : {}),
        headers: { ...init.headers, ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      });
    } catch (error) {
      throw await this.#toError(id, error, init.token, init.signal);
    }

    const requestId = response.headers.get('x-request-id') ?? undefined;
    let data: unknown;
    if (endpoint.status === 204 || response.status === 204) {
      data = undefined;
    } else {
      // A proxy's HTML page or a text answer is not the service speaking, whatever it contains.
      if (!/json/i.test(response.headers.get('content-type') ?? '')) {
        throw new ContractError(id, ['(root): content-type is not JSON'], { status: response.status, requestId });
      }
      try {
        data = await response.json();
      } catch (cause) {
        if (init.signal?.aborted) throw new AbortedError({ cause: init.signal.reason });
        throw new ContractError(id, ['(root): body is not JSON'], { status: response.status, requestId, cause });
      }
    }
    const parsed = endpoint.response.safeParse(data);
    if (!parsed.success) throw new ContractError(id, issuePaths(parsed.error), { status: response.status, requestId });
    return parsed.data;
  }

  async #toError(id: EndpointId, error: unknown, token: string | undefined, signal: AbortSignal | undefined): Promise<WebBillingError> {
    // ky's error keeps the request (the bearer header) and its options (the JSON body, with any
    // password or answer); it becomes our error's `cause`, which pages log. Keep the rest of it.
    if (error && typeof error === 'object') for (const key of ['request', 'options']) Reflect.deleteProperty(error, key);
    if (signal?.aborted) return new AbortedError({ cause: signal.reason });
    if (isTimeoutError(error)) return new TimeoutError({ cause: error });
    if (isNetworkError(error)) return new NetworkError({ cause: error });
    if (!isHTTPError(error)) {
      // fetch implementations that ky does not recognise still reject with a TypeError when offline.
      if (error instanceof TypeError) return new NetworkError({ cause: error });
      if (error instanceof Error && error.name === 'AbortError') return new AbortedError({ cause: error });
      return new NetworkError({ cause: error });
    }
    return this.#fromResponse(id, error, token);
  }

  #fromResponse(id: EndpointId, error: HTTPError, token: string | undefined): WebBillingError {
    const status = error.response.status;
    const parsed = ErrorBody.safeParse(error.data);
    const requestId = (parsed.success ? parsed.data.requestId : undefined) ?? error.response.headers.get('x-request-id') ?? undefined;
    const init: WebBillingErrorInit = { status, requestId, cause: error };
    if (!parsed.success) {
      if (status >= 500) return new ServerError(init);
      if (status === 429) return new RateLimitedError(retryAfterOf(error.response), init);
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
        return new RateLimitedError(details?.retryAfterSeconds ?? retryAfterOf(error.response), init);
      case 'internal':
        return new ServerError(init);
    }
  }
}

function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
