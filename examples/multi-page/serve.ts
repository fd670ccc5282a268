/**
 * `npm run start:multi-page`: the multi-page example site and the reference
 * backend on ONE origin, as the `cookie` session mode needs. The backend
 * (`createBackend({ sessionMode: 'cookie' })`, per-client rate limits) answers
 * under `/api/v1`; the pages, their one script (`pages.ts`, bundled and
 * minified by esbuild) and style sheet are served beside it through
 * `startHttpBackend`'s `site` hook, each page with its own Content Security
 * Policy. Mailed links point at `/confirm.html`. `PORT` sets the port
 * (default 8081). The files are compressed once at start and negotiated as
 * `npm start`'s are (`precompress`, `encodeFor` of `../serve.ts`), and
 * `/favicon.ico` is the demo's SVG icon.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { startHttpBackend } from '../../mocks/http-server.js';
import { createBackend, createRateLimiter } from '../../mocks/index.js';
import { announce, buildPortal, encodeFor, FAVICON_SVG, freePort, precompress, type Asset, type DemoServer } from '../serve.js';

/** The site's pages, one per screen. */
export const PAGES = [
  'index.html',
  'top.html',
  'billing.html',
  'breakdown.html',
  'summary.html',
  'reissue-email.html',
  'notice-email.html',
  'password-change.html',
  'password-reissue.html',
  'confirm.html',
] as const;

/**
 * The pages' policy: their own scripts, styles and API only, and Lit's
 * Trusted Types policy the only one (the elements need nothing more).
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const HTML = 'text/html; charset=utf-8';

/** The page script, bundled and compressed once per process (every server started here serves the same). */
let bundling: Promise<Asset> | undefined;

/** The site's files by path, compressed: the pages (`/` is the login page), `/pages.js`, `/pages.css` and the icon. */
async function siteFiles(): Promise<Map<string, Asset>> {
  bundling ??= buildPortal('multi-page/pages.ts').then((script) => precompress('text/javascript; charset=utf-8', script));
  const read = (name: string): Promise<string> => readFile(new URL(name, import.meta.url), 'utf8');
  const [script, css, icon, ...pages] = await Promise.all([
    bundling,
    read('pages.css').then((text) => precompress('text/css; charset=utf-8', text)),
    precompress('image/svg+xml', FAVICON_SVG),
    ...PAGES.map((name) => read(name).then((text) => precompress(HTML, text))),
  ]);
  const files = new Map<string, Asset>(PAGES.map((name, i) => [`/${name}`, pages[i]!]));
  files.set('/', files.get('/index.html')!);
  files.set('/pages.js', script);
  files.set('/pages.css', css);
  files.set('/favicon.ico', icon);
  files.set('/favicon.svg', icon);
  return files;
}

/** Serves the site and the API on one origin; `port: 0` picks a free port. Each server has a fresh backend. */
export async function startMultiPageServer({ port = 8081 } = {}): Promise<DemoServer> {
  const files = await siteFiles();
  const listenOn = port === 0 ? await freePort() : port;
  const origin = `http://localhost:${listenOn}`;
  const backend = createBackend({ sessionMode: 'cookie', linkBase: `${origin}/confirm.html`, rateLimit: createRateLimiter() });
  const http = await startHttpBackend({
    port: listenOn,
    backend,
    site: (request) => {
      const file = request.method === 'GET' || request.method === 'HEAD' ? files.get(new URL(request.url).pathname) : undefined;
      if (!file) return undefined;
      const { body, headers } = encodeFor(file, request.headers.get('accept-encoding'));
      return new Response(new Uint8Array(body), { headers: { ...headers, ...(file.type === HTML ? { 'Content-Security-Policy': PAGE_CSP } : {}) } });
    },
  });
  return { url: `${origin}/`, close: () => http.close() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startMultiPageServer({ port: Number(process.env.PORT ?? 8081) });
  announce(
    server,
    `Web Billing multi-page example: ${server.url}   (API: ${server.url}api/v1, mails: ${server.url}api/v1/_dev/outbox)`,
  );
}
