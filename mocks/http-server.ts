/**
 * Serves a backend's handlers as a plain HTTP server on localhost, through
 * MSW's `getResponse`, so any client (curl included) can use it.
 *
 * - Listens on 127.0.0.1 only.
 * - CORS: any `http(s)://localhost`, `127.0.0.1` or `[::1]` origin (any port)
 *   may call it with an `Authorization` header; preflights are answered here.
 * - Unmatched routes answer 404 `not_found` in the contract's error format.
 * - `GET /confirm` serves a small page for the mailed confirmation links
 *   (the default `linkBase` points there).
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import type { Backend } from './index.js';
import { CLIENT_ADDRESS_HEADER } from './rate-limit.js';
import { errorResponse } from './route.js';
import { randomRequestId } from './secrets.js';

/** Options of {@link startHttpBackend}. */
export interface HttpBackendOptions {
  /** The port; 0 picks a free one. */
  port: number;
  backend: Backend;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
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
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin || !LOCAL_ORIGIN.test(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'Retry-After, X-Request-Id',
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

/** An incoming Node request as a fetch `Request`. */
export async function toFetchRequest(req: IncomingMessage): Promise<Request> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
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
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const setCookie = response.headers.getSetCookie();
  if (setCookie.length > 0) headers['set-cookie'] = setCookie;
  Object.assign(headers, extraHeaders);
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, headers);
  res.end(body);
}

// The page behind the mailed links: reads the token from its own URL and posts
// it, with what the customer types, to the confirm endpoint. Everything shown
// is set with textContent, never as HTML.
function confirmPage(apiBase: string): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="referrer" content="no-referrer">
<title>Web Billing — confirm / 登録の確認</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}label,select,input,button{display:block;margin:.5rem 0}input,select{width:100%;padding:.4rem}pre{background:#f4f4f4;padding:.5rem;white-space:pre-wrap}</style>
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
<script type="module">
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

  const server = createServer((req, res) => {
    void (async () => {
      const cors = corsHeaders(req.headers.origin);
      try {
        if (req.method === 'OPTIONS') {
          res.writeHead(204, {
            ...cors,
            ...(cors['Access-Control-Allow-Origin']
              ? {
                  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
                  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
                  'Access-Control-Max-Age': '600',
                }
              : {}),
          });
          res.end();
          return;
        }
        const request = await toFetchRequest(req);
        const pathname = new URL(request.url).pathname;
        if (request.method === 'GET' && pathname === '/confirm') {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
          res.end(confirmPage(`${new URL(request.url).origin}${backend.basePath}`));
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
