import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDemoServer, type DemoServer } from '../../../examples/serve.js';

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
    assert.match(page, /<script type="module" src="\/main.js">/);
    assert.match(page, /<a class="skip-link" href="#screen"/);
  });

  it('serves the bundle: JavaScript with every element, the backend and the router', async () => {
    const res = await get('/main.js');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
    const bundle = await res.text();
    assert.ok(bundle.length > 100_000, `bundle of ${bundle.length} characters`);
    for (const tag of ['wb-provider', 'wb-login', 'wb-top', 'wb-breakdown', 'wb-line-picker', 'wb-notice-email', 'wb-reissue-email']) {
      assert.ok(bundle.includes(`"${tag}"`), tag);
    }
    assert.ok(bundle.includes('mockServiceWorker.js'));
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

  it("serves msw's worker at the root, and the same page for mailed /confirm links", async () => {
    const worker = await get('/mockServiceWorker.js');
    assert.equal(worker.status, 200);
    assert.match(worker.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.match(await worker.text(), /Mock Service Worker/);

    const confirm = await get('/confirm?purpose=notice-email&token=abc');
    assert.equal(confirm.status, 200);
    assert.equal(confirm.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(await confirm.text(), await (await get('/')).text());
  });

  it('serves the theming example and its stylesheet, and 404 for anything else', async () => {
    const theme = await (await get('/theme.html')).text();
    assert.match(theme, /--wb-color-primary/);
    assert.match(theme, /::part\(/);
    assert.equal((await get('/portal.css')).status, 200);
    assert.equal((await get('/nope')).status, 404);
  });
});
