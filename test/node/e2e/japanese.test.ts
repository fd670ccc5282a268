/**
 * End to end, in Japanese on every screen: the demo portal switched to
 * 日本語 on the login screen, then every screen of the user guide a
 * corporate customer reaches (top, billing list, breakdown with its line
 * picker, summary, the notice email with its mailed link and completion,
 * the reissue email, the password change and its completion, log out, the
 * password reissue), each checked for its Japanese heading and buttons, and
 * each completion left by its "トップ画面へ" button. See `harness.ts`.
 */
import assert from 'node:assert/strict';
import { journeys, type Customer } from './harness.js';
import { noticeLink, pressInMailbox, switchToJapanese } from './steps.js';

/** Every screen in Japanese, and every completion back to the top screen. */
async function everyScreen(c: Customer): Promise<void> {
  const { page } = c;
  const login = await switchToJapanese(c);
  await c.fill(login.locator('input[name="loginId"]'), 'corp-admin1');
  await c.fill(login.locator('input[name="password"]'), 'Corp2026pass');
  await c.press(login.getByRole('button', { name: 'ログイン', exact: true }));

  // Top.
  const top = page.locator('wb-top');
  await top.getByText('ご登録のお客さま番号（契約番号）').waitFor();
  await top.getByRole('heading', { name: '会員メニュー' }).waitFor();
  await c.shot('ja-top');
  await c.press(top.getByRole('button', { name: 'ご請求内容を見る' }));

  // Billing list, then the newest breakdown with its line picker.
  const list = page.locator('wb-billing-list');
  await list.getByRole('heading', { name: '過去15か月のご請求金額' }).waitFor();
  await c.shot('ja-billing-list');
  await c.press(list.locator('[part~="breakdown-button"]').first());
  await page.waitForURL(/#\/breakdown\/\d{4}-\d{2}$/);
  const breakdown = page.locator('wb-breakdown');
  await breakdown.getByRole('heading', { name: /\d{4}年\d{1,2}月の請求内訳/ }).waitFor();
  await page.locator('wb-line-picker').getByLabel('表示する回線番号・通信会社').waitFor();
  // 128 lines under the open company: "すべて閉じる" first, then back up to the summary switch by the title.
  await c.press(breakdown.getByRole('button', { name: 'すべて閉じる' }));
  await c.shot('ja-breakdown');

  // The summary, and from it the notice email.
  await c.press(breakdown.locator('[part~="summary-button"]'), { backwards: true });
  const summary = page.locator('wb-billing-summary');
  await summary.getByRole('heading', { name: /\d{4}年\d{1,2}月のご請求概要/ }).waitFor();
  assert.match((await summary.locator('[part~="totals"]').textContent()) ?? '', /ご請求金額/);
  await c.shot('ja-summary');
  await c.press(summary.getByRole('button', { name: '請求金額お知らせメールのアドレス登録' }));
  await page.waitForURL(/#\/notice-email$/);
  const notice = page.locator('wb-notice-email');
  await notice.getByText('ご請求額お知らせメールアドレスは登録されていません。').waitFor();
  await c.press(notice.getByRole('button', { name: 'アドレスを登録する' }));
  await c.check(notice.getByRole('radio', { name: /^インターネット/ }));
  await c.fill(notice.locator('input[name="email"]'), 'keiri@corp.example');
  await c.press(notice.getByRole('button', { name: '次へ' }));
  await c.assertFocus(notice.getByRole('heading', { name: '入力内容の確認' }));
  await c.press(notice.getByRole('button', { name: '次へ' }));
  await notice.getByRole('heading', { name: '仮登録が完了しました' }).waitFor();
  await c.shot('ja-notice-sent');

  // The mailed link: the confirm step in Japanese, its completion, and the way on to the top screen.
  await pressInMailbox(c, noticeLink(c));
  await page.waitForURL(/#\/confirm$/);
  const confirm = page.locator('wb-notice-email');
  await confirm.getByRole('heading', { name: '本登録の手続き' }).waitFor();
  await c.fill(confirm.getByLabel(/登録電話番号またはお客さま番号/), '００１２３４５６７８');
  await c.press(confirm.getByRole('button', { name: '本登録を完了する' }));
  await confirm.getByRole('heading', { name: '本登録が完了しました' }).waitFor();
  await c.shot('ja-notice-completed');
  await c.press(confirm.getByRole('button', { name: 'トップ画面へ' }));
  await page.waitForURL(/#\/top$/);
  await top.getByRole('heading', { name: '会員メニュー' }).waitFor();

  // The reissue email screen from the membership menu (its form in Japanese).
  await c.press(top.getByRole('button', { name: 'パスワード再発行用メールアドレス' }));
  await page.waitForURL(/#\/reissue-email$/);
  const reissue = page.locator('wb-reissue-email');
  await reissue.getByRole('heading', { name: 'ログインパスワード再発行用メールアドレス' }).waitFor();
  await c.shot('ja-reissue-email');

  // The password change from the membership menu, its completion, and the way on.
  await page.goBack();
  await page.waitForURL(/#\/top$/);
  await c.press(top.getByRole('button', { name: 'パスワードの変更' }));
  await page.waitForURL(/#\/password-change$/);
  const change = page.locator('wb-password-change');
  await change.getByRole('heading', { name: 'ログインパスワードの変更' }).waitFor();
  await c.fill(change.locator('input[name="currentPassword"]'), 'Corp2026pass');
  await c.fill(change.locator('input[name="newPassword"]'), 'Corp2027pass');
  await c.fill(change.locator('input[name="newPasswordConfirm"]'), 'Corp2027pass');
  await c.press(change.getByRole('button', { name: '更新' }));
  await change.getByRole('heading', { name: 'パスワードの変更完了' }).waitFor();
  await c.shot('ja-password-changed');
  await c.press(change.getByRole('button', { name: 'トップ画面へ' }));
  await page.waitForURL(/#\/top$/);

  // Log out, then the password reissue from the login screen.
  await c.press(top.getByRole('button', { name: 'ログアウト' }));
  await login.getByRole('heading', { name: 'Web Billing ログイン' }).waitFor();
  await c.press(login.getByRole('button', { name: 'パスワードをお忘れの方' }));
  const forgot = page.locator('wb-password-reissue');
  await forgot.getByRole('heading', { name: 'ログインパスワードの再発行' }).waitFor();
  await c.shot('ja-password-reissue');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja', 'still Japanese after the journey');
}

journeys('demo portal in Chromium (playwright-core): Japanese on every screen', {
  'ja-every-screen': { title: 'Japanese: every screen of a corporate customer, each completion back to the top screen', run: everyScreen },
});
