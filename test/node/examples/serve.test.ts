import assert from 'node:assert/strict';
import { request, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startMultiPageServer } from '../../../examples/multi-page/serve.js';
import { negotiate, startDemoServer, type DemoServer } from '../../../examples/serve.js';

/** A GET with exactly these headers (fetch adds its own Accept-Encoding and decodes): status, headers and the raw bytes. */
function rawGet(url: URL, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** Checks that a path is sent as identity, gzip and br, each decoding to the same bytes, with `Vary: Accept-Encoding`. */
async function assertCompressed(base: string, path: string): Promise<void> {
  const url = new URL(path, base);
  const identity = await rawGet(url);
  assert.equal(identity.status, 200, path);
  assert.equal(identity.headers['content-encoding'], undefined, `${path}: identity without Accept-Encoding`);
  assert.equal(identity.headers.vary, 'Accept-Encoding', path);
  const gzip = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate' });
  assert.equal(gzip.headers['content-encoding'], 'gzip', path);
  assert.equal(gzip.headers.vary, 'Accept-Encoding', path);
  const br = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
  assert.equal(br.headers['content-encoding'], 'br', `${path}: br preferred`);
  assert.equal(br.headers.vary, 'Accept-Encoding', path);
  assert.ok(br.body.length < gzip.body.length && gzip.body.length < identity.body.length, `${path}: br ${br.body.length} < gzip ${gzip.body.length} < ${identity.body.length}`);
  assert.deepEqual(gunzipSync(gzip.body), identity.body, `${path}: gzip decodes to the same bytes`);
  assert.deepEqual(brotliDecompressSync(br.body), identity.body, `${path}: br decodes to the same bytes`);
}

describe('content coding negotiation (both demo servers)', () => {
  it('prefers br, then gzip; honours q=0 and *', () => {
    assert.equal(negotiate('gzip, deflate, br, zstd'), 'br');
    assert.equal(negotiate('gzip, deflate'), 'gzip');
    assert.equal(negotiate('br;q=0, gzip;q=0.5'), 'gzip');
    assert.equal(negotiate('BR;Q=0.1'), 'br');
    assert.equal(negotiate('*'), 'br');
    assert.equal(negotiate('*;q=0'), undefined);
    assert.equal(negotiate('gzip;q=0, *'), 'br');
    assert.equal(negotiate('identity'), undefined);
    assert.equal(negotiate(''), undefined);
    assert.equal(negotiate(undefined), undefined);
  });
});

describe('demo partner portal server (npm start)', () => {
  let server: DemoServer;
  const get = (path: string) => fetch(new URL(path, server.url));
  before(async () => {
    server = await startDemoServer({ port: 0 });
  });
  after(() => server.close());

  it('serves the portal page inside one <wb-provider>, with its script', async () => {
    const res = await get('/');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const page = await res.text();
    assert.match(page, /<wb-provider base-url="\/api\/v1">\s*<main id="screen"/);
    assert.match(page, /<script type="module" src="\/main.js" fetchpriority="low">/);
    assert.match(page, /<a class="skip-link" href="#screen"/);
  });

  it('serves the script in chunks: main.js, then the elements; the page preloads what a first visit (the login) evaluates, nothing more', async () => {
    const page = await (await get('/')).text();
    const preloads = [...page.matchAll(/<link rel="modulepreload" href="([^"]+)" fetchpriority="low" \/>/g)].map((m) => m[1]!);
    assert.ok(preloads.length >= 3, `preloads: ${preloads.join(', ')}`);
    assert.ok(page.indexOf('rel="modulepreload"') < page.indexOf('<script type="module"'), 'preloads before the script');
    const main = await (await get('/main.js')).text();
    assert.ok(main.length < 20_000, `main.js alone is the portal's own code (${main.length} characters)`);
    // Every chunk main.js and the chunks import, served; which of them each imports statically, which on demand.
    const seen = new Map<string, string>([['/main.js', main]]);
    const staticImports = new Map<string, string[]>();
    const queue = ['/main.js'];
    while (queue.length) {
      const from = queue.shift()!;
      const text = seen.get(from)!;
      const statics: string[] = [];
      for (const [, dynamic, spec] of text.matchAll(/(?:from|import)\s*(\()?\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
        const path = new URL(spec!, new URL(from, server.url)).pathname;
        if (!dynamic) statics.push(path);
        if (seen.has(path)) continue;
        const res = await get(path);
        assert.equal(res.status, 200, path);
        assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/, path);
        seen.set(path, await res.text());
        queue.push(path);
      }
      staticImports.set(from, statics);
    }
    for (const path of staticImports.get('/main.js')!) assert.ok(preloads.includes(path), `${path}: main.js imports it, preloaded`);
    for (const path of preloads) {
      assert.ok(seen.has(path), `${path}: a chunk of the script`);
      assert.doesNotMatch(path, /messages\.(en|ja)-|breakdown-csv-/, `${path}: catalogs and the CSV export load on demand`);
      for (const imported of staticImports.get(path)!) assert.ok(preloads.includes(imported), `${imported}: imported by the preloaded ${path}, preloaded too`);
    }
    for (const tag of ['wb-provider', 'wb-login']) {
      assert.ok(preloads.some((path) => seen.get(path)!.includes(`"${tag}"`)), `<${tag}> preloaded: a first visit shows it`);
    }
    assert.ok(!preloads.some((path) => seen.get(path)!.includes('"wb-breakdown"')), '<wb-breakdown> is not: it loads when its screen is shown');
    assert.ok(preloads.length < seen.size - 1, `not every chunk: ${preloads.length} of ${seen.size - 1}`);
    // A screen's catalogs load once its element's module is there: what they import must be loaded already
    // (by main.js or an element's module), so that a catalog is one request, not a chain of two (a round trip
    // more before the screen on a phone's network).
    const loadedWithElements = new Set<string>();
    const withImports = (path: string): void => {
      if (loadedWithElements.has(path)) return;
      loadedWithElements.add(path);
      for (const imported of staticImports.get(path)!) withImports(imported);
    };
    for (const path of seen.keys()) if (path === '/main.js' || /\/define-/.test(path)) withImports(path);
    const catalogs = [...seen.keys()].filter((path) => /\/(messages|email-registration-messages)\.(en|ja)-/.test(path));
    assert.ok(catalogs.length >= 20, `catalogs: ${catalogs.join(', ')}`);
    for (const path of catalogs) {
      for (const imported of staticImports.get(path)!) {
        assert.ok(loadedWithElements.has(imported), `${imported}: imported by the catalog ${path}, and loaded with the elements`);
      }
    }
    const script = [...seen.values()].join('\n');
    assert.ok(script.length > 100_000, `script of ${script.length} characters`);
    for (const tag of ['wb-provider', 'wb-login', 'wb-top', 'wb-breakdown', 'wb-line-picker', 'wb-notice-email', 'wb-reissue-email']) {
      assert.ok(script.includes(`"${tag}"`), tag);
    }
    assert.ok(!script.includes('mockServiceWorker.js'), 'no msw in the page');
  });

  it('serves the React example: its page and its bundle with the wrappers and React', async () => {
    const page = await get('/react/');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<script type="module" src=".\/main.js">/);
    const res = await get('/react/main.js');
    assert.equal(res.status, 200);
    const bundle = await res.text();
    assert.ok(bundle.includes('"wb-login"') && bundle.includes('wb-logged-in'), 'elements and their events');
    assert.ok(!bundle.includes('process.env.NODE_ENV'), 'NODE_ENV replaced for the browser');
  });

  it('serves the reference backend beside the page (the API and its development routes), and the same page for mailed /confirm links', async () => {
    const policy = await get('/api/v1/credentials/policy');
    assert.equal(policy.status, 200);
    assert.match(policy.headers.get('content-type') ?? '', /^application\/json/);
    const outbox = await get('/api/v1/_dev/outbox');
    assert.deepEqual(await outbox.json(), { mails: [] });
    assert.equal((await get('/mockServiceWorker.js')).status, 404, 'no service worker: the page carries no backend');

    const confirm = await get('/confirm?purpose=notice-email&token=abc');
    assert.equal(confirm.status, 200);
    assert.equal(confirm.headers.get('referrer-policy'), 'no-referrer');
    assert.match(confirm.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(await confirm.text(), await (await get('/')).text());
  });

  it('serves the theming example and its stylesheet, and 404 for anything else', async () => {
    const theme = await (await get('/theme.html')).text();
    assert.match(theme, /--wb-color-primary/);
    assert.match(theme, /::part\(/);
    assert.equal((await get('/portal.css')).status, 200);
    assert.equal((await get('/nope')).status, 404);
  });

  it('compresses the page, the bundles, the style sheet and the worker: br preferred, then gzip, with Vary: Accept-Encoding', async () => {
    for (const path of ['/', '/main.js', '/react/main.js', '/portal.css', '/theme.html']) {
      await assertCompressed(server.url, path);
    }
    const bundle = await rawGet(new URL('/main.js', server.url), { 'Accept-Encoding': 'br' });
    assert.equal(bundle.headers['cache-control'], 'no-store');
    assert.equal(bundle.headers['referrer-policy'], 'no-referrer');
    const page = await (await get('/')).text();
    let total = bundle.body.length;
    for (const [, path] of page.matchAll(/rel="modulepreload" href="([^"]+)"/g)) {
      total += (await rawGet(new URL(path!, server.url), { 'Accept-Encoding': 'br' })).body.length;
    }
    assert.ok(total < 200_000, `main.js and its preloaded chunks, br: ${total} bytes`);
  });

  it('serves an SVG icon at /favicon.ico (and /favicon.svg), so no page logs a 404 for it', async () => {
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), 'image/svg+xml', path);
      assert.match(await res.text(), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/, path);
    }
  });
});

describe('multi-page example server: compression and icon', () => {
  let server: DemoServer;
  before(async () => {
    server = await startMultiPageServer({ port: 0 });
  });
  after(() => server.close());

  it('compresses its pages, script and style sheet the same way', async () => {
    for (const path of ['/', '/billing.html', '/pages.js', '/pages.css']) await assertCompressed(server.url, path);
    const page = await rawGet(new URL('/billing.html', server.url), { 'Accept-Encoding': 'br' });
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/, 'the CSP stays');
  });

  it('serves the icon at /favicon.ico', async () => {
    const res = await rawGet(new URL('/favicon.ico', server.url));
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'image/svg+xml');
  });
});
