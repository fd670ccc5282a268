import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_ACCOUNTS, type Backend } from '../../../mocks/index.js';
import { MAIL_SENDER } from '../../../src/contract/rules.js';
import { asCorp, asTaro, assertError, assertOk, call, DAY, freshBackend, mailsTo, tokenOf } from './helpers.js';

const NOTICE = DEMO_ACCOUNTS.established.noticeEmail.email;

async function corpPending(b: Backend): Promise<{ token: string; link: string }> {
  const token = await asCorp(b);
  assertOk(await call(b, 'noticeEmail.register', { token, body: { type: 'internet', email: 'bill@corp.example' } }));
  return { token, link: tokenOf(mailsTo(b, 'bill@corp.example', 'notice-email-confirm').at(-1)) };
}

/** After a confirmed registration: a change, pending with a new link. */
async function corpPendingAgain(b: Backend): Promise<{ link: string }> {
  const token = await asCorp(b);
  assertOk(await call(b, 'noticeEmail.change', { token, body: { type: 'internet', email: 'bill2@corp.example' } }));
  return { link: tokenOf(mailsTo(b, 'bill2@corp.example', 'notice-email-confirm').at(-1)) };
}

const monthlyMails = (b: Backend, to = NOTICE) => mailsTo(b, to, 'notice-monthly-amount');

describe('billing-notice email', () => {
  it('shows the registration with its type, the masked address and the service sender', async () => {
    const b = freshBackend();
    const reply = await call(b, 'noticeEmail.status', { token: await asTaro(b) });
    assert.deepEqual(reply.body, { state: 'registered', type: 'mobile', email: 'ta***@docomo.example', sender: MAIL_SENDER });
  });

  it('registers temporarily and mails the user guide\'s temporary-registration text with a 24-hour link', async () => {
    const b = freshBackend();
    const token = await asCorp(b);
    const reply = await call(b, 'noticeEmail.register', { token, body: { type: 'internet', email: 'bill@corp.example' } });
    assert.equal(reply.body.state, 'pending');
    assert.equal(reply.body.pendingType, 'internet');
    const [mail] = mailsTo(b, 'bill@corp.example', 'notice-email-confirm');
    assert.ok(mail);
    // The user guide's text (§4 Email address for billing amount notices; docs/spec/user-guide.md),
    // with the sender's name (here the default) where the guide has NTT Finance.
    assert.ok(mail.body.ja.startsWith('Ｗｅｂビリングの「ご請求額お知らせメール」の仮登録が完了いたしました。'));
    assert.match(mail.body.ja, /２４時間以内/);
    assert.equal(new URL(mail.link!).searchParams.get('purpose'), 'notice-email');
  });

  it('confirms with the registered number and mails the completion notice', async () => {
    const b = freshBackend();
    const { token, link } = await corpPending(b);
    const reply = await call(b, 'noticeEmail.confirm', { body: { token: link, registeredNumber: '0012345678' } });
    assert.deepEqual(reply.body, { state: 'registered', type: 'internet', email: 'bi***@corp.example', sender: MAIL_SENDER });
    const [done] = mailsTo(b, 'bill@corp.example', 'notice-email-registered');
    assert.ok(done?.body.ja.includes('本登録が完了いたしました'));
    assert.equal((await call(b, 'noticeEmail.status', { token })).body.state, 'registered');
    assertError(await call(b, 'noticeEmail.confirm', { body: { token: link, registeredNumber: '0012345678' } }), 'link_expired');
  });

  it('refuses a number with dashes as invalid_format and a different number as wrong_number, keeping the link', async () => {
    const b = freshBackend();
    const { link } = await corpPending(b);
    assertError(await call(b, 'noticeEmail.confirm', { body: { token: link, registeredNumber: '001-2345-678' } }), 'validation_failed', ['registeredNumber:invalid_format']);
    assertError(await call(b, 'noticeEmail.confirm', { body: { token: link, registeredNumber: '0099999999' } }), 'validation_failed', ['registeredNumber:wrong_number']);
    assertError(await call(b, 'noticeEmail.confirm', { body: { token: link, registeredNumber: '' } }), 'validation_failed', ['registeredNumber:required']);
    assertOk(await call(b, 'noticeEmail.confirm', { body: { token: link, registeredNumber: '0012345678' } }));
  });

  it('checks a link without using it (GET /notice-email/confirm), and answers 410 for a used, expired or foreign one', async () => {
    const b = freshBackend();
    const { link } = await corpPending(b);
    for (let i = 0; i < 3; i++) {
      const reply = await call(b, 'noticeEmail.checkLink', { query: { token: link } });
      assertOk(reply);
      assert.equal(reply.body.valid, true);
      assert.equal(reply.body.purpose, 'notice-email');
      assert.ok(Date.parse(reply.body.expiresAt) > b.clock.now().getTime());
    }
    assertError(await call(b, 'reissueEmail.checkLink', { query: { token: link } }), 'link_expired');
    assertError(await call(b, 'noticeEmail.checkLink', { query: { token: 'x'.repeat(43) } }), 'link_expired');
    assertOk(await call(b, 'noticeEmail.confirm', { body: { token: link, registeredNumber: '0012345678' } }));
    assertError(await call(b, 'noticeEmail.checkLink', { query: { token: link } }), 'link_expired');
    const { link: later } = await corpPendingAgain(b);
    b.clock.advance(DAY + 1000);
    assertError(await call(b, 'noticeEmail.checkLink', { query: { token: later } }), 'link_expired');
  });

  it('refuses the link after 24 hours', async () => {
    const b = freshBackend();
    const { link } = await corpPending(b);
    b.clock.advance(DAY + 1000);
    assertError(await call(b, 'noticeEmail.confirm', { body: { token: link, registeredNumber: '0012345678' } }), 'link_expired');
  });

  it('at exactly 24 hours refuses the link and no longer reports the registration as pending', async () => {
    const b = freshBackend();
    const { link } = await corpPending(b);
    b.clock.advance(DAY);
    assertError(await call(b, 'noticeEmail.confirm', { body: { token: link, registeredNumber: '0012345678' } }), 'link_expired');
    // A fresh login: the first session idled out during the 24 hours.
    const again = await asCorp(b);
    const status = (await call(b, 'noticeEmail.status', { token: again })).body as { state: string; pendingEmail?: string };
    assert.equal(status.state, 'none');
    assert.equal(status.pendingEmail, undefined);
  });

  it('validates the address and the type', async () => {
    const b = freshBackend();
    const token = await asCorp(b);
    assertError(await call(b, 'noticeEmail.register', { token, body: { type: 'internet', email: 'bill@' } }), 'validation_failed', ['email:invalid_format']);
    assertError(await call(b, 'noticeEmail.register', { token, body: { type: 'fax', email: 'bill@corp.example' } }), 'validation_failed', ['type:invalid_format']);
  });

  it('answers 409 to register when confirmed, 404 to change or delete when nothing is registered', async () => {
    const b = freshBackend();
    assertError(await call(b, 'noticeEmail.register', { token: await asTaro(b), body: { type: 'mobile', email: 'x@docomo.example' } }), 'conflict');
    const token = await asCorp(b);
    assertError(await call(b, 'noticeEmail.change', { token, body: { type: 'mobile', email: 'x@docomo.example' } }), 'not_found');
    assertError(await call(b, 'noticeEmail.delete', { token }), 'not_found');
  });

  it('changes and deletes a registration', async () => {
    const b = freshBackend();
    const token = await asTaro(b);
    const changed = await call(b, 'noticeEmail.change', { token, body: { type: 'internet', email: 'taro@home.example' } });
    assert.equal(changed.body.state, 'registered');
    assert.equal(changed.body.pendingEmail, 'ta***@home.example');
    assertOk(await call(b, 'noticeEmail.confirm', { body: { token: tokenOf(mailsTo(b, 'taro@home.example')[0]), registeredNumber: '09012345678' } }));
    assert.equal((await call(b, 'noticeEmail.status', { token })).body.type, 'internet');
    assertOk(await call(b, 'noticeEmail.delete', { token }));
    assert.deepEqual((await call(b, 'noticeEmail.status', { token })).body, { state: 'none', sender: MAIL_SENDER });
  });
});

describe('monthly amount mail', () => {
  it('goes out when the clock passes 14 days before the due date, with that month\'s amount, once per month', async () => {
    const b = freshBackend(); // 2026-11-20; December's bill is due 2026-12-26, its mail goes out 2026-12-12 00:00 JST
    b.clock.set('2026-12-11T23:59:59+09:00');
    assert.equal(monthlyMails(b).length, 0);
    b.clock.advance(1000);
    const [mail] = monthlyMails(b);
    assert.ok(mail, 'the December mail went out');
    const history = await call(b, 'billing.history', { token: await asTaro(b) });
    const december = history.body.months.find((m: { month: string }) => m.month === '2026-12');
    assert.ok(mail.body.ja.includes(`${december.amount.toLocaleString('en-US')}円`), mail.body.ja);
    assert.ok(mail.body.ja.includes('2026年12月26日'));
    assert.ok(mail.body.en.includes('26 December 2026'));
    b.clock.advance(10 * DAY);
    assert.equal(monthlyMails(b).length, 1, 'no second mail in the same month');
    b.clock.set('2027-01-12T00:00:00+09:00');
    assert.equal(monthlyMails(b).length, 2);
  });

  it('sends one mail per month passed when the clock jumps, and only to confirmed addresses', async () => {
    const b = freshBackend();
    await corpPending(b); // pending only: no mails
    b.clock.advance(90 * DAY); // 2027-02-18: passes Dec 12, Jan 12 and Feb 12
    assert.deepEqual(
      monthlyMails(b).map((m) => m.subject.en),
      ['December 2026', 'January 2027', 'February 2027'].map((m) => `[Web Billing] Your billing amount for ${m}`),
    );
    assert.equal(monthlyMails(b, 'bill@corp.example').length, 0);
  });

  it('goes out through POST /_dev/clock too', async () => {
    const b = freshBackend();
    assertOk(await call(b, 'dev.clock', { body: { set: '2026-12-12T00:00:00+09:00' } }));
    assert.equal(monthlyMails(b).length, 1);
    const outbox = await call(b, 'dev.outbox');
    assert.equal(outbox.body.mails.filter((m: { kind: string }) => m.kind === 'notice-monthly-amount').length, 1);
  });
});
