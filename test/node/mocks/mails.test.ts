import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClock } from '../../../mocks/clock.js';
import * as mails from '../../../mocks/mails.js';
import { createOutbox } from '../../../mocks/outbox.js';
import { MAIL_SENDER } from '../../../src/contract/rules.js';
import type { OutboxMail } from '../../../src/contract/dev.js';
import { asSetUpPostcard, assertOk, call, freshBackend, mailsTo } from './helpers.js';

const at = new Date('2026-11-20T01:00:00Z');
/** One mail of every kind, as the handlers make them. */
const EVERY_KIND: Record<OutboxMail['kind'], () => mails.MailText> = {
  'reissue-email-confirm': () => mails.reissueEmailConfirmMail('http://localhost/confirm?token=t', at),
  'reissue-email-registered': () => mails.reissueEmailRegisteredMail(),
  'notice-email-confirm': () => mails.noticeEmailConfirmMail('http://localhost/confirm?token=t', at),
  'notice-email-registered': () => mails.noticeEmailRegisteredMail('mobile'),
  'notice-monthly-amount': () => mails.noticeMonthlyAmountMail({ customerName: '山田 太郎', month: '2026-11', amount: 5400, dueDate: '2026-12-26' }),
  'password-reissued': () => mails.passwordReissuedMail('Tmp12345', 24),
  'credentials-changed': () => mails.credentialsChangedMail('password', at),
  'registration-changed': () => mails.registrationChangedMail('notice-email', { kind: 'deleted' }, at),
};

function sendAll(senderName?: string): OutboxMail[] {
  const outbox = createOutbox(createClock(at), senderName);
  return Object.entries(EVERY_KIND).map(([kind, make]) => outbox.send({ to: 'a@example.jp', kind: kind as OutboxMail['kind'], ...make() }));
}

describe('mail sender name', () => {
  it('starts every kind of mail subject with the same prefix, "Web Billing" by default', () => {
    for (const mail of sendAll()) {
      assert.match(mail.subject.en, /^\[Web Billing\] \S/, mail.kind);
      assert.match(mail.subject.ja, /^【Ｗｅｂビリング】\S/, mail.kind);
      assert.doesNotMatch(mail.subject.en.slice(1), /\[|NTT Finance/, `${mail.kind}: one prefix`);
      assert.doesNotMatch(mail.subject.ja.slice(1), /【|ＮＴＴファイナンス/, `${mail.kind}: one prefix`);
      assert.equal(mail.from, `Web Billing <${MAIL_SENDER}>`);
    }
  });

  it('uses the senderName option of createBackend in subjects and the From name', async () => {
    const b = freshBackend({ senderName: 'Example Telecom' });
    const token = await asSetUpPostcard(b);
    const email = 'hanako@example.jp';
    assertOk(await call(b, 'reissueEmail.register', { token, body: { email, emailConfirm: email, questionId: 'favorite-food', answer: 'Udon' } }));
    const [mail] = mailsTo(b, email, 'reissue-email-confirm');
    assert.ok(mail);
    assert.equal(mail.subject.en, '[Example Telecom] Confirm your email address for password reissue');
    assert.equal(mail.subject.ja, '【Example Telecom】ログインパスワード再発行用メールアドレス登録のご確認');
    assert.equal(mail.from, `Example Telecom <${MAIL_SENDER}>`);
    for (const other of sendAll('Example Telecom')) assert.ok(other.subject.en.startsWith('[Example Telecom] '), other.kind);
  });
});

describe('mail copy', () => {
  it('counts hours in the singular for one', () => {
    assert.match(mails.passwordReissuedMail('Tmp12345', 1).body.en, /\(It logs in for 1 hour\.\)/);
    assert.match(mails.passwordReissuedMail('Tmp12345', 24).body.en, /\(It logs in for 24 hours\.\)/);
  });
});
