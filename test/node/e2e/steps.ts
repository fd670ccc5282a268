/**
 * Steps that more than one end-to-end journey takes, written once for both
 * modes (see `harness.ts`).
 *
 * @module
 */
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { Customer } from './harness.js';

/** The postcard's first login and the change to an ID and password of one's own, up to the "register the reissue email now?" choice. */
export async function postcardFirstChange(c: Customer, newLoginId: string): Promise<void> {
  const { page, keyboard } = c;
  const login = page.locator('wb-login');
  await login.locator('input[name="loginId"]').waitFor();
  if (c.byKeyboard) {
    // From the page top: the skip link first; it moves the focus to the screen and leaves the screen as it is (no re-route).
    await keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    await login.evaluate((el) => el.setAttribute('data-e2e', 'first'));
    await keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'screen');
    assert.match(page.url(), /#\/login$/);
    assert.equal(await login.getAttribute('data-e2e'), 'first', 'the same login screen');
  }
  await c.login('HK7Q2MX', 't8Rw3nPa');
  const ok = login.getByRole('button', { name: 'OK' });
  await login.getByText('Initial login completed').waitFor();
  await c.shot('postcard-done');
  await c.press(ok);

  // The first change: the postcard's ID and password again, then the new ones twice each.
  const setup = page.locator('wb-credential-setup');
  const fields: [string, string][] = [
    ['initialLoginId', 'HK7Q2MX'],
    ['initialPassword', 't8Rw3nPa'],
    ['newLoginId', newLoginId],
    ['newLoginIdConfirm', newLoginId],
    ['newPassword', 'Hanako2026pw'],
    ['newPasswordConfirm', 'Hanako2026pw'],
  ];
  for (const [name, value] of fields) await c.fill(setup.locator(`input[name="${name}"]`), value);
  await setup.getByText('This login ID is available.').waitFor();
  await c.shot('first-change');
  await c.press(setup.getByRole('button', { name: 'Update' }));
  await setup.getByText(`Your login ID is now ${newLoginId}.`).waitFor();
  await setup.getByText('Register an email address for password reissue?').waitFor();
  await c.shot('changed');
}

/** From the top screen (logged in), the notice email screen through the membership menu. */
export async function openNoticeEmail(c: Customer): Promise<Locator> {
  const { page } = c;
  await c.press(page.locator('wb-top').getByRole('button', { name: 'Email notice of the billing amount' }));
  await page.waitForURL(/#\/notice-email$/);
  return page.locator('wb-notice-email');
}

/**
 * On the notice email screen: Register address (or Change), the type and
 * address, Next, the review, Next, up to "Temporary registration completed".
 */
export async function registerNoticeEmail(c: Customer, notice: Locator, { type, email, step = 'register' }: { type: 'Mobile phone' | 'Internet'; email: string; step?: string }): Promise<void> {
  await c.press(notice.locator('[part~="register-button"], [part~="change-button"]'));
  await c.check(notice.getByRole('radio', { name: new RegExp(`^${type}`) }));
  await c.fill(notice.locator('input[name="email"]'), email);
  await c.shot(step);
  await c.press(notice.getByRole('button', { name: 'Next' }));
  await notice.getByText('Check what you entered').waitFor();
  // Each step of the form puts the focus on its heading.
  await c.assertFocus(notice.getByRole('heading', { name: 'Check what you entered' }));
  assert.equal(await notice.locator('[part~="review"] dd').nth(1).textContent(), email, 'the review shows the address');
  await c.shot(`${step}-review`);
  await c.press(notice.getByRole('button', { name: 'Next' }));
  await notice.getByText('Temporary registration completed').waitFor();
  await notice.getByText(`A confirmation email was sent to ${email}.`, { exact: false }).waitFor();
  await c.shot(`${step}-sent`);
}

/**
 * The demo's mailbox panel, opened first when it is closed: on a narrow
 * screen it starts as a closed bar at the bottom (and closes again when a
 * mailed link is opened from it); on a wide one it starts open beside the
 * screen. Opened as the customer does: a click, or Tab to its button and Enter.
 */
export async function openMailbox(c: Customer): Promise<Locator> {
  const panel = c.page.locator('.mailbox');
  const toggle = panel.locator('.mailbox-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') {
    await c.press(toggle);
    await panel.locator('.mailbox-body').waitFor();
  }
  return panel;
}

/**
 * Reads the mailbox panel as a customer does, opening it first when it is
 * closed (a closed bar shows only how many mails are new: it draws the mails
 * when opened) and closing it again afterwards, so that it covers nothing.
 */
export async function readMailbox<T>(c: Customer, read: (panel: Locator) => Promise<T>): Promise<T> {
  const toggle = c.page.locator('.mailbox-toggle');
  const wasOpen = (await toggle.getAttribute('aria-expanded')) === 'true';
  const panel = await openMailbox(c);
  try {
    return await read(panel);
  } finally {
    if (!wasOpen) await c.press(toggle);
  }
}

/** Presses a link or button of the mailbox panel, opening the panel first (a link opened from it closes it again on a phone). */
export async function pressInMailbox(c: Customer, target: Locator): Promise<void> {
  await openMailbox(c);
  await c.press(target);
}

/** The newest mailed confirmation link of `purpose` in the mailbox panel (to read; {@link pressInMailbox} to open it). */
export function mailLink(c: Customer, purpose: 'notice-email' | 'reissue-email'): Locator {
  return c.page.locator(`.mailbox a[href*="purpose=${purpose}"]`).first();
}

/** The newest mailed notice-email confirmation link in the mailbox panel. */
export function noticeLink(c: Customer): Locator {
  return mailLink(c, 'notice-email');
}

/** Switches the portal to 日本語 on the login screen, checks the login and `<html lang>` follow, and returns the login. */
export async function switchToJapanese(c: Customer): Promise<Locator> {
  const login = c.page.locator('wb-login');
  await login.getByRole('heading', { name: 'Log in to Web Billing' }).waitFor();
  await c.select(c.page.getByLabel('Language'), 'ja');
  await login.getByRole('heading', { name: 'Web Billing ログイン' }).waitFor();
  assert.equal(await c.page.evaluate(() => document.documentElement.lang), 'ja');
  return login;
}
