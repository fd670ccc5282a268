/**
 * End to end, in the served demo portal, at 360 px and 1280 px, by clicks
 * and by keyboard alone: the postcard customer who registers the reissue
 * email later, the top screen's layout switch, logging out (and the browser's Back after it), the portal in
 * Japanese, and a mailed link typed into the address bar (the demo backend keeps its state in the
 * browser, so it confirms). See `harness.ts`.
 */
import assert from 'node:assert/strict';
import { journeys, type Customer } from './harness.js';
import { noticeLink, openNoticeEmail, pressInMailbox, readMailbox, postcardFirstChange, registerNoticeEmail, switchToJapanese } from './steps.js';

/** Postcard: after the first change, "Later"; the top screen, with the reissue email still to register. */
async function postcardLater(c: Customer): Promise<void> {
  const { page } = c;
  await postcardFirstChange(c, 'hanako2027');
  await c.press(page.getByRole('button', { name: 'Later' }));
  await page.waitForURL(/#\/top$/);
  const top = page.locator('wb-top');
  await top.locator('[part~="registered-number"]').getByText('080-1111-2222', { exact: true }).waitFor();
  await top.locator('[part~="amount"]').waitFor();
  assert.match((await top.locator('[part~="amount"]').textContent()) ?? '', /^¥[\d,]+$/);
  await c.shot('top');
  // Later means later: the menu entry still leads to an empty registration.
  await c.press(top.getByRole('button', { name: 'Email for password reissue' }));
  await page.waitForURL(/#\/reissue-email$/);
  await page.locator('wb-reissue-email').locator('input[name="email"]').waitFor();
  await c.shot('reissue-email');
}

/** Established: log out from the top screen; the login screen; Back shows no billing data, and the old session opens nothing. */
async function logout(c: Customer): Promise<void> {
  const { page } = c;
  await c.login('taro2024', 'Sakura2024!');
  const top = page.locator('wb-top');
  await top.locator('[part~="registered-number"]').getByText('090-1234-5678', { exact: true }).waitFor();
  await c.shot('top');
  await c.press(top.getByRole('button', { name: 'Log out' }));
  await page.waitForURL(/#\/login$/);
  const login = page.locator('wb-login');
  await login.getByRole('heading', { name: 'Log in to Web Billing' }).waitFor();
  // The portal puts the focus on the new screen, so a screen reader starts there and Tab goes on from there.
  await c.assertFocus(page.locator('#screen'));
  await c.shot('login');

  // The browser's Back button: the top screen again, but without the account.
  await page.goBack();
  await page.waitForURL(/#\/top$/);
  await top.getByText('Please log in to see your billing.').waitFor();
  assert.equal(await top.locator('[part~="registered-number"], [part~="amount"]').count(), 0, 'no billing data after logout');
  assert.equal(await page.getByText('090-1234-5678').count(), 0, 'the registered number is nowhere on the page');
  await c.shot('back');

  // Logged out, the portal's nav offers no member screen; the billing list typed into the address bar: no months, and the login in place.
  const nav = page.getByRole('navigation', { name: 'Portal' });
  await nav.getByRole('link', { name: 'Log in' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Billing' }).count(), 0, 'no member links after logout');
  await page.goto(new URL('#/billing', page.url()).href);
  await page.waitForURL(/#\/billing$/);
  // It says so once, with the login in place.
  await page.locator('wb-billing-list').getByRole('alert').getByText('Please log in to see this.', { exact: false }).waitFor();
  await page.locator('wb-billing-list wb-login').getByRole('button', { name: 'Log in' }).waitFor();
  assert.equal(await page.locator('wb-billing-list tbody tr').count(), 0, 'no billing months after logout');
  await c.shot('billing');
}

/** The language switch set to 日本語: the login, the top screen and the billing list in Japanese. */
async function japanese(c: Customer): Promise<void> {
  const { page } = c;
  const login = await switchToJapanese(c);
  await login.getByLabel('ログインID').waitFor();
  await login.getByRole('button', { name: 'ログイン' }).waitFor();
  await login.getByRole('button', { name: 'パスワードをお忘れの方' }).waitFor();
  await c.shot('login');

  await c.fill(login.locator('input[name="loginId"]'), 'taro2024');
  await c.fill(login.locator('input[name="password"]'), 'Sakura2024!');
  await c.press(login.getByRole('button', { name: 'ログイン' }));
  const top = page.locator('wb-top');
  await top.getByText('ご登録の電話番号').waitFor();
  await top.locator('[part~="registered-number"]').getByText('090-1234-5678', { exact: true }).waitFor();
  // Yen as Japanese writes it: the full-width sign.
  assert.match((await top.locator('[part~="amount"]').textContent()) ?? '', /^￥[\d,]+$/);
  await top.getByRole('button', { name: 'ログアウト' }).waitFor();
  await c.shot('top');

  await c.press(top.getByRole('button', { name: 'ご請求内容を見る' }));
  const list = page.locator('wb-billing-list');
  await list.getByRole('heading', { name: '過去15か月のご請求金額' }).waitFor();
  await list.locator('tbody tr').nth(14).waitFor();
  const breakdowns = list.locator('[part~="breakdown-button"]');
  assert.equal(await breakdowns.count(), 4, 'a breakdown for each of the last 4 months');
  assert.match((await breakdowns.first().textContent()) ?? '', /ご請求内訳/);
  await c.shot('billing-list');
}

/**
 * A mailed link typed into the address bar: a new load of the page, whose backend takes the state this
 * browser kept, so the link confirms the registration; the token leaves the address bar; the mailbox still
 * shows the mails. "Reset demo" then forgets it all.
 */
async function typedLink(c: Customer): Promise<void> {
  const { page } = c;
  await c.login('corp-admin1', 'Corp2026pass');
  const notice = await openNoticeEmail(c);
  await registerNoticeEmail(c, notice, { type: 'Internet', email: 'keiri@corp.example' });
  const href = (await readMailbox(c, () => noticeLink(c).getAttribute('href')))!;
  assert.match(href, /\/confirm\?purpose=notice-email&token=[\w-]+$/);

  // As from a mail client: a new load of the page at the link (`npm start` serves /confirm as the portal).
  await page.goto(href);
  const confirm = page.locator('wb-notice-email');
  await confirm.getByRole('heading', { name: 'Complete the formal registration' }).waitFor();
  await page.waitForURL(/\/#\/confirm$/);
  assert.doesNotMatch(page.url(), /token/, 'the token left the address bar');
  // The mails sent before the load are still in the mailbox.
  assert.equal(await readMailbox(c, () => noticeLink(c).getAttribute('href')), href, 'the mailbox kept the mail');
  await c.shot('confirm');
  await c.fill(confirm.locator('input[name="registeredNumber"]'), '0012345678');
  await c.press(confirm.getByRole('button', { name: 'To complete the formal registration' }));
  await confirm.getByText('Formal registration completed').waitFor();
  await readMailbox(c, (mailbox) => mailbox.locator('li', { hasText: 'To keiri@corp.example' }).nth(1).waitFor({ state: 'attached' }));
  await c.shot('confirmed');

  // Still logged in on the new page (the tab keeps the session): through the portal's nav, the address is registered.
  await page.locator('.site-header').getByText('Logged in as corp-admin1').waitFor();
  await c.press(page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Notice email' }), { backwards: true });
  await page.waitForURL(/#\/notice-email$/);
  const registered = page.locator('wb-notice-email');
  await registered.locator('[part~="registered-email"]').getByText(/^Registered: k\S*@corp\.example$/).waitFor();
  await c.shot('registered');

  // "Reset demo" forgets the kept state: a fresh backend, an empty mailbox, nothing registered.
  await pressInMailbox(c, page.locator('.mailbox').getByRole('button', { name: 'Reset demo' }));
  await page.waitForURL(/#\/login$/);
  await readMailbox(c, (mailbox) => mailbox.locator('h3').getByText('(0)').waitFor({ state: 'attached' }));
  await c.login('corp-admin1', 'Corp2026pass');
  const fresh = await openNoticeEmail(c);
  await fresh.getByText('No email address is registered for billing amount notices.').waitFor();
  await fresh.getByRole('button', { name: 'Register address' }).waitFor();
  await c.shot('reset');
}

/** The top screen's switch between the smartphone and computer layouts (the viewport picks the first); the choice outlives the screen. */
async function layoutSwitch(c: Customer): Promise<void> {
  const { page } = c;
  await c.login('taro2024', 'Sakura2024!');
  const top = page.locator('wb-top');
  await top.locator('[part~="registered-number"]').getByText('090-1234-5678', { exact: true }).waitFor();
  const [first, other] = c.cell.width < 768 ? (['smartphone', 'computer'] as const) : (['computer', 'smartphone'] as const);
  assert.equal(await top.getAttribute('layout'), first, 'the viewport chose the layout');
  await c.shot(first);
  await c.check(top.getByRole('radio', { name: other === 'computer' ? 'Computer' : 'Smartphone' }));
  await page.locator(`wb-top[layout="${other}"]`).waitFor();
  await c.shot(other);

  // To the billing list and back by the nav: a new top screen, the chosen layout kept.
  await c.press(top.locator('[part~="billing-button"]'));
  await page.locator('wb-billing-list tbody tr').first().waitFor();
  await c.press(page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Top' }), { backwards: true });
  await top.locator('[part~="registered-number"]').waitFor();
  assert.equal(await top.getAttribute('layout'), other, 'the chosen layout is kept');
  assert.ok(await top.getByRole('radio', { name: other === 'computer' ? 'Computer' : 'Smartphone' }).isChecked());
  await c.shot(`${other}-kept`);
}

/**
 * Tab mode (the demo's backend publishes it): a reload keeps the customer on the screen and month they
 * were on, logged in, with no login on the way; an expiry found at a reload leads to the login, which says
 * why, and back to the same breakdown after it.
 */
async function reload(c: Customer): Promise<void> {
  const { page } = c;
  await c.login('taro2024', 'Sakura2024!');
  await c.press(page.locator('wb-top [part~="billing-button"]'));
  await c.press(page.locator('wb-billing-list [part~="breakdown-button"]').first());
  await page.waitForURL(/#\/breakdown\/\d{4}-\d{2}$/);
  const month = new URL(page.url()).hash;
  const breakdown = page.locator('wb-breakdown');
  await breakdown.locator('[part~="totals"]').first().waitFor();

  await page.reload();
  assert.equal(new URL(page.url()).hash, month, 'the same screen and month');
  await breakdown.locator('[part~="totals"]').first().waitFor();
  assert.equal(await page.locator('wb-login').count(), 0, 'no login after the reload');
  await c.shot('reloaded');

  // Idle past the timeout (the backend's clock, through its development route), then a reload.
  await page.evaluate(() =>
    fetch('/api/v1/_dev/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advanceMs: 31 * 60_000 }) }),
  );
  await page.reload();
  await page.waitForURL(/#\/login$/);
  const login = page.locator('wb-login');
  await login.getByRole('status').getByText('Your session has ended after a while without activity.', { exact: false }).waitFor();
  await c.shot('expired');
  await c.login('taro2024', 'Sakura2024!');
  await page.waitForURL((url) => url.hash === month);
  await breakdown.locator('[part~="totals"]').first().waitFor();
  await c.shot('back-on-the-month');
}

journeys('demo portal in Chromium (playwright-core): session, language and links', {
  reload: { title: 'tab mode: a reload keeps the screen and month; after an expiry, the login says why and leads back to the month', run: reload },
  layout: { title: 'top screen: the layout switch (smartphone / computer), kept after leaving the screen', run: layoutSwitch },
  'postcard-later': { title: 'postcard customer: first change, reissue email "Later", the top screen', run: postcardLater },
  logout: { title: 'logout: from the top screen to the login; Back and the nav show no billing data', run: logout },
  japanese: { title: 'Japanese: the language switch, then login, top and billing list in Japanese', run: japanese },
  'typed-link': { title: 'a mailed link typed into the address bar: a new page load confirms it (state kept in the browser), token removed; "Reset demo" forgets it', run: typedLink },
});
