/**
 * End to end, the billing-amount notice email (user guide, §4 Email address
 * for billing amount notices; docs/spec/user-guide.md), in the served demo
 * portal, at 360 px and 1280 px, by clicks and by keyboard
 * alone: registered, the mailed link opened from the mailbox, the registered
 * number typed with dashes or in full-width digits; a wrong number refused
 * with the form kept; a link opened after 24 hours refused with a way to
 * start again; the registered address changed and deleted. See `harness.ts`.
 */
import assert from 'node:assert/strict';
import { journeys, type Customer } from './harness.js';
import { noticeLink, openMailbox, openNoticeEmail, pressInMailbox, readMailbox, registerNoticeEmail } from './steps.js';

/** Corporate, from a detailed breakdown (as the user guide starts it, §3 Reference of billing information), registers an Internet address; the mailed link; the customer number typed with dashes. */
async function register(c: Customer): Promise<void> {
  const { page } = c;
  await c.login('corp-admin1', 'Corp2026pass');
  await c.press(page.locator('wb-top [part~="billing-button"]'));
  await c.press(page.locator('wb-billing-list [part~="breakdown-button"]').first());
  await page.waitForURL(/#\/breakdown\/\d{4}-\d{2}$/);
  await page.locator('wb-breakdown [part~="company"]').first().waitFor();
  // 128 lines under the open company: "Close all" first, so the link below is a few Tabs away.
  await c.press(page.locator('wb-breakdown [part~="close-all-button"]'));
  await c.press(page.locator('wb-breakdown').getByRole('button', { name: 'Register an email address to receive a notice of billing amount' }));
  await page.waitForURL(/#\/notice-email$/);
  const notice = page.locator('wb-notice-email');
  await notice.getByText('No email address is registered for billing amount notices.').waitFor();
  await registerNoticeEmail(c, notice, { type: 'Internet', email: 'keiri@corp.example' });

  await pressInMailbox(c, noticeLink(c));
  await page.waitForURL(/#\/confirm$/);
  const confirm = page.locator('wb-notice-email');
  await c.fill(confirm.locator('input[name="registeredNumber"]'), '00-1234-5678');
  await c.shot('confirm');
  await c.press(confirm.getByRole('button', { name: 'To complete the formal registration' }));
  await confirm.getByText('Formal registration completed').waitFor();
  // The completion mail reaches the mailbox (it refreshes every second; opened, on a phone, from its bar).
  const first = await readMailbox(c, async (mailbox) => {
    const mails = mailbox.locator('li');
    await mails.nth(1).waitFor({ state: 'attached' });
    return mails.first().textContent();
  });
  assert.match(first ?? '', /To keiri@corp\.example/);
  await c.shot('completed');
  // The completion leads on: the portal routes wb-top-requested to its top screen.
  await c.press(confirm.getByRole('button', { name: 'To the top screen' }));
  await page.waitForURL(/#\/top$/);
  await page.locator('wb-top').getByText('0012345678', { exact: true }).waitFor();
}

/** Corporate: a wrong number is refused next to the field, with the typed number kept; corrected in full-width digits, it is accepted. */
async function wrongNumber(c: Customer): Promise<void> {
  const { page } = c;
  await c.login('corp-admin1', 'Corp2026pass');
  const notice = await openNoticeEmail(c);
  await registerNoticeEmail(c, notice, { type: 'Mobile phone', email: 'keiri@docomo.example' });
  await pressInMailbox(c, noticeLink(c));
  await page.waitForURL(/#\/confirm$/);

  const confirm = page.locator('wb-notice-email');
  const number = confirm.locator('input[name="registeredNumber"]');
  await c.fill(number, '0012345679');
  await c.press(confirm.getByRole('button', { name: 'To complete the formal registration' }));
  const error = confirm.locator('[part~="registeredNumber-field"] [part~="error"]');
  await error.getByText('This number does not match the registered phone or customer number.', { exact: false }).waitFor();
  assert.equal(await number.inputValue(), '0012345679', 'the typed number is kept');
  assert.equal(await number.getAttribute('aria-invalid'), 'true');
  assert.match((await number.getAttribute('aria-describedby')) ?? '', new RegExp(`${await error.getAttribute('id')}`), 'the error describes the field');
  await c.assertFocus(number, 'the focus is on the refused field');
  await confirm.getByRole('heading', { name: 'Complete the formal registration' }).waitFor();
  await c.shot('wrong-number');

  // Corrected, in full-width digits as a Japanese keyboard types them.
  await c.fill(number, '００１２３４５６７８');
  await c.shot('full-width');
  await c.press(confirm.getByRole('button', { name: 'To complete the formal registration' }));
  await confirm.getByText('Formal registration completed').waitFor();
  await c.shot('completed');
}

/** Corporate: the mailed link opened after the backend clock moved 24 hours is refused at once; starting again leads back to the registration. */
async function expired(c: Customer): Promise<void> {
  const { page } = c;
  await c.login('corp-admin1', 'Corp2026pass');
  const notice = await openNoticeEmail(c);
  await registerNoticeEmail(c, notice, { type: 'Internet', email: 'keiri@corp.example' });

  // The demo's mailbox panel moves the backend clock.
  const mailbox = await openMailbox(c);
  const clock = mailbox.locator('output');
  const before = await clock.textContent();
  await c.press(mailbox.getByRole('group', { name: 'Advance the backend clock' }).getByRole('button', { name: '+24 h' }));
  await page.waitForFunction((text) => document.querySelector('.mailbox output')?.textContent !== text, before);
  await c.shot('clock');
  await pressInMailbox(c, noticeLink(c));
  await page.waitForURL(/#\/confirm$/);
  const confirm = page.locator('wb-notice-email');
  // Checked as the step opens: no number to type in vain.
  await confirm.getByText('This link can no longer be used').waitFor();
  assert.equal(await confirm.locator('input[name="registeredNumber"]').count(), 0, 'no confirm form for an expired link');
  await confirm.getByRole('alert').getByText('please start the registration again', { exact: false }).waitFor();
  await c.shot('expired');

  // Start again: 24 hours later the session has ended too, so the portal asks for the login first.
  await c.press(confirm.getByRole('button', { name: 'Start the registration again' }));
  await page.waitForURL(/#\/login$/);
  await page.locator('wb-login').getByRole('heading', { name: 'Log in to Web Billing' }).waitFor();
  // …and says why the customer is back there.
  await page.locator('wb-login').getByRole('status').getByText('Your session has ended', { exact: false }).waitFor();
  await c.shot('restart');
  await c.login('corp-admin1', 'Corp2026pass');
  // Back where the customer asked to start again: the notice email screen.
  await page.waitForURL(/#\/notice-email$/);
  const again = page.locator('wb-notice-email');
  // The expired temporary registration is gone: nothing registered, nothing pending.
  await again.getByText('No email address is registered for billing amount notices.').waitFor();
  await again.getByRole('button', { name: 'Register address' }).waitFor();
  await c.shot('register-again');
}

/** Established (mobile address registered): changed to an Internet address, confirmed with full-width digits, then deleted. */
async function changeAndDelete(c: Customer): Promise<void> {
  const { page } = c;
  await c.login('taro2024', 'Sakura2024!');
  const notice = await openNoticeEmail(c);
  await notice.locator('[part~="registered-email"]').getByText(/^Registered: t\S*@docomo\.example$/).waitFor();
  await notice.getByText('Type: Mobile phone').waitFor();
  await c.shot('registered');

  await registerNoticeEmail(c, notice, { type: 'Internet', email: 'taro@home.example', step: 'change' });
  await c.press(notice.getByRole('button', { name: 'OK' }));
  // Still registered to the old address until the link is opened; the new one is pending.
  await notice.getByText('A confirmation link was mailed to', { exact: false }).waitFor();
  await notice.getByText('Type: Mobile phone').waitFor();
  await c.shot('pending');

  await pressInMailbox(c, noticeLink(c));
  await page.waitForURL(/#\/confirm$/);
  const confirm = page.locator('wb-notice-email');
  await c.fill(confirm.locator('input[name="registeredNumber"]'), '０９０－１２３４－５６７８');
  await c.press(confirm.getByRole('button', { name: 'To complete the formal registration' }));
  await confirm.getByText('Formal registration completed').waitFor();
  // The old address is told of the change.
  await readMailbox(c, (mailbox) => mailbox.locator('li', { hasText: 'To taro@docomo.example' }).first().waitFor({ state: 'attached' }));
  await c.shot('changed');

  await c.press(page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Notice email' }), { backwards: true });
  const settings = page.locator('wb-notice-email');
  await settings.locator('[part~="registered-email"]').getByText(/^Registered: t\S*@home\.example$/).waitFor();
  await settings.getByText('Type: Internet (computer, smartphone or tablet)').waitFor();

  // Delete, first kept, then confirmed.
  await c.press(settings.getByRole('button', { name: 'Delete' }));
  await settings.getByText('Stop the billing amount notices?').waitFor();
  await c.shot('delete');
  await c.press(settings.getByRole('button', { name: 'Keep it' }));
  await settings.getByText('Type: Internet (computer, smartphone or tablet)').waitFor();
  await c.press(settings.getByRole('button', { name: 'Delete' }));
  await settings.getByText('Stop the billing amount notices?').waitFor();
  await c.press(settings.locator('button[type="submit"]'));
  await settings.getByText('The email address for billing amount notices was deleted.').waitFor();
  await settings.getByText('No email address is registered for billing amount notices.').waitFor();
  await settings.getByRole('button', { name: 'Register address' }).waitFor();
  await c.shot('deleted');
}

journeys('demo portal in Chromium (playwright-core): the notice email', {
  'notice-register': { title: 'notice email: corporate, from a breakdown, registers an Internet address, opens the mailed link, the number typed with dashes is accepted', run: register },
  'notice-wrong-number': { title: 'notice email: a wrong number is refused next to the field with the number kept; corrected in full-width digits it is accepted', run: wrongNumber },
  'notice-expired': { title: 'notice email: the link opened 24 hours later is refused; starting again leads to the login and a fresh registration', run: expired },
  'notice-change-delete': { title: 'notice email: the registered address changed (confirmed with full-width digits and dashes), then deleted', run: changeAndDelete },
});
