/**
 * End to end: the served demo portal (`npm start`) driven in Debian's
 * Chromium with playwright-core, as a customer would, against the reference
 * backend running in the page's service worker. Each journey gets a fresh
 * browser context (so a fresh backend) and saves a screenshot of each screen
 * as `test-results/e2e/<journey>-<step>-<width>.png` for review.
 *
 * Waits are on real conditions only (locators' auto-wait, `waitFor`): MSW's
 * service worker needs real time.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../../examples/serve.js';

const SHOTS = 'test-results/e2e';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TIMEOUT = 10_000;

describe('demo portal in Chromium (playwright-core)', { timeout: 60_000 }, () => {
  let server: DemoServer;
  let browser: Browser;
  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([
      startDemoServer({ port: 0 }),
      chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS }),
    ]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Uncaught errors in each page. */
  const pageErrors = new WeakMap<Page, string[]>();

  /** A fresh context (fresh service worker, fresh backend) at this width, with the portal loaded. */
  async function open(width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    pageErrors.set(page, errors);
    await page.goto(server.url);
    return page;
  }

  function shooter(page: Page, journey: string, width: number) {
    // fullPage: false for very long screens (the corporate breakdown opened in full is ~25 000 px tall).
    return (step: string, fullPage = true) => page.screenshot({ path: `${SHOTS}/${journey}-${step}-${width}.png`, fullPage });
  }

  /** Presses Tab until `target` (light or shadow DOM) has the focus. Keyboard only: no click, no focus(). */
  async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
    await target.waitFor();
    for (let i = 0; i < max; i++) {
      const focused = await target.evaluate((el) => {
        let active: Element | null = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active === el;
      });
      if (focused) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`Tab never reached ${target}`);
  }

  it('corporate account by clicks at 1280 px: login, top, billing list, a breakdown opened in full, the summary', async (t) => {
    const started = performance.now();
    const page = await open(1280, 900);
    const shot = shooter(page, 'corporate', 1280);
    const login = page.locator('wb-login');
    await login.locator('input[name="loginId"]').fill('corp-admin1');
    await login.locator('input[name="password"]').fill('Corp2026pass');
    await shot('login');
    await login.getByRole('button', { name: 'Log in' }).click();

    const top = page.locator('wb-top');
    await top.getByText('0012345678', { exact: true }).waitFor();
    await shot('top');
    await top.locator('[part~="billing-button"]').click();

    const list = page.locator('wb-billing-list');
    await list.locator('tbody tr').nth(14).waitFor();
    assert.equal(await list.locator('tbody tr').count(), 15);
    assert.equal(await list.locator('[part~="breakdown-button"]').count(), 4);
    await shot('billing-list');
    await list.locator('[part~="breakdown-button"]').first().click();

    const breakdown = page.locator('wb-breakdown');
    await page.waitForURL(/#\/breakdown\/\d{4}-\d{2}$/);
    await breakdown.locator('[part~="open-all-button"]').click();
    const details = breakdown.locator('details');
    await details.first().waitFor();
    await page.waitForFunction(() => {
      const all = [...(document.querySelector('wb-breakdown')?.shadowRoot?.querySelectorAll('details') ?? [])];
      return all.length > 0 && all.every((d) => d.open);
    });
    await shot('breakdown', false);
    await breakdown.locator('[part~="summary-button"]').click();

    const summary = page.locator('wb-billing-summary');
    await summary.locator('[part~="totals"]').waitFor();
    assert.match(page.url(), /#\/summary\/\d{4}-\d{2}$/);
    await shot('summary');
    assert.deepEqual(pageErrors.get(page), [], 'no uncaught error in the page');
    await page.context().close();
    t.diagnostic(`corporate journey: ${Math.round(performance.now() - started)} ms`);
  });

  it('postcard customer by keyboard alone at 360 px: login, first change, reissue email registered and confirmed from the mailbox', async (t) => {
    const started = performance.now();
    const page = await open(360, 780);
    const shot = shooter(page, 'postcard', 360);
    const { keyboard } = page;
    const login = page.locator('wb-login');

    // From the page top, once the login screen is there: the skip link, then into the screen.
    await login.locator('input[name="loginId"]').waitFor();
    await keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    // The skip link moves the focus to the screen and leaves the screen as it is (no re-route).
    await login.evaluate((el) => el.setAttribute('data-e2e', 'first'));
    await keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'screen');
    assert.match(page.url(), /#\/login$/);
    assert.equal(await login.getAttribute('data-e2e'), 'first', 'the same login screen');
    await tabTo(page, login.locator('input[name="loginId"]'));
    await keyboard.type('HK7Q2MX');
    await tabTo(page, login.locator('input[name="password"]'));
    await keyboard.type('t8Rw3nPa');
    await shot('login');
    await keyboard.press('Enter');

    const ok = login.getByRole('button', { name: 'OK' });
    await ok.waitFor();
    await shot('postcard-done');
    await tabTo(page, ok);
    await keyboard.press('Enter');

    // The first change: the postcard's ID and password again, then the new ones twice each.
    const fields: [string, string][] = [
      ['initialLoginId', 'HK7Q2MX'],
      ['initialPassword', 't8Rw3nPa'],
      ['newLoginId', 'hanako2026'],
      ['newLoginIdConfirm', 'hanako2026'],
      ['newPassword', 'Hanako2026pw'],
      ['newPasswordConfirm', 'Hanako2026pw'],
    ];
    for (const [name, value] of fields) {
      await tabTo(page, page.locator(`input[name="${name}"]`));
      await keyboard.type(value);
    }
    await page.getByText('This login ID is available.').waitFor();
    await shot('first-change');
    await tabTo(page, page.getByRole('button', { name: 'Update' }));
    await keyboard.press('Enter');

    const now = page.getByRole('button', { name: 'Register now' });
    await now.waitFor();
    await shot('changed');
    await tabTo(page, now);
    await keyboard.press('Enter');

    // The reissue email: address twice, a question, an answer; confirm; update.
    const reissue = page.locator('wb-reissue-email');
    await page.waitForURL(/#\/reissue-email$/);
    for (const [name, value] of [['email', 'hanako@example.jp'], ['emailConfirm', 'hanako@example.jp']]) {
      await tabTo(page, reissue.locator(`input[name="${name}"]`));
      await keyboard.type(value!);
    }
    await tabTo(page, reissue.locator('select[name="questionId"]'));
    await keyboard.press('ArrowDown');
    const question = await reissue.locator('select[name="questionId"]').inputValue();
    assert.notEqual(question, '', 'a question chosen by ArrowDown');
    await tabTo(page, reissue.locator('input[name="answer"]'));
    await keyboard.type('Momotaro');
    await shot('reissue-email');
    await tabTo(page, reissue.getByRole('button', { name: 'Confirm' }));
    await keyboard.press('Enter');

    await reissue.getByText('Check what you entered').waitFor();
    await shot('reissue-review');
    await tabTo(page, reissue.getByRole('button', { name: 'Update' }));
    await keyboard.press('Enter');
    await reissue.getByText('Please check your email').waitFor();
    await shot('reissue-sent');

    // The mailbox panel: its confirmation link, by keyboard.
    const link = page.locator('.mailbox a[href*="/confirm"]').first();
    await tabTo(page, link, 80);
    await shot('mailbox');
    await keyboard.press('Enter');
    await page.waitForURL(/#\/confirm$/);
    const confirm = page.locator('wb-reissue-email');
    await tabTo(page, confirm.locator('select[name="questionId"]'));
    await keyboard.press('ArrowDown');
    assert.equal(await confirm.locator('select[name="questionId"]').inputValue(), question);
    await tabTo(page, confirm.locator('input[name="answer"]'));
    await keyboard.type('Momotaro');
    await shot('confirm');
    await keyboard.press('Enter');
    await confirm.getByText('Registration completed').waitFor();
    await shot('completed');
    assert.deepEqual(pageErrors.get(page), [], 'no uncaught error in the page');
    await page.context().close();
    t.diagnostic(`postcard journey: ${Math.round(performance.now() - started)} ms`);
  });

  it('locked account by clicks at 360 px: locked, password reissued, the mailed password, the forced change, top', async (t) => {
    const started = performance.now();
    const page = await open(360, 780);
    const shot = shooter(page, 'locked', 360);
    const login = page.locator('wb-login');
    await login.locator('input[name="loginId"]').fill('locked01');
    await login.locator('input[name="password"]').fill('Locked2026');
    await login.getByRole('button', { name: 'Log in' }).click();
    await login.getByText('Your account is locked').waitFor();
    await shot('locked');
    await login.getByRole('button', { name: 'Reissue my password' }).click();

    const reissue = page.locator('wb-password-reissue');
    await page.waitForURL(/#\/password-reissue$/);
    await reissue.locator('input[name="loginId"]').fill('locked01');
    await reissue.locator('input[name="email"]').fill('locked@example.jp');
    await reissue.locator('select[name="questionId"]').selectOption('birthplace');
    await reissue.locator('input[name="answer"]').fill('Tokyo');
    await shot('reissue');
    await reissue.getByRole('button', { name: 'Send' }).click();
    await reissue.getByText('Please check your email').waitFor();

    const temporary = (await page.locator('.mailbox code').first().textContent())!.trim();
    assert.ok(temporary.length >= 8, 'a temporary password in the mailbox');
    await shot('reissue-sent');
    await reissue.getByRole('button', { name: 'To login screen' }).click();

    await login.locator('input[name="loginId"]').fill('locked01');
    await login.locator('input[name="password"]').fill(temporary);
    await login.getByRole('button', { name: 'Log in' }).click();
    const change = page.locator('wb-password-change');
    await login.getByText('Please change your password').waitFor();
    await shot('reissued-login');
    await login.getByRole('button', { name: 'OK' }).click();
    await change.locator('input[name="currentPassword"]').fill(temporary);
    await change.locator('input[name="newPassword"]').fill('Unlocked2026x');
    await change.locator('input[name="newPasswordConfirm"]').fill('Unlocked2026x');
    await shot('password-change');
    await change.getByRole('button', { name: 'Update' }).click();
    await change.getByText('Password changed').waitFor();
    await shot('password-changed');
    await change.getByRole('button', { name: 'OK' }).click();
    await change.getByText('You are logged in as locked01.').waitFor();
    // The element stays where it is; the customer goes on with the portal's own nav.
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Top' }).click();
    await page.locator('wb-top').getByText('0312345678', { exact: true }).waitFor();
    await shot('top');
    assert.deepEqual(pageErrors.get(page), [], 'no uncaught error in the page');
    await page.context().close();
    t.diagnostic(`locked journey: ${Math.round(performance.now() - started)} ms`);
  });

  it('notice email by clicks at 1280 px: corporate registers an Internet address, opens the mailed link, completes with the number typed with dashes', async (t) => {
    const started = performance.now();
    const page = await open(1280, 900);
    const shot = shooter(page, 'notice-email', 1280);
    const login = page.locator('wb-login');
    await login.locator('input[name="loginId"]').fill('corp-admin1');
    await login.locator('input[name="password"]').fill('Corp2026pass');
    await login.getByRole('button', { name: 'Log in' }).click();
    await page.locator('wb-top').getByRole('button', { name: 'Email notice of the billing amount' }).click();

    const notice = page.locator('wb-notice-email');
    await page.waitForURL(/#\/notice-email$/);
    await notice.getByRole('button', { name: 'Register address' }).click();
    await notice.getByRole('radio', { name: /^Internet/ }).check();
    await notice.locator('input[name="email"]').fill('keiri@corp.example');
    await shot('register');
    await notice.getByRole('button', { name: 'Next' }).click();
    await notice.getByText('Check what you entered').waitFor();
    await shot('review');
    await notice.getByRole('button', { name: 'Next' }).click();
    await notice.getByText('Temporary registration completed').waitFor();
    await shot('sent');

    await page.locator('.mailbox a[href*="purpose=notice-email"]').click();
    await page.waitForURL(/#\/confirm$/);
    const confirm = page.locator('wb-notice-email');
    await confirm.locator('input[name="registeredNumber"]').fill('00-1234-5678');
    await shot('confirm');
    await confirm.getByRole('button', { name: 'To complete the formal registration' }).click();
    await confirm.getByText('Formal registration completed').waitFor();
    // The completion mail reaches the mailbox (it refreshes every second).
    await page.locator('.mailbox li').nth(1).waitFor();
    await shot('completed');
    assert.deepEqual(pageErrors.get(page), [], 'no uncaught error in the page');
    await page.context().close();
    t.diagnostic(`notice email journey: ${Math.round(performance.now() - started)} ms`);
  });

  it('line switching by keyboard alone at 360 px: corporate login, billing, a breakdown, line 87 picked by typing', async (t) => {
    const started = performance.now();
    const page = await open(360, 780);
    const shot = shooter(page, 'lines', 360);
    const { keyboard } = page;
    const login = page.locator('wb-login');
    await tabTo(page, login.locator('input[name="loginId"]'));
    await keyboard.type('corp-admin1');
    await tabTo(page, login.locator('input[name="password"]'));
    await keyboard.type('Corp2026pass');
    await keyboard.press('Enter');

    const billing = page.locator('wb-top [part~="billing-button"]');
    await tabTo(page, billing);
    await keyboard.press('Enter');
    const list = page.locator('wb-billing-list');
    await list.locator('tbody tr').nth(14).waitFor();
    await tabTo(page, list.locator('[part~="breakdown-button"]').first());
    await keyboard.press('Enter');

    await page.waitForURL(/#\/breakdown\/\d{4}-\d{2}$/);
    const combobox = page.locator('wb-line-picker [part~="input"]');
    await tabTo(page, combobox);
    await keyboard.type('0087');
    await page.locator('wb-line-picker [role="option"]').first().waitFor();
    await shot('picker');
    await keyboard.press('ArrowDown');
    await keyboard.press('Enter');
    const breakdown = page.locator('wb-breakdown');
    await page.waitForFunction(() => {
      const root = document.querySelector('wb-breakdown')?.shadowRoot;
      return root?.querySelectorAll('[part~="line"]').length === 1 && /0087/.test(root.textContent ?? '');
    });
    await tabTo(page, breakdown.locator('[part~="open-all-button"]'));
    await keyboard.press('Enter');
    await breakdown.locator('[part~="item"]').first().waitFor();
    await shot('line-87');
    assert.deepEqual(pageErrors.get(page), [], 'no uncaught error in the page');
    await page.context().close();
    t.diagnostic(`line switching journey: ${Math.round(performance.now() - started)} ms`);
  });

  it('forgot password by keyboard alone at 1280 px: reissue from the login screen, log in with the mailed password, choose a new one', async (t) => {
    const started = performance.now();
    const page = await open(1280, 900);
    const shot = shooter(page, 'forgot', 1280);
    const { keyboard } = page;
    const login = page.locator('wb-login');
    await tabTo(page, login.getByRole('button', { name: 'Forgot your password?' }));
    await keyboard.press('Enter');

    const reissue = page.locator('wb-password-reissue');
    await page.waitForURL(/#\/password-reissue$/);
    for (const [name, value] of [['loginId', 'taro2024'], ['email', 'taro@example.jp']]) {
      await tabTo(page, reissue.locator(`input[name="${name}"]`));
      await keyboard.type(value!);
    }
    const select = reissue.locator('select[name="questionId"]');
    await tabTo(page, select);
    for (let i = 0; i < 10 && (await select.inputValue()) !== 'first-pet'; i++) await keyboard.press('ArrowDown');
    assert.equal(await select.inputValue(), 'first-pet');
    await tabTo(page, reissue.locator('input[name="answer"]'));
    await keyboard.type('Pochi');
    await shot('reissue');
    await keyboard.press('Enter');
    await reissue.getByText('Please check your email').waitFor();
    const temporary = (await page.locator('.mailbox code').first().textContent())!.trim();
    await shot('sent');
    await tabTo(page, reissue.getByRole('button', { name: 'To login screen' }));
    await keyboard.press('Enter');

    await tabTo(page, login.locator('input[name="loginId"]'));
    await keyboard.type('taro2024');
    await tabTo(page, login.locator('input[name="password"]'));
    await keyboard.type(temporary);
    await keyboard.press('Enter');
    const ok = login.getByRole('button', { name: 'OK' });
    await ok.waitFor();
    await tabTo(page, ok);
    await keyboard.press('Enter');
    const change = page.locator('wb-password-change');
    for (const [name, value] of [['currentPassword', temporary], ['newPassword', 'Sakura2027!x'], ['newPasswordConfirm', 'Sakura2027!x']]) {
      await tabTo(page, change.locator(`input[name="${name}"]`));
      await keyboard.type(value!);
    }
    await shot('password-change');
    await keyboard.press('Enter');
    await change.getByText('Password changed').waitFor();
    await shot('password-changed');
    assert.deepEqual(pageErrors.get(page), [], 'no uncaught error in the page');
    await page.context().close();
    t.diagnostic(`forgot password journey: ${Math.round(performance.now() - started)} ms`);
  });
});
