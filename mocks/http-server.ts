/**
 * Serves a backend's handlers as a plain HTTP server on localhost, through
 * MSW's `getResponse`, so any client (curl included) can use it.
 *
 * - Listens on 127.0.0.1 only, and answers only requests whose `Host` is
 *   one it serves (`localhost`, `127.0.0.1`, `[::1]`, plus
 *   {@link HttpBackendOptions.allowedHosts}): anything else, a DNS-rebinding
 *   page's host name or a malformed `Host` included, answers 403 `forbidden`.
 * - CORS: any `http(s)` origin on a served host (any port) may call it with
 *   an `Authorization` header; preflights are answered here. Never `*`.
 * - Unmatched routes answer 404 `not_found` in the contract's error format;
 *   a method a path does not have, 405 `method_not_allowed` with `Allow`; a
 *   target over 8,192 characters, 414; headers over 16 KB, 431; a request
 *   Node cannot parse, 400. Nothing a client sends answers 500.
 * - Every answer carries {@link SECURITY_HEADERS} (nosniff, no framing, no
 *   referrer, no caching); the confirmation page has a strict, nonce-based CSP.
 * - `GET /confirm` serves a small page for the mailed confirmation links
 *   (the default `linkBase` points there).
 *
 * @module
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import type { Backend } from './index.js';
import { CLIENT_ADDRESS_HEADER } from './rate-limit.js';
import { allowedMethods, errorResponse, methodNotAllowed, SECURITY_HEADERS } from './route.js';
import { randomRequestId } from './secrets.js';

/** Options of {@link startHttpBackend}. */
export interface HttpBackendOptions {
  /** The port; 0 picks a free one. */
  port: number;
  backend: Backend;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /**
   * Host names served besides `localhost`, `127.0.0.1` and `[::1]` (for
   * example the name a reverse proxy forwards), matched without the port and
   * case-insensitively. Requests for any other `Host` answer 403, so a page
   * that points its own domain at this machine (DNS rebinding) reads nothing.
   */
  allowedHosts?: readonly string[];
  /**
   * Serves the site's own pages beside the API, on the same origin (what the
   * `cookie` session mode needs): called for every request outside the base
   * path; a `Response` is sent (with the security headers unless it sets its
   * own), `undefined` answers 404 (or, for `GET /confirm`, the backend's own
   * confirmation page).
   */
  site?: (request: Request) => Response | undefined | Promise<Response | undefined>;
}

/** A running HTTP backend. */
export interface HttpBackend {
  /** The base URL of the API, e.g. `http://localhost:8787/api/v1`. */
  url: string;
  /** The port listened on. */
  port: number;
  /** Stops the server. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** The longest request target answered; longer ones get 414. */
export const MAX_TARGET_LENGTH = 8192;
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
/** A `Host` header: a DNS name or IPv4 address, or an IPv6 literal in brackets, and an optional port. */
const HOST_HEADER = /^(?<name>[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
/** Methods the handlers can be asked with; others (TRACE, CONNECT, TRACK…) answer 405 here. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The host name of a `Host` header, lower-cased, if it is well formed and served. */
function servedHost(host: string | undefined, served: ReadonlySet<string>): string | null {
  const name = host === undefined ? undefined : HOST_HEADER.exec(host)?.groups?.name?.toLowerCase();
  return name !== undefined && served.has(name) ? name : null;
}

function corsHeaders(origin: string | undefined, served: ReadonlySet<string>): Record<string, string> {
  if (!origin) return {};
  let hostname: string;
  try {
    const url = new URL(origin);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) return {};
    hostname = url.hostname.toLowerCase();
  } catch {
    return {};
  }
  if (!served.has(hostname)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'Date, Retry-After, X-Request-Id',
    Vary: 'Origin',
  };
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** An incoming Node request as a fetch `Request` (its `Host` must be well formed). */
export async function toFetchRequest(req: IncomingMessage): Promise<Request> {
  // Only the path and query of the target count; an absolute-form target cannot name another host.
  const target = new URL(req.url ?? '/', 'http://target.invalid');
  const url = new URL(`${target.pathname}${target.search}`, `http://${req.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  // Who sent it, for per-client limits; whatever the client sent under this name is replaced.
  headers.set(CLIENT_ADDRESS_HEADER, req.socket.remoteAddress ?? 'unknown');
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? await readBody(req) : undefined;
  return new Request(url, { method, headers, body: body && body.length > 0 ? new Uint8Array(body) : undefined });
}

/** Writes a fetch `Response` to a Node response. */
export async function sendFetchResponse(res: ServerResponse, response: Response, extraHeaders: Record<string, string> = {}): Promise<void> {
  // One spelling per name (fetch's are lower case), so no header is sent twice.
  const headers: Record<string, string | string[]> = {};
  const put = (name: string, value: string | string[]) => (headers[name.toLowerCase()] = value);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) put(name, value);
  response.headers.forEach((value, name) => put(name, value));
  const setCookie = response.headers.getSetCookie();
  if (setCookie.length > 0) put('set-cookie', setCookie);
  for (const [name, value] of Object.entries(extraHeaders)) put(name, value);
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, headers);
  res.end(body);
}

// The page behind the mailed links: reads the token from its own URL and posts
// it, with what the customer types, to the confirm endpoint. Everything shown
// is set with textContent, never as HTML.
function confirmPage(apiBase: string, nonce: string): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="referrer" content="no-referrer">
<title>Web Billing — confirm / 登録の確認</title>
<style nonce="${nonce}">body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}label,select,input,button{display:block;margin:.5rem 0}input,select{width:100%;padding:.4rem}pre{background:#f4f4f4;padding:.5rem;white-space:pre-wrap}</style>
</head><body>
<h1>登録の確認 / Confirm the registration</h1>
<p id="purpose"></p>
<form id="form">
  <div id="reissue" hidden>
    <label>秘密の質問 / Secret question <select id="questionId"></select></label>
    <label>答え / Answer <input id="answer" autocomplete="off"></label>
  </div>
  <div id="notice" hidden>
    <label>登録電話番号等（ハイフンなし）/ Registered number (digits only) <input id="registeredNumber" inputmode="numeric" autocomplete="off"></label>
  </div>
  <button>登録 / Register</button>
</form>
<pre id="result" aria-live="polite"></pre>
<script type="module" nonce="${nonce}">
const api = ${JSON.stringify(apiBase).replace(/</g, '\\u003c')};
const params = new URLSearchParams(location.search);
const purpose = params.get('purpose');
const token = params.get('token') ?? '';
// The token leaves the address bar (and so history, bookmarks and any Referer) as soon as it is read.
history.replaceState(null, '', location.pathname + '?purpose=' + encodeURIComponent(purpose ?? ''));
const $ = (id) => document.getElementById(id);
$('purpose').textContent = 'purpose: ' + purpose;
if (purpose === 'reissue-email') {
  $('reissue').hidden = false;
  const { questions } = await (await fetch(api + '/reissue-email/questions')).json();
  for (const q of questions) { const o = document.createElement('option'); o.value = q.id; o.textContent = q.text.ja + ' / ' + q.text.en; $('questionId').append(o); }
} else { $('notice').hidden = false; }
$('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = purpose === 'reissue-email'
    ? { token, questionId: $('questionId').value, answer: $('answer').value }
    : { token, registeredNumber: $('registeredNumber').value };
  const response = await fetch(api + '/' + (purpose === 'reissue-email' ? 'reissue-email' : 'notice-email') + '/confirm', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  $('result').textContent = response.status + '\\n' + JSON.stringify(await response.json(), null, 2);
});
</script>
</body></html>`;
}

/** A whole HTTP/1.1 response as bytes, for a socket that has no `ServerResponse`. */
async function rawResponse(response: Response): Promise<Buffer> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers[name.toLowerCase()] = value;
  response.headers.forEach((value, name) => (headers[name] = value));
  Object.assign(headers, { 'content-length': String(body.length), connection: 'close' });
  const head = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/**
 * Starts an HTTP server answering with the backend's handlers.
 *
 * @example
 * ```ts
 * const http = await startHttpBackend({ port: 0, backend: createBackend() });
 * await fetch(`${http.url}/credentials/policy`);
 * await http.close();
 * ```
 */
export async function startHttpBackend(options: HttpBackendOptions): Promise<HttpBackend> {
  const { backend, host = '127.0.0.1' } = options;
  const served = new Set([...LOCAL_HOSTS, ...(options.allowedHosts ?? [])].map((h) => h.toLowerCase()));

  const refuse = (res: ServerResponse, response: Response, extra: Record<string, string> = {}): Promise<void> =>
    sendFetchResponse(res, response, extra);

  const server = createServer((req, res) => {
    void (async () => {
      const cors = corsHeaders(req.headers.origin, served);
      try {
        const rawTarget = req.url ?? '/';
        const method = req.method ?? 'GET';
        if (rawTarget.length > MAX_TARGET_LENGTH) {
          await refuse(res, errorResponse('uri_too_long', `The request target is longer than ${MAX_TARGET_LENGTH} characters.`, randomRequestId()), cors);
          return;
        }
        if (servedHost(req.headers.host, served) === null) {
          await refuse(
            res,
            errorResponse('forbidden', 'This server does not answer for that host name; use the address it serves.', randomRequestId()),
          );
          return;
        }
        if (!KNOWN_METHODS.has(method)) {
          const pathname = new URL(rawTarget, 'http://target.invalid').pathname;
          const allow = allowedMethods(backend.basePath, pathname);
          await refuse(res, methodNotAllowed(method, pathname, allow.length > 0 ? allow : ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS']), cors);
          return;
        }
        if (method === 'OPTIONS') {
          res.writeHead(204, {
            ...SECURITY_HEADERS,
            ...cors,
            ...(cors['Access-Control-Allow-Origin']
              ? {
                  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
                  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Web-Billing-CSRF',
                  'Access-Control-Max-Age': '600',
                }
              : {}),
          });
          res.end();
          return;
        }
        const request = await toFetchRequest(req);
        const pathname = new URL(request.url).pathname;
        if (options.site && !pathname.startsWith(`${backend.basePath}/`)) {
          const page = await options.site(request);
          if (page) {
            await sendFetchResponse(res, page);
            return;
          }
        }
        if (request.method === 'GET' && pathname === '/confirm') {
          const nonce = randomRequestId();
          res.writeHead(200, {
            ...SECURITY_HEADERS,
            'Content-Type': 'text/html; charset=utf-8',
            // Only this response's own script and style run; the page talks to its own origin only and cannot be framed.
            'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
          });
          res.end(confirmPage(`${new URL(request.url).origin}${backend.basePath}`, nonce));
          return;
        }
        const response =
          (await getResponse(backend.handlers, request, { quiet: true })) ??
          errorResponse('not_found', `No route ${request.method} ${pathname}.`, randomRequestId());
        await sendFetchResponse(res, response, cors);
      } catch (error) {
        const response =
          error instanceof BodyTooLarge
            ? errorResponse('validation_failed', 'The request body is larger than 1 MB.', randomRequestId(), {
                fields: [{ field: 'body', code: 'too_long', message: 'The request body is larger than 1 MB.' }],
              })
            : errorResponse('internal', 'The service failed. Reads are safe to retry.', randomRequestId());
        if (!(error instanceof BodyTooLarge)) console.error('[web-billing-kit mocks] http server:', error);
        if (!res.headersSent) await sendFetchResponse(res, response, { ...cors, Connection: 'close' });
        else res.end();
      }
    })();
  });

  // What Node refuses before a request exists (headers over its 16 KB limit, a malformed request line)
  // still gets an answer in the contract's format instead of an empty 431 or 400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const response = tooLarge
      ? errorResponse('headers_too_large', 'The request headers are larger than 16 KB.', randomRequestId())
      : errorResponse('validation_failed', 'The request could not be parsed as HTTP/1.1.', randomRequestId(), {
          fields: [{ field: 'request', code: 'invalid_format', message: 'The request could not be parsed as HTTP/1.1.' }],
        });
    void rawResponse(response).then((bytes) => socket.end(bytes), () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}${backend.basePath}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
