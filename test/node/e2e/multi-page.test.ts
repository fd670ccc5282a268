/**
 * End to end, in the multi-page example (`npm run start:multi-page`): separate
 * HTML pages linked with `<a href>`, the reference backend on the same origin
 * in the `cookie` session mode. Reloads and Back/Forward keep the customer
 * logged in on their page; the cookie is out of the page's reach; a logout,
 * an idle expiry and a logout in another tab end up at the login, which says
 * why; a cross-site form post is refused. Each run has a server (and so a
 * backend) of its own: one journey's clock or logout touches no other. See
 * `harness.ts`.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { startMultiPageServer } from '../../../examples/multi-page/serve.js';
import { Customer, GRID, journeys, origin } from './harness.js';

const TARO = { loginId: 'taro2024', password: 'Sakura2024!', number: '090-1234-5678' };
/** The heavier journeys run at one cell; the reload and history journey over the whole grid. */
const ONE_CELL = [GRID[3]!];

/**
 * Records, on every page load from now on, whether a `<wb-login>` was ever visible (checked at every
 * frame: the elements may render one, hidden, while the provider looks for the session), and CSP violations.
 */
async function watchPages(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Trusted Type/i.test(message.text())) violations.push(message.text());
  });
  // A string, not a function: tsx would add helpers to a function that the page does not have.
  await page.addInitScript({
    content: `{
      window.loginShown = false;
      const logins = new Set();
      const define = customElements.define.bind(customElements);
      customElements.define = (name, constructor, options) => {
        if (name === 'wb-login') {
          const connected = constructor.prototype.connectedCallback;
          constructor.prototype.connectedCallback = function () { logins.add(this); connected?.call(this); };
        }
        define(name, constructor, options);
      };
      const look = () => {
        for (const login of logins) if (login.isConnected && login.checkVisibility()) window.loginShown = true;
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }`,
  });
  return violations;
}

/** A reload of a logged-in page: the same page, its data, and no login on the way (not even for a moment). */
async function reloadStays(c: Customer, step: string, data: Locator): Promise<void> {
  const { page } = c;
  const url = page.url();
  await page.reload();
  await data.first().waitFor();
  assert.equal(page.url(), url, 'the same page');
  assert.equal(await page.evaluate(() => (window as unknown as { loginShown: boolean }).loginShown), false, 'no login was shown, not even briefly');
  await c.shot(`${step}-reloaded`);
}

/** On a page the history brought back: it, its data, no login. */
async function backOn(page: Page, path: RegExp, data: Locator): Promise<void> {
  await page.waitForURL(path);
  await data.first().waitFor();
  assert.equal(await page.evaluate(() => (window as unknown as { loginShown: boolean }).loginShown), false, 'no login');
}

/** Logs in on the login page (index.html) and waits for the top page. */
async function loginToTop(c: Customer, password = TARO.password): Promise<Locator> {
  const { page } = c;
  await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
  await c.login(TARO.loginId, password);
  await page.waitForURL(/\/top\.html$/);
  const number = page.locator('wb-top [part~="registered-number"]').getByText(TARO.number, { exact: true });
  await number.waitFor();
  return number;
}

/**
 * Login → top → billing → a breakdown month, reloading each; Back and Forward over them; the session
 * cookie is HttpOnly, Secure, SameSite=Lax and not in `document.cookie`.
 */
async function reloadAndHistory(c: Customer): Promise<void> {
  const { page } = c;
  const violations = await watchPages(page);
  await page.reload(); // the first page again, now watched
  const number = await loginToTop(c);
  await c.shot('top');
  await reloadStays(c, 'top', number);

  const [cookie, ...others] = (await page.context().cookies()).filter((k) => k.name === '__Host-wb-session');
  assert.ok(cookie, 'the session cookie');
  assert.equal(others.length, 0);
  assert.deepEqual([cookie.httpOnly, cookie.secure, cookie.sameSite, cookie.path], [true, true, 'Lax', '/']);
  assert.doesNotMatch(await page.evaluate(() => document.cookie), /wb-session/, 'no script on the page can read it');

  await c.press(page.locator('wb-top [part~="billing-button"]'));
  await page.waitForURL(/\/billing\.html$/);
  const months = page.locator('wb-billing-list tbody tr');
  await months.nth(14).waitFor();
  await c.shot('billing');
  await reloadStays(c, 'billing', months.nth(14));

  await c.press(page.locator('wb-billing-list [part~="breakdown-button"]').first());
  await page.waitForURL(/\/breakdown\.html\?month=\d{4}-\d{2}$/);
  const totals = page.locator('wb-breakdown [part~="totals"]');
  await totals.first().waitFor();
  assert.equal(await page.locator('wb-line-picker').count(), 1, 'the line picker above the breakdown');
  await c.shot('breakdown');
  await reloadStays(c, 'breakdown', totals);

  // The browser's history: Back twice, Forward twice, logged in all along.
  await page.goBack();
  await backOn(page, /\/billing\.html$/, months.nth(14));
  await page.goBack();
  await backOn(page, /\/top\.html$/, number);
  await page.goForward();
  await backOn(page, /\/billing\.html$/, months.nth(14));
  await page.goForward();
  await backOn(page, /\/breakdown\.html\?month=\d{4}-\d{2}$/, totals);
  await c.shot('forward');
  assert.deepEqual(violations, [], 'no Content Security Policy violation');
}

/** Logout on the top page → the login page; Back to the top page shows no billing data, nor does a reload. */
async function logout(c: Customer): Promise<void> {
  const { page } = c;
  await loginToTop(c);
  await c.press(page.locator('wb-top').getByRole('button', { name: 'Log out' }));
  await page.waitForURL(/\/index\.html$/);
  await page.locator('wb-login').getByRole('button', { name: 'Log in' }).waitFor();
  await c.shot('login');

  const top = page.locator('wb-top');
  const noData = async (): Promise<void> => {
    await page.waitForURL(/\/top\.html$/);
    await page.locator('wb-top wb-login').getByRole('button', { name: 'Log in' }).waitFor();
    await top.getByText('Please log in to see your billing.').waitFor();
    assert.equal(await top.locator('[part~="registered-number"], [part~="amount"]').count(), 0, 'no billing data after logout');
    assert.equal(await page.getByText(TARO.number).count(), 0, 'the registered number is nowhere on the page');
  };
  await page.goBack();
  await noData();
  await c.shot('back');
  await page.reload();
  await noData();
  assert.equal((await page.context().cookies()).filter((k) => k.name === '__Host-wb-session').length, 0, 'the cookie is gone');
}

/**
 * Idle past the timeout (the backend's clock, through its development route, a write: with the CSRF
 * header), then a reload of the breakdown page: the login says the session ended, and after the login
 * the customer is back on the same month.
 */
async function idleExpiry(c: Customer): Promise<void> {
  const { page } = c;
  await loginToTop(c);
  await c.press(page.locator('wb-top [part~="billing-button"]'));
  await c.press(page.locator('wb-billing-list [part~="breakdown-button"]').nth(1));
  await page.waitForURL(/\/breakdown\.html\?month=\d{4}-\d{2}$/);
  const month = page.url();
  await page.locator('wb-breakdown [part~="totals"]').first().waitFor();

  const status = await page.evaluate(async () => {
    const response = await fetch('/api/v1/_dev/clock', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Web-Billing-CSRF': '1' },
      body: JSON.stringify({ advanceMs: 1_860_000 }),
    });
    return response.status;
  });
  assert.equal(status, 200);
  await page.reload();
  await page.waitForURL(/\/index\.html\?return=%2Fbreakdown\.html%3Fmonth%3D\d{4}-\d{2}&ended=expired$/);
  const login = page.locator('wb-login');
  await login.getByRole('status').getByText('Your session has ended after a while without activity.', { exact: false }).waitFor();
  await c.shot('expired');
  await c.login(TARO.loginId, TARO.password);
  await page.waitForURL(month);
  await page.locator('wb-breakdown [part~="totals"]').first().waitFor();
  await c.shot('back-on-the-month');
}

/** Two tabs of one browser: a logout in one, and the other shows its login in place, saying why, without a reload. */
async function twoTabs(c: Customer): Promise<void> {
  const { page } = c;
  await loginToTop(c);
  const other = new Customer(await page.context().newPage(), c.cell, 'two-tabs-other');
  await other.page.goto(`${origin(page)}/billing.html`);
  await other.page.locator('wb-billing-list tbody tr').first().waitFor();
  await other.page.evaluate(() => ((window as unknown as { same: boolean }).same = true));

  await c.press(page.getByRole('navigation', { name: 'Portal' }).getByRole('button', { name: 'Log out' }));
  await page.waitForURL(/\/index\.html$/);

  const login = other.page.locator('wb-login');
  await login.getByRole('status').getByText('You logged out in another tab or window.', { exact: false }).waitFor();
  assert.equal(await other.page.locator('wb-billing-list').count(), 0, 'the billing months are gone');
  assert.equal(await other.page.evaluate(() => (window as unknown as { same?: boolean }).same), true, 'not reloaded');
  assert.match(other.page.url(), /\/billing\.html$/);
  await other.shot('logged-out-elsewhere');

  // Logging in again there, the customer is back on that page.
  await other.login(TARO.loginId, TARO.password);
  await other.page.locator('wb-billing-list tbody tr').nth(14).waitFor();
  assert.match(other.page.url(), /\/billing\.html$/);
  await other.shot('logged-in-again');
}

/** Serves one page on another site (127.0.0.1 rather than localhost) that posts a form to the portal's API at once. */
async function attackerSite(target: string): Promise<{ url: string; close(): Promise<void> }> {
  // A text/plain form whose body reads as JSON: the classic way around "JSON only".
  const field = JSON.stringify({ currentPassword: TARO.password, newPassword: 'Stolen2026pw', newPasswordConfirm: 'Stolen2026pw', pad: '' }).slice(0, -2);
  const page = `<!doctype html><title>Win a prize</title>
<form method="POST" enctype="text/plain" action="${target}/api/v1/credentials/password"><input type="hidden" name='${field}' value='"}'></form>
<script>document.forms[0].submit()</script>`;
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A cross-site form post to the password change, the customer logged in: refused, and the password still the old one. */
async function crossSiteForm(c: Customer): Promise<void> {
  const { page } = c;
  await loginToTop(c);
  const attacker = await attackerSite(origin(page));
  try {
    const evil = await page.context().newPage();
    const answer = evil.waitForResponse((r) => r.url().endsWith('/api/v1/credentials/password'));
    await evil.goto(attacker.url);
    const response = await answer;
    assert.equal(response.status(), 403);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'forbidden');
    await evil.close();
  } finally {
    await attacker.close();
  }
  // Still logged in, and the old password still logs in.
  await page.reload();
  await page.locator('wb-top [part~="registered-number"]').waitFor();
  await c.press(page.locator('wb-top').getByRole('button', { name: 'Log out' }));
  await page.waitForURL(/\/index\.html$/);
  await loginToTop(c);
  await c.shot('old-password-works');
}

journeys(
  'multi-page example in Chromium (playwright-core): cookie sessions across pages',
  {
    'reload-history': { title: 'login → top → billing → breakdown; each reload stays, logged in, no login flash; Back/Forward; the cookie is HttpOnly', run: reloadAndHistory },
    logout: { title: 'logout on the top page → the login page; Back and a reload show no billing data', run: logout, cells: ONE_CELL },
    'idle-expiry': { title: 'idle past the timeout, a reload → the login says why → back on the same breakdown month', run: idleExpiry, cells: ONE_CELL },
    'two-tabs': { title: 'two tabs: a logout in one, the other shows the login in place with the reason, without a reload', run: twoTabs, cells: ONE_CELL },
    'cross-site-form': { title: 'a cross-site form post without the CSRF header is refused; the password is unchanged', run: crossSiteForm, cells: ONE_CELL },
  },
  { start: () => startMultiPageServer({ port: 0 }), serverPerJourney: true },
);
