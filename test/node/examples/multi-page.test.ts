import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PAGE_CSP, PAGES, startMultiPageServer } from '../../../examples/multi-page/serve.js';
import type { DemoServer } from '../../../examples/serve.js';

describe('multi-page example server (npm run start:multi-page)', () => {
  let server: DemoServer;
  const get = (path: string, init?: RequestInit) => fetch(new URL(path, server.url), init);
  before(async () => {
    server = await startMultiPageServer({ port: 0 });
  });
  after(() => server.close());

  it('serves every page with its own CSP, one <wb-provider base-url="/api/v1">, the shared script, a heading and plain links', async () => {
    for (const name of ['', ...PAGES]) {
      const res = await get(`/${name}`);
      assert.equal(res.status, 200, name);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/, name);
      assert.equal(res.headers.get('content-security-policy'), PAGE_CSP, name);
      assert.equal(res.headers.get('cache-control'), 'no-store', name);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', name);
      const page = await res.text();
      assert.equal(page.match(/<wb-provider base-url="\/api\/v1">/g)?.length, 1, name);
      assert.match(page, /<script type="module" src="\/pages.js"><\/script>/, name);
      assert.match(page, /<main id="main" tabindex="-1">\s*<h1>[^<]+<\/h1>/, name);
      assert.match(page, /<a class="skip-link" href="#main">/, name);
      assert.match(page, /<a href="\/billing.html"/, name);
    }
    assert.match(await (await get('/')).text(), /<wb-login><\/wb-login>/);
    assert.match(await (await get('/breakdown.html')).text(), /<wb-line-picker><\/wb-line-picker>\s*<wb-breakdown><\/wb-breakdown>/);
  });

  it('the CSP allows only the site itself, and Lit\'s Trusted Types policy', () => {
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "require-trusted-types-for 'script'", 'trusted-types lit-html']) {
      assert.ok(PAGE_CSP.split('; ').includes(directive), directive);
    }
    assert.doesNotMatch(PAGE_CSP, /unsafe|\*/);
  });

  it('serves the page script (every element, minified) and the style sheet', async () => {
    const script = await get('/pages.js');
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
    const bundle = await script.text();
    for (const tag of ['wb-provider', 'wb-login', 'wb-top', 'wb-billing-list', 'wb-breakdown', 'wb-line-picker', 'wb-notice-email']) assert.ok(bundle.includes(`"${tag}"`), tag);
    assert.ok(!bundle.includes('mockServiceWorker'), 'no backend in the page');
    assert.ok(bundle.length < 400_000, `minified: ${bundle.length} characters`);
    const css = await get('/pages.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  });

  it('answers the API on the same origin, in the cookie session mode, with mailed links to /confirm.html', async () => {
    const res = await get('/api/v1/credentials/policy');
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { sessionMode: string }).sessionMode, 'cookie');
    const login = await get('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Web-Billing-CSRF': '1', Origin: new URL(server.url).origin },
      body: JSON.stringify({ loginId: 'corp-admin1', password: 'Corp2026pass' }),
    });
    assert.equal(login.status, 200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('__Host-wb-session='));
    assert.match(cookie ?? '', /HttpOnly/i);
    const register = await get('/api/v1/notice-email', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Web-Billing-CSRF': '1', Origin: new URL(server.url).origin, Cookie: cookie!.split(';')[0]! },
      body: JSON.stringify({ type: 'internet', email: 'keiri@corp.example' }),
    });
    assert.ok(register.ok, `registration: ${register.status} ${await register.clone().text()}`);
    const { mails } = (await (await get('/api/v1/_dev/outbox')).json()) as { mails: { body: { en: string } }[] };
    assert.match(JSON.stringify(mails), new RegExp(`${new URL(server.url).origin}/confirm\\.html\\?purpose=notice-email&token=`));
  });

  it('refuses a write without the CSRF header', async () => {
    const res = await get('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"loginId":"taro2024","password":"Sakura2024!"}' });
    assert.equal(res.status, 403);
  });

  it('answers 404 for paths it does not serve, and for a page asked with POST', async () => {
    for (const path of ['/nope.html', '/pages.ts', '/serve.ts', '/index.htm', '/top.html/x', '/examples/multi-page/index.html']) {
      assert.equal((await get(path)).status, 404, path);
    }
    assert.equal((await get('/top.html', { method: 'POST' })).status, 404);
  });
});
