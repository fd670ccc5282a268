/**
 * A mutation proxy: a plain HTTP proxy in front of a real reference backend
 * (over HTTP, rate limiter included, as `npm run backend` runs it) that
 * forwards every request, `/_dev/*` included, through one defect's hook. A
 * hook may rewrite the request, answer by itself, call the backend several
 * times, or rewrite the answer (status, headers, body): it stands for a
 * partner's backend that gets exactly one behaviour wrong.
 *
 * The hook's memory (caches, remembered tokens…) is part of the "backend":
 * a successful `POST /_dev/reset` starts a fresh hook, as a reset of a real
 * backend would clear its caches too.
 *
 * @module
 */
import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHttpBackend } from '../../mocks/http-server.js';
import { createBackend, createRateLimiter, type BackendOptions } from '../../mocks/index.js';

/** The reference backend's fixed start time, as in the conformance tests. */
export const MUTANT_NOW = '2026-11-20T10:00:00+09:00';

/** A request as the proxy received it. `url` is the path and query (e.g. `/api/v1/auth/login?x=1`). */
export interface ProxyRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** An answer, from the backend or made up by a hook. Header names are lower case. */
export interface ProxyResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  /**
   * Made up by a hook rather than taken from the backend: the proxy adds the
   * headers the backend puts on every answer (security headers, CORS for the
   * request's origin) unless the hook set them, so that a made-up answer
   * differs from a real one only in what the defect changes.
   */
  synthetic?: boolean;
}

/** What a hook gets besides the request. */
export interface HookContext {
  /** Sends a request to the reference backend and returns its whole answer. */
  forward(request: ProxyRequest): Promise<ProxyResponse>;
  /** The API's base path on the backend (`/api/v1`). */
  basePath: string;
}

/** One defect's behaviour: answers a request, usually by forwarding it. */
export type Hook = (request: ProxyRequest, ctx: HookContext) => Promise<ProxyResponse>;

/** A defect a partner's backend could plausibly ship. */
export interface Defect {
  /** Short, stable id (kebab case). */
  id: string;
  /** One line: what this backend does wrong. */
  description: string;
  /** The ASVS 5.0 requirement and/or user-guide rule it breaks. */
  breaks: string;
  /** A fresh hook with fresh memory (called at start and after each `/_dev/reset`). */
  create(): Hook;
  /**
   * The reference backend's options this defect needs behind it (e.g.
   * `{ sessionMode: 'cookie' }` for a defect of cookie sessions); the
   * default backend holds bearer tokens. Its clean baseline runs with the same.
   */
  backend?: Pick<BackendOptions, 'sessionMode'>;
}

/** The clean proxy: forwards everything unchanged. */
export const CLEAN: Defect = {
  id: 'clean',
  description: 'no defect: every request and answer passes through unchanged',
  breaks: '—',
  create: () => (request, ctx) => ctx.forward(request),
};

/** The clean proxy in front of the backend `defect` needs (its baseline). */
export function cleanFor(defect: Defect): Defect {
  if (!defect.backend?.sessionMode) return CLEAN;
  return { ...CLEAN, id: `clean-${defect.backend.sessionMode}`, description: `${CLEAN.description}, sessionMode ${defect.backend.sessionMode}`, backend: defect.backend };
}

// ---------------------------------------------------------------- helpers for hooks

/** The route of a request under the base path: method, path without `/api/v1`, query. */
export function routeOf(request: ProxyRequest, basePath = '/api/v1'): { method: string; path: string; query: URLSearchParams } {
  const url = new URL(request.url, 'http://proxy.invalid');
  const path = url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : url.pathname;
  return { method: request.method.toUpperCase(), path, query: url.searchParams };
}

/** Whether a request is `method path` (path under the base path, without query). */
export function is(request: ProxyRequest, method: string, path: string): boolean {
  const r = routeOf(request);
  return r.method === method && r.path === path;
}

/** The request's JSON body, or `undefined`. */
export function requestJson(request: ProxyRequest): any {
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A copy of the request with another JSON body. */
export function withRequestJson(request: ProxyRequest, value: unknown): ProxyRequest {
  return { ...request, headers: { ...request.headers }, body: Buffer.from(JSON.stringify(value)) };
}

/** A copy of the request with another path and query. */
export function withUrl(request: ProxyRequest, url: string): ProxyRequest {
  return { ...request, url, headers: { ...request.headers } };
}

/** The answer's JSON body, or `undefined`. */
export function responseJson(response: ProxyResponse): any {
  if (response.body.length === 0) return undefined;
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A copy of the answer with another JSON body (and status, if given). */
export function withJson(response: ProxyResponse, value: unknown, status = response.status): ProxyResponse {
  return {
    status,
    headers: { ...response.headers, 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(value)),
  };
}

/** A copy of the answer with headers set (a `null` value removes the header). */
export function withHeaders(response: ProxyResponse, headers: Record<string, string | null>): ProxyResponse {
  const next = { ...response.headers };
  for (const [name, value] of Object.entries(headers)) {
    if (value === null) delete next[name.toLowerCase()];
    else next[name.toLowerCase()] = value;
  }
  return { ...response, headers: next };
}

/** A deep copy of an answer (so a cached one can be handed out twice). */
export function copyResponse(response: ProxyResponse): ProxyResponse {
  return { status: response.status, headers: structuredClone(response.headers), body: Buffer.from(response.body) };
}

/** The bearer token of a request, or `undefined`. */
export function bearerOf(request: ProxyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(String(request.headers.authorization ?? ''));
  return match?.[1];
}

// ---------------------------------------------------------------- the proxy

/** Headers the backend puts on every answer, which made-up answers get too. */
const AMBIENT = /^(access-control-|vary$|x-content-type-options$|x-frame-options$|content-security-policy|referrer-policy$|strict-transport-security$|permissions-policy$|cross-origin-)/;

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'proxy-connection', 'upgrade', 'te', 'trailer']);

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A running reference backend behind a mutation proxy. */
export interface Mutant {
  /** The proxy's API base URL, e.g. `http://localhost:40123/api/v1` (what the suite is run against). */
  url: string;
  /** The reference backend's own base URL (bypassing the proxy). */
  backendUrl: string;
  /** Requests the hook failed on (answered 502); should stay empty. */
  hookErrors: unknown[];
  close(): Promise<void>;
}

/**
 * Starts a fresh reference backend (fixed clock, per-client rate limiter,
 * as `npm run backend`) and a proxy in front of it that applies `defect`.
 */
export async function startMutant(defect: Defect = CLEAN): Promise<Mutant> {
  const backend = createBackend({ now: MUTANT_NOW, rateLimit: createRateLimiter(), onInternalError: () => {}, ...defect.backend });
  const http = await startHttpBackend({ port: 0, backend });
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const hookErrors: unknown[] = [];
  // The ambient headers of the backend's latest answer, per request Origin ('' for none).
  const ambient = new Map<string, Record<string, string | string[]>>();

  const forward = (request: ProxyRequest): Promise<ProxyResponse> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value === undefined || HOP_BY_HOP.has(name.toLowerCase())) continue;
        headers[name] = value;
      }
      const hasBody = request.body.length > 0 || !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(request.method.toUpperCase());
      if (hasBody) headers['content-length'] = String(request.body.length);
      const outgoing = httpRequest(
        { host: '127.0.0.1', port: http.port, method: request.method, path: request.url, headers, agent, setHost: headers.host === undefined },
        (res) => {
          readAll(res).then((body) => {
            const out: Record<string, string | string[]> = {};
            for (const [name, value] of Object.entries(res.headers)) {
              if (value === undefined || HOP_BY_HOP.has(name)) continue;
              out[name] = value;
            }
            if (request.method.toUpperCase() !== 'OPTIONS') {
              ambient.set(String(request.headers.origin ?? ''), Object.fromEntries(Object.entries(out).filter(([name]) => AMBIENT.test(name))));
            }
            resolve({ status: res.statusCode ?? 502, headers: out, body });
          }, reject);
        },
      );
      outgoing.once('error', reject);
      outgoing.end(hasBody ? request.body : undefined);
    });

  const ctx: HookContext = { forward, basePath: backend.basePath };
  let hook = defect.create();

  const server = createServer((req, res) => {
    void (async () => {
      let response: ProxyResponse;
      const origin = String(req.headers.origin ?? '');
      try {
        const request: ProxyRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: { ...req.headers }, body: await readAll(req) };
        response = await hook(request, ctx);
        if (is(request, 'POST', '/_dev/reset') && response.status === 204) hook = defect.create();
      } catch (error) {
        hookErrors.push(error);
        response = { status: 502, headers: { 'content-type': 'text/plain' }, body: Buffer.from(`mutation proxy: ${String(error)}`) };
      }
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(response.headers)) if (!HOP_BY_HOP.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
      if (response.synthetic) {
        for (const [name, value] of Object.entries(ambient.get(origin) ?? ambient.get('') ?? {})) if (!(name in headers)) headers[name] = value;
      }
      const bodyless = response.status === 204 || response.status === 304 || req.method === 'HEAD';
      if (!bodyless) headers['content-length'] = String(response.body.length);
      res.writeHead(response.status, headers);
      res.end(bodyless ? undefined : response.body);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}${backend.basePath}`,
    backendUrl: http.url,
    hookErrors,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      agent.destroy();
      await http.close();
    },
  };
}
