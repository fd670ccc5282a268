/**
 * `npm start`: builds the demo partner portal (`examples/portal/`) with
 * esbuild and serves it on localhost beside the reference backend, on one
 * origin (`startHttpBackend`'s `site` hook): the API under `/api/v1`, its
 * development routes (`/api/v1/_dev/outbox`, `/_dev/clock`, `/_dev/reset`)
 * for the demo's mailbox panel. The page carries the kit and the portal's
 * own code only, as a partner's page does. `PORT` sets the port (default 8080).
 *
 * Every text file is compressed once at start (brotli and gzip, by
 * `precompress`) and sent in the encoding the browser prefers of those
 * (`negotiate`: br before gzip), with `Vary: Accept-Encoding`;
 * `examples/multi-page/serve.ts` serves its files the same way.
 * `/favicon.ico` is a small SVG icon, so that no page logs a 404 for it.
 *
 * @module
 */
import { build, type BuildOptions } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { startHttpBackend } from '../mocks/http-server.js';
import { createBackend, DEMO_ACCOUNTS } from '../mocks/index.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

/** esbuild's settings for the examples' scripts (in the browser, minified). */
const BUILD_OPTIONS = {
  // React reads process.env.NODE_ENV; the elements ignore it.
  define: { 'process.env.NODE_ENV': '"production"' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['browser', 'production'],
  minify: true,
  // Japanese messages as UTF-8, not \uXXXX escapes: 30 kB less to parse in the portal's bundle (served as UTF-8).
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
} satisfies BuildOptions;

/** Bundles an example's script (the portal's by default) for the browser, as one file. */
export async function buildPortal(entry = 'portal/main.ts'): Promise<string> {
  const { outputFiles } = await build({ ...BUILD_OPTIONS, entryPoints: [here(entry)], outdir: 'out' });
  return outputFiles![0]!.text;
}

/** An example's script, bundled: its files by path, and those worth preloading. */
export interface PortalScript {
  /** `main.js` and `chunks/*.js` by path relative to the page. */
  files: Record<string, string>;
  /**
   * The chunks a first visit evaluates: what `main.js` imports statically,
   * and the static imports of the modules named `first` (the provider and
   * the login), from esbuild's metafile. Not the other screens' elements,
   * the locale catalogs or the CSV export: preloaded, they would take the
   * first screen's bandwidth (on a phone's network, measured: LCP 2.5 s
   * instead of 2.3 s on the login page).
   */
  preload: string[];
}

/**
 * Bundles an example's script as `main.js` and the chunks its dynamic
 * `import()`s load (`chunks/*.js`, beside it), by path relative to the page.
 * Each chunk is evaluated in its own task when its import runs, so the page
 * never holds the main thread for the whole script at once.
 */
export async function buildPortalFiles(entry = 'portal/main.ts', first: readonly string[] = []): Promise<PortalScript> {
  const { outputFiles, metafile } = await build({
    ...BUILD_OPTIONS,
    entryPoints: { main: here(entry) },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outdir: here('out'),
    metafile: true,
  });
  const files = Object.fromEntries(outputFiles!.map((file) => [relative(here('out'), file.path).split(sep).join('/'), file.text]));
  // The metafile names outputs relative to the working directory.
  const outDir = `${relative(process.cwd(), here('out')).split(sep).join('/')}/`;
  const { outputs } = metafile!;
  const preload = new Set<string>();
  const visit = (output: string): void => {
    if (preload.has(output) || !outputs[output]) return;
    preload.add(output);
    for (const imported of outputs[output].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  for (const [output, { entryPoint }] of Object.entries(outputs)) {
    if (output === `${outDir}main.js` || (entryPoint && first.some((module) => entryPoint.endsWith(module)))) visit(output);
  }
  return { files, preload: [...preload].map((output) => output.slice(outDir.length)) };
}

/**
 * The page with a `<link rel="modulepreload">` for each of these chunks
 * (`main.js` itself is the page's script), before the script's tag, at low
 * priority (the first paint does not wait for them): they download beside
 * `main.js` instead of one after another as its imports run (each import is
 * then only the evaluation).
 */
export function preloading(html: string, scripts: string[], base: string): string {
  const links = scripts
    .filter((path) => path.startsWith('chunks/'))
    .map((path) => `<link rel="modulepreload" href="${base}${path}" fetchpriority="low" />`)
    .join('\n    ');
  const script = html.indexOf('<script type="module"');
  if (script === -1) throw new Error('preloading: the page has no module script');
  return `${html.slice(0, script)}${links}\n    ${html.slice(script)}`;
}

/** A content coding the demo servers send. */
export type Encoding = 'br' | 'gzip';

/** A file as served: its bytes, and its compressed forms where they are smaller. */
export interface Asset {
  type: string;
  body: Buffer;
  /** Only where compressing pays: absent for images and for bodies under 256 bytes (a header costs more than they would save). */
  encoded?: Record<Encoding, Buffer>;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/** Types worth compressing: text, scripts, SVG, JSON. */
const TEXTUAL = /^(text\/|image\/svg\+xml|application\/(json|javascript|manifest\+json))/;

/**
 * Compresses a file once, at start, with the best settings (brotli quality 11,
 * gzip level 9), so no request pays for it. Runs in zlib's thread pool.
 */
export async function precompress(type: string, body: string | Buffer): Promise<Asset> {
  const raw = Buffer.from(body);
  if (!TEXTUAL.test(type) || raw.length < 256) return { type, body: raw };
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzipped(raw, { level: zlib.Z_BEST_COMPRESSION }),
  ]);
  return { type, body: raw, encoded: { br, gzip: gz } };
}

/**
 * The coding to send for an `Accept-Encoding` header: `br` if accepted, else
 * `gzip`, else none (identity). A coding with `q=0` is refused; `*` accepts
 * any coding not named.
 */
export function negotiate(acceptEncoding: string | null | undefined): Encoding | undefined {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (!name) continue;
    const weight = params.find((p) => p.startsWith('q='));
    const value = weight === undefined ? 1 : Number(weight.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (coding: string): boolean => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip') || accepts('x-gzip')) return 'gzip';
  return undefined;
}

/** The body and headers to send an asset with, for a request's `Accept-Encoding`. */
export function encodeFor(asset: Asset, acceptEncoding: string | null | undefined): { body: Buffer; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'Content-Type': asset.type };
  if (!asset.encoded) return { body: asset.body, headers };
  headers['Vary'] = 'Accept-Encoding';
  const coding = negotiate(acceptEncoding);
  if (!coding) return { body: asset.body, headers };
  headers['Content-Encoding'] = coding;
  return { body: asset.encoded[coding], headers };
}

/** The demo's icon (a card with a yen sign), served as `/favicon.ico` and `/favicon.svg`. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1a56db"/>' +
  '<path d="M10 8l6 8 6-8M16 16v9M11 17h10M11 21h10" stroke="#fff" stroke-width="2.5" fill="none" stroke-linecap="round"/></svg>';
const SVG = 'image/svg+xml';

/** A running demo server. */
export interface DemoServer {
  /** The portal's URL, e.g. `http://localhost:8080/`. */
  url: string;
  close(): Promise<void>;
}

/** The demo pages' policy: their own scripts and API only; the theming and React pages keep their inline `<style>`. */
const DEMO_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The demo's files by path, built and compressed once per process (every server started here serves the same). */
let building: Promise<Record<string, Asset>> | undefined;

async function demoFiles(): Promise<Record<string, Asset>> {
  const [portalScript, reactScript, reactPage, page, theme, css] = await Promise.all([
    // A first visit's screen is the login (or, reloaded, the screen it was on: its element loads then).
    buildPortalFiles('portal/main.ts', ['components/provider/define.ts', 'components/login/define.ts']),
    buildPortalFiles('react/main.tsx'),
    readFile(here('react/index.html')),
    readFile(here('portal/index.html')),
    readFile(here('portal/theme.html')),
    readFile(here('portal/portal.css')),
  ]);
  const scripts = portalScript.files;
  const reactScripts = reactScript.files;
  const portal = preloading(page.toString('utf8'), portalScript.preload, '/');
  const sources: Record<string, [type: string, body: string | Buffer]> = {
    '/': [HTML, portal],
    '/confirm': [HTML, portal], // mailed links: the page's router shows the confirm step
    '/theme.html': [HTML, theme],
    '/portal.css': ['text/css; charset=utf-8', css],
    ...Object.fromEntries(Object.entries(scripts).map(([path, text]) => [`/${path}`, [JS, text]] as const)),
    '/react/': [HTML, preloading(reactPage.toString('utf8'), reactScript.preload, './')], // the same elements through the ./react wrappers
    ...Object.fromEntries(Object.entries(reactScripts).map(([path, text]) => [`/react/${path}`, [JS, text]] as const)),
    '/favicon.ico': [SVG, FAVICON_SVG], // browsers ask for it whatever the page links
  };
  const files = Object.fromEntries(
    await Promise.all(Object.entries(sources).map(async ([path, [type, body]]) => [path, await precompress(type, body)] as const)),
  );
  files['/index.html'] = files['/']!;
  files['/favicon.svg'] = files['/favicon.ico']!;
  return files;
}

/** A free port on 127.0.0.1, so that mailed links can name the site's origin before it listens. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Builds the portal and serves it with the reference backend on one origin;
 * `port: 0` picks a free port. Each server has a fresh backend (the seeded
 * demo accounts), which keeps its state, mails and clock while it runs: the
 * pages' tabs share it, and "Reset demo" starts it again from them.
 */
export async function startDemoServer({ port = 8080 } = {}): Promise<DemoServer> {
  building ??= demoFiles();
  const files = await building;
  const listenOn = port === 0 ? await freePort() : port;
  const origin = `http://localhost:${listenOn}`;
  // Sessions as a bearer token in the tab's sessionStorage (session mode "tab"): each tab logs in on its own.
  // The partner's name on every mail (subject prefix and From name).
  const backend = createBackend({ sessionMode: 'tab', linkBase: `${origin}/confirm`, senderName: 'Example Telecom' });
  const http = await startHttpBackend({
    port: listenOn,
    backend,
    site: (request) => {
      const file = request.method === 'GET' || request.method === 'HEAD' ? files[new URL(request.url).pathname] : undefined;
      if (!file) return undefined;
      const { body, headers } = encodeFor(file, request.headers.get('accept-encoding'));
      // Built at start: nothing is cached, so a restarted demo never meets an old page.
      const policy: Record<string, string> = file.type === HTML ? { 'Content-Security-Policy': DEMO_CSP } : {};
      return new Response(new Uint8Array(body), { headers: { ...headers, ...policy, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
    },
  });
  return { url: `${origin}/`, close: () => http.close() };
}

/** Prints the demo accounts and stops the server on Ctrl+C: what `npm start` and `npm run start:multi-page` do after starting. */
export function announce(server: DemoServer, title: string): void {
  console.log(title);
  console.log('Demo accounts:');
  console.table(
    Object.entries(DEMO_ACCOUNTS).map(([account, a]) => ({ account, 'login ID': a.loginId, password: a.password })),
  );
  for (const [name, a] of Object.entries(DEMO_ACCOUNTS)) console.log(`  ${name}: ${a.description}`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startDemoServer({ port: Number(process.env.PORT ?? 8080) });
  announce(server, `Web Billing demo portal: ${server.url}   (themed: ${server.url}theme.html, in React: ${server.url}react/)`);
}
