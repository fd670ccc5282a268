import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClock } from '../../../mocks/clock.js';
import * as mails from '../../../mocks/mails.js';
import { createOutbox } from '../../../mocks/outbox.js';
import { MAIL_SENDER } from '../../../src/contract/rules.js';
import type { OutboxMail } from '../../../src/contract/dev.js';
import type { LocalizedText } from '../../../src/contract/types.js';
import { asSetUpPostcard, assertOk, call, freshBackend, mailsTo } from './helpers.js';

const at = new Date('2026-11-20T01:00:00Z');
type Sender = LocalizedText | undefined;
/** One mail of every kind, as the handlers make them (with the backend's sender name, or none for the default). */
const EVERY_KIND: Record<OutboxMail['kind'], (sender: Sender) => mails.MailText> = {
  'reissue-email-confirm': (sender) => mails.reissueEmailConfirmMail('http://localhost/confirm?token=t', at, sender),
  'reissue-email-registered': (sender) => mails.reissueEmailRegisteredMail(sender),
  'notice-email-confirm': (sender) => mails.noticeEmailConfirmMail('http://localhost/confirm?token=t', at, sender),
  'notice-email-registered': (sender) => mails.noticeEmailRegisteredMail('mobile', sender),
  'notice-monthly-amount': (sender) => mails.noticeMonthlyAmountMail({ customerName: '山田 太郎', month: '2026-11', amount: 5400, dueDate: '2026-12-26' }, sender),
  'password-reissued': (sender) => mails.passwordReissuedMail('Tmp12345', 24, sender),
  'credentials-changed': (sender) => mails.credentialsChangedMail('password', at, sender),
  'registration-changed': (sender) => mails.registrationChangedMail('notice-email', { kind: 'deleted' }, at, sender),
};

function sendAll(senderName?: string | LocalizedText): OutboxMail[] {
  const outbox = createOutbox(createClock(at), senderName);
  const sender = senderName === undefined ? undefined : mails.senderNameOf(senderName);
  return Object.entries(EVERY_KIND).map(([kind, make]) => outbox.send({ to: 'a@example.jp', kind: kind as OutboxMail['kind'], ...make(sender) }));
}

/** The kinds whose body ends with the signature and the inquiry desk. */
const SIGNED: OutboxMail['kind'][] = ['reissue-email-confirm', 'reissue-email-registered', 'notice-monthly-amount', 'password-reissued', 'credentials-changed', 'registration-changed'];

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
    assert.match(mail.body.en, /^Thank you for using Example Telecom\./);
    assert.match(mail.body.ja, /^「Example Telecom」をご利用いただきありがとうございます。/);
    assert.doesNotMatch(mail.body.en + mail.body.ja, /NTT|ＮＴＴ/);
  });

  it('names the sender, not NTT Finance, in every kind of mail body, and signs with it', () => {
    const sender = { ja: '例テレコム', en: 'Example Telecom' };
    for (const mail of sendAll(sender)) {
      assert.doesNotMatch(mail.body.en, /NTT Finance/, mail.kind);
      assert.doesNotMatch(mail.body.ja, /ＮＴＴファイナンス|NTT/, mail.kind);
      assert.ok(mail.body.en.includes('Example Telecom'), `${mail.kind} (en) names the sender`);
      assert.ok(mail.body.ja.includes('例テレコム'), `${mail.kind} (ja) names the sender`);
      if (!SIGNED.includes(mail.kind)) continue;
      assert.match(mail.body.en, /\n--\nExample Telecom\nInquiries: 0800-333-0030 \(/, `${mail.kind} (en) signature`);
      assert.match(mail.body.ja, /\n―+\n例テレコム\nお問い合わせ：0800-333-0030（/, `${mail.kind} (ja) signature`);
    }
  });

  it('names and signs with "Web Billing" by default, the default sender name', () => {
    for (const mail of sendAll()) {
      assert.doesNotMatch(mail.body.en + mail.body.ja, /NTT|ＮＴＴ/, mail.kind);
      assert.ok(mail.body.en.includes('Web Billing'), mail.kind);
      assert.ok(mail.body.ja.includes('Ｗｅｂビリング'), mail.kind);
      if (SIGNED.includes(mail.kind)) assert.match(mail.body.en, /\n--\nWeb Billing\nInquiries: /, mail.kind);
    }
  });
});

describe('mail copy', () => {
  it('writes instants in Japan time, dates and months in both languages, unchanged across midnight and the year end', () => {
    assert.deepEqual(mails.formatInstant(new Date('2026-11-19T15:00:00Z')), { ja: '2026年11月20日 00:00', en: '20 November 2026, 00:00 JST' });
    assert.deepEqual(mails.formatInstant(new Date('2026-12-31T14:59:59Z')), { ja: '2026年12月31日 23:59', en: '31 December 2026, 23:59 JST' });
    assert.deepEqual(mails.formatInstant(new Date('2026-12-31T15:05:00Z')), { ja: '2027年1月1日 00:05', en: '1 January 2027, 00:05 JST' });
    assert.deepEqual(mails.formatDate('2026-02-03'), { ja: '2026年2月3日', en: '3 February 2026' });
    assert.deepEqual(mails.formatMonth('2026-09'), { ja: '2026年9月', en: 'September 2026' });
  });


  it('counts hours in the singular for one', () => {
    assert.match(mails.passwordReissuedMail('Tmp12345', 1).body.en, /\(It logs in for 1 hour\.\)/);
    assert.match(mails.passwordReissuedMail('Tmp12345', 24).body.en, /\(It logs in for 24 hours\.\)/);
  });
});
