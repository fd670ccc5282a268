/**
 * End to end: the served demo portal (`npm start`) driven in Debian's
 * Chromium with playwright-core, as a customer would, against the reference
 * backend running in the page's service worker: the journeys of the user
 * guide (docs/spec/user-guide.md: login, billing, lines, postcard, locked
 * account, forgotten password), each
 * at 360 px and 1280 px, by clicks and by keyboard alone. See `harness.ts`.
 */
import assert from 'node:assert/strict';
import { journeys, type Customer } from './harness.js';
import { mailLink, openMailbox, postcardFirstChange, pressInMailbox, readMailbox } from './steps.js';

/** Corporate: login, top, the billing list, a breakdown opened in full, the summary. */
async function corporate(c: Customer): Promise<void> {
  const { page } = c;
  await c.login('corp-admin1', 'Corp2026pass');
  const top = page.locator('wb-top');
  await top.getByText('0012345678', { exact: true }).waitFor();
  await c.shot('top');
  await c.press(top.locator('[part~="billing-button"]'));

  const list = page.locator('wb-billing-list');
  await list.locator('tbody tr').nth(14).waitFor();
  assert.equal(await list.locator('tbody tr').count(), 15, '15 months listed');
  assert.equal(await list.locator('[part~="breakdown-button"]').count(), 4, 'breakdowns for 4 months');
  await c.shot('billing-list');
  await c.press(list.locator('[part~="breakdown-button"]').first());

  const breakdown = page.locator('wb-breakdown');
  await page.waitForURL(/#\/breakdown\/\d{4}-\d{2}$/);
  await c.press(breakdown.locator('[part~="open-all-button"]'));
  await page.waitForFunction(() => {
    const all = [...(document.querySelector('wb-breakdown')?.shadowRoot?.querySelectorAll('details') ?? [])];
    return all.length > 0 && all.every((d) => d.open);
  });
  // fullPage: false, the corporate breakdown opened in full is ~25 000 px tall.
  await c.shot('breakdown', false);
  // The summary switch sits by the title, above "Open all": back up to it.
  await c.press(breakdown.locator('[part~="summary-button"]'), { backwards: true });

  const summary = page.locator('wb-billing-summary');
  await summary.locator('[part~="totals"]').waitFor();
  assert.match(page.url(), /#\/summary\/\d{4}-\d{2}$/);
  assert.match((await summary.locator('[part~="totals"]').textContent()) ?? '', /¥[\d,]+/, 'a total in yen');
  await c.shot('summary');
}

/** Postcard: first login, first change, "Register now", the reissue email registered, then confirmed from the mailed link. */
async function postcard(c: Customer): Promise<void> {
  const { page } = c;
  await postcardFirstChange(c, 'hanako2026');
  await c.press(page.getByRole('button', { name: 'Register now' }));

  // The reissue email: address twice, a question, an answer; confirm; update.
  const reissue = page.locator('wb-reissue-email');
  await page.waitForURL(/#\/reissue-email$/);
  await c.fill(reissue.locator('input[name="email"]'), 'hanako@example.jp');
  await c.fill(reissue.locator('input[name="emailConfirm"]'), 'hanako@example.jp');
  await c.select(reissue.locator('select[name="questionId"]'), 'favorite-food');
  await c.fill(reissue.locator('input[name="answer"]'), 'Momotaro');
  await c.shot('reissue-email');
  await c.press(reissue.getByRole('button', { name: 'Confirm' }));

  await reissue.getByText('Check what you entered').waitFor();
  await reissue.getByText('hanako@example.jp').waitFor();
  await c.shot('reissue-review');
  await c.press(reissue.getByRole('button', { name: 'Update' }));
  await reissue.getByText('Please check your email').waitFor();
  await c.shot('reissue-sent');

  // The mailbox panel (a closed bar on a phone shows only the count of new mails): its confirmation link.
  await openMailbox(c);
  const link = mailLink(c, 'reissue-email');
  await link.waitFor({ state: 'attached' });
  await c.shot('mailbox');
  await pressInMailbox(c, link);
  await page.waitForURL(/#\/confirm$/);
  const confirm = page.locator('wb-reissue-email');
  await c.select(confirm.locator('select[name="questionId"]'), 'favorite-food');
  await c.fill(confirm.locator('input[name="answer"]'), 'Momotaro');
  await c.shot('confirm');
  await c.press(confirm.locator('button[type="submit"]'));
  await confirm.getByText('Registration completed').waitFor();
  await c.shot('completed');
  await c.press(confirm.getByRole('button', { name: 'To the top screen' }));
  await page.locator('wb-top [part~="billing-button"]').waitFor();
}

/** Locked: the login refused, the password reissued, the mailed temporary password, the forced change, then Top. */
async function locked(c: Customer): Promise<void> {
  const { page } = c;
  const login = page.locator('wb-login');
  await c.login('locked01', 'Locked2026');
  await login.getByText('Your account is locked').waitFor();
  await c.shot('locked');
  await c.press(login.getByRole('button', { name: 'Reissue my password' }));

  const reissue = page.locator('wb-password-reissue');
  await page.waitForURL(/#\/password-reissue$/);
  await c.fill(reissue.locator('input[name="loginId"]'), 'locked01');
  await c.fill(reissue.locator('input[name="email"]'), 'locked@example.jp');
  await c.select(reissue.locator('select[name="questionId"]'), 'birthplace');
  await c.fill(reissue.locator('input[name="answer"]'), 'Tokyo');
  await c.shot('reissue');
  await c.press(reissue.getByRole('button', { name: 'Send' }));
  await reissue.getByText('Please check your email').waitFor();

  const temporary = (await readMailbox(c, (mailbox) => mailbox.locator('code').first().textContent()))!.trim();
  assert.ok(temporary.length >= 8, 'a temporary password in the mailbox');
  await c.shot('reissue-sent');
  await c.press(reissue.getByRole('button', { name: 'To login screen' }));

  await c.login('locked01', temporary);
  await login.getByText('Please change your password').waitFor();
  await c.shot('reissued-login');
  await c.press(login.getByRole('button', { name: 'OK' }));
  const change = page.locator('wb-password-change');
  await c.fill(change.locator('input[name="currentPassword"]'), temporary);
  await c.fill(change.locator('input[name="newPassword"]'), 'Unlocked2026x');
  await c.fill(change.locator('input[name="newPasswordConfirm"]'), 'Unlocked2026x');
  await c.shot('password-change');
  await c.press(change.getByRole('button', { name: 'Update' }));
  await change.getByText('Password changed').waitFor();
  await c.shot('password-changed');
  // The way on from the completion: the portal routes wb-top-requested to its top screen.
  await c.press(change.getByRole('button', { name: 'To the top screen' }));
  await page.locator('wb-top').getByText('03-1234-5678', { exact: true }).waitFor();
  await c.shot('top');
}

/** Corporate: line 87 found by typing in the line picker, its breakdown opened. */
async function lines(c: Customer): Promise<void> {
  const { page, keyboard } = c;
  await c.login('corp-admin1', 'Corp2026pass');
  await c.press(page.locator('wb-top [part~="billing-button"]'));
  const list = page.locator('wb-billing-list');
  await list.locator('tbody tr').nth(14).waitFor();
  await c.press(list.locator('[part~="breakdown-button"]').first());

  await page.waitForURL(/#\/breakdown\/\d{4}-\d{2}$/);
  const picker = page.locator('wb-line-picker');
  const option = picker.locator('[role="option"]', { hasText: '0087' }).first();
  if (c.byKeyboard) {
    await c.tabTo(picker.locator('[part~="input"]'));
    await keyboard.type('0087');
    await option.waitFor();
    await c.shot('picker');
    await keyboard.press('ArrowDown');
    await keyboard.press('Enter');
  } else {
    await picker.locator('[part~="input"]').fill('0087');
    await option.waitFor();
    await c.shot('picker');
    await option.click();
    await c.press(picker.locator('[part~="view-button"]'));
  }
  const breakdown = page.locator('wb-breakdown');
  await page.waitForFunction(() => {
    const root = document.querySelector('wb-breakdown')?.shadowRoot;
    return root?.querySelectorAll('[part~="line"]').length === 1 && /0087/.test(root.textContent ?? '');
  });
  await c.press(breakdown.locator('[part~="open-all-button"]'));
  await breakdown.locator('[part~="item"]').first().waitFor();
  await c.shot('line-87');
}

/** Established: the password reissued from the login screen, the mailed password, a new one chosen. */
async function forgot(c: Customer): Promise<void> {
  const { page } = c;
  const login = page.locator('wb-login');
  await c.press(login.getByRole('button', { name: 'Forgot your password?' }));

  const reissue = page.locator('wb-password-reissue');
  await page.waitForURL(/#\/password-reissue$/);
  await c.fill(reissue.locator('input[name="loginId"]'), 'taro2024');
  await c.fill(reissue.locator('input[name="email"]'), 'taro@example.jp');
  await c.select(reissue.locator('select[name="questionId"]'), 'first-pet');
  await c.fill(reissue.locator('input[name="answer"]'), 'Pochi');
  await c.shot('reissue');
  await c.press(reissue.getByRole('button', { name: 'Send' }));
  await reissue.getByText('Please check your email').waitFor();
  const temporary = (await readMailbox(c, (mailbox) => mailbox.locator('code').first().textContent()))!.trim();
  await c.shot('sent');
  await c.press(reissue.getByRole('button', { name: 'To login screen' }));

  await c.login('taro2024', temporary);
  await c.press(login.getByRole('button', { name: 'OK' }));
  const change = page.locator('wb-password-change');
  await c.fill(change.locator('input[name="currentPassword"]'), temporary);
  await c.fill(change.locator('input[name="newPassword"]'), 'Sakura2027!x');
  await c.fill(change.locator('input[name="newPasswordConfirm"]'), 'Sakura2027!x');
  await c.shot('password-change');
  await c.press(change.getByRole('button', { name: 'Update' }));
  await change.getByText('Password changed').waitFor();
  await c.shot('password-changed');
}

journeys('demo portal in Chromium (playwright-core): the user guide journeys', {
  corporate: { title: 'corporate account: login, top, billing list, a breakdown opened in full, the summary', run: corporate },
  postcard: { title: 'postcard customer: first login, first change, reissue email registered now and confirmed from the mailbox', run: postcard },
  locked: { title: 'locked account: locked, password reissued, the mailed password, the forced change, top', run: locked },
  lines: { title: 'line switching: corporate billing, a breakdown, line 87 found by typing in the line picker', run: lines },
  forgot: { title: 'forgot password: reissue from the login screen, log in with the mailed password, choose a new one', run: forgot },
});
