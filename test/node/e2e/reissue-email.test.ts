/**
 * End to end, the email address to reissue a login password (user guide,
 * §5 Registration / change of email address to reissue a login password;
 * docs/spec/user-guide.md) changed and deleted by an established customer,
 * in the served demo portal, at 360 px and 1280 px, by clicks and by
 * keyboard alone. (Its first registration is part of the postcard journey in
 * `portal.test.ts`.) See `harness.ts`.
 */
import assert from 'node:assert/strict';
import { journeys, type Customer } from './harness.js';
import { mailLink, pressInMailbox } from './steps.js';

/** Established: the reissue email changed (confirmed after a wrong answer), then deleted. */
async function changeAndDelete(c: Customer): Promise<void> {
  const { page } = c;
  await c.login('taro2024', 'Sakura2024!');
  await c.press(page.locator('wb-top').getByRole('button', { name: 'Email for password reissue' }));
  await page.waitForURL(/#\/reissue-email$/);
  const reissue = page.locator('wb-reissue-email');
  await reissue.locator('[part~="registered-email"]').getByText(/^Registered: t\S*@example\.jp$/).waitFor();
  await reissue.getByText('Secret question: What was the name of your first pet?').waitFor();
  await c.shot('registered');

  await c.press(reissue.getByRole('button', { name: 'Change' }));
  await reissue.getByRole('heading', { name: 'Change the email address to reissue a login password' }).waitFor();
  await c.fill(reissue.locator('input[name="email"]'), 'taro@home.example');
  await c.fill(reissue.locator('input[name="emailConfirm"]'), 'taro@home.example');
  await c.select(reissue.locator('select[name="questionId"]'), 'elementary-school');
  await c.fill(reissue.locator('input[name="answer"]'), 'Sakura Elementary');
  await c.shot('change');
  await c.press(reissue.getByRole('button', { name: 'Confirm' }));
  await reissue.getByRole('heading', { name: 'Check what you entered' }).waitFor();
  await reissue.getByText('taro@home.example').waitFor();
  await c.press(reissue.getByRole('button', { name: 'Update' }));
  await reissue.getByRole('heading', { name: 'Please check your email' }).waitFor();
  await c.shot('sent');

  await pressInMailbox(c, mailLink(c, 'reissue-email'));
  await page.waitForURL(/#\/confirm$/);
  const confirm = page.locator('wb-reissue-email');
  await confirm.getByRole('heading', { name: 'Complete the registration' }).waitFor();
  // A wrong answer: refused next to the answer, which (a secret) is cleared; the chosen question is kept.
  const answer = confirm.locator('input[name="answer"]');
  await c.select(confirm.locator('select[name="questionId"]'), 'elementary-school');
  await c.fill(answer, 'Sakura');
  await c.press(confirm.getByRole('button', { name: 'Register' }));
  await confirm
    .locator('[part~="answer-field"] [part~="error"]')
    .getByText('The secret question or the answer does not match what you registered.', { exact: false })
    .waitFor();
  assert.equal(await confirm.locator('select[name="questionId"]').inputValue(), 'elementary-school', 'the chosen question is kept');
  assert.equal(await answer.inputValue(), '', 'the wrong answer is cleared');
  await c.assertFocus(answer, 'the focus is on the refused answer');
  await c.shot('wrong-answer');
  await c.fill(answer, 'Sakura Elementary');
  await c.press(confirm.getByRole('button', { name: 'Register' }));
  await confirm.getByRole('heading', { name: 'Registration completed' }).waitFor();
  await c.shot('completed');

  // Back to it through the portal's nav: the new address, then deleted (kept once first).
  await c.press(page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Reissue email' }), { backwards: true });
  const settings = page.locator('wb-reissue-email');
  await settings.locator('[part~="registered-email"]').getByText(/^Registered: t\S*@home\.example$/).waitFor();
  await settings.getByText('Secret question: What is the name of the elementary school you graduated from?').waitFor();
  await c.press(settings.getByRole('button', { name: 'Delete' }));
  await settings.getByRole('heading', { name: 'Delete the email address to reissue a login password?' }).waitFor();
  await c.shot('delete');
  await c.press(settings.getByRole('button', { name: 'Keep it' }));
  await settings.locator('[part~="registered-email"]').waitFor();
  await c.press(settings.getByRole('button', { name: 'Delete' }));
  await c.press(settings.locator('button[type="submit"]'));
  await settings.getByText('The email address to reissue a login password was deleted.').waitFor();
  assert.equal(await settings.locator('[part~="registered-email"]').count(), 0, 'no address registered any more');
  await c.shot('deleted');
}

journeys('demo portal in Chromium (playwright-core): the reissue email', {
  'reissue-email-change-delete': {
    title: 'reissue email: the registered address changed (a wrong answer refused next to the field, then confirmed), then deleted',
    run: changeAndDelete,
  },
});
