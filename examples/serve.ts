/**
 * `npm start`: builds the demo partner portal (`examples/portal/`) with
 * esbuild and serves it on localhost with node:http. The page runs the
 * reference backend in the browser, in MSW's service worker, which must be
 * served from the site's root (`/mockServiceWorker.js`). `PORT` sets the
 * port (default 8080).
 *
 * @module
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_ACCOUNTS } from '../mocks/index.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

/** Bundles an example's script (the portal's by default) for the browser. */
export async function buildPortal(entry = 'portal/main.ts'): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [here(entry)],
    // React reads process.env.NODE_ENV; the elements ignore it.
    define: { 'process.env.NODE_ENV': '"production"' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['browser', 'production'],
    minify: true,
    write: false,
    outdir: 'out',
    logLevel: 'warning',
  });
  return outputFiles[0]!.text;
}

/** A running demo server. */
export interface DemoServer {
  /** The portal's URL, e.g. `http://localhost:8080/`. */
  url: string;
  close(): Promise<void>;
}

/** Builds the portal and serves it; `port: 0` picks a free port. */
export async function startDemoServer({ port = 8080 } = {}): Promise<DemoServer> {
  const [bundle, reactBundle, reactPage, page, theme, css, worker] = await Promise.all([
    buildPortal(),
    buildPortal('react/main.tsx'),
    readFile(here('react/index.html')),
    readFile(here('portal/index.html')),
    readFile(here('portal/theme.html')),
    readFile(here('portal/portal.css')),
    readFile(here('../node_modules/msw/lib/mockServiceWorker.js')),
  ]);
  const files: Record<string, [type: string, body: string | Buffer]> = {
    '/': [HTML, page],
    '/index.html': [HTML, page],
    '/confirm': [HTML, page], // mailed links: the page's router shows the confirm step
    '/theme.html': [HTML, theme],
    '/portal.css': ['text/css; charset=utf-8', css],
    '/main.js': [JS, bundle],
    '/react/': [HTML, reactPage], // the same elements through the ./react wrappers
    '/react/main.js': [JS, reactBundle],
    '/mockServiceWorker.js': [JS, worker],
  };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://localhost').pathname];
    const [type, body] = file ?? ['text/plain; charset=utf-8', 'Not found'];
    res.writeHead(file ? 200 : 404, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
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
