// Every change of the login ID, the password or an email registration mails
// the registered address, saying what changed and when, without the secret
// (OWASP ASVS 5.0 6.3.6). Read from the outbox.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_ACCOUNTS } from '../../../mocks/index.js';
import { formatInstant } from '../../../mocks/mails.js';
import { asCorp, asTaro, assertOk, call, freshBackend, mailsTo, tokenOf } from '../mocks/helpers.js';

const { established, corporate } = DEMO_ACCOUNTS;

describe('notifications', () => {
  it('mails the reissue address on a password change, with the time and without either password', async () => {
    const b = freshBackend();
    const token = await asTaro(b);
    assertOk(await call(b, 'credentials.changePassword', { token, body: { currentPassword: established.password, newPassword: 'Kaede2026!!', newPasswordConfirm: 'Kaede2026!!' } }));
    const [mail] = mailsTo(b, established.reissueEmail.email, 'credentials-changed');
    assert.ok(mail, 'a credentials-changed mail');
    const text = JSON.stringify(mail);
    assert.ok(!text.includes('Kaede2026!!') && !text.includes(established.password));
    assert.ok(mail.body.ja.includes(formatInstant(b.clock.now()).ja), 'says when');
    assert.match(mail.body.en, /password/i);
  });

  it('mails the new address when a reissue email registration is confirmed, without the answer or the link token', async () => {
    const b = freshBackend();
    const token = await asCorp(b);
    assertOk(await call(b, 'reissueEmail.change', { token, body: { email: 'new@corp.example', emailConfirm: 'new@corp.example', questionId: 'first-pet', answer: 'Hachiko' } }));
    const link = tokenOf(mailsTo(b, 'new@corp.example', 'reissue-email-confirm')[0]);
    assertOk(await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'first-pet', answer: 'Hachiko' } }));
    const [done] = mailsTo(b, 'new@corp.example', 'reissue-email-registered');
    assert.ok(done);
    const text = JSON.stringify(done).toLowerCase();
    assert.ok(!text.includes('hachiko') && !text.includes(link.toLowerCase()));
  });

  it('mails the notice address when its registration is confirmed, without the registered number', async () => {
    const b = freshBackend();
    const token = await asCorp(b);
    assertOk(await call(b, 'noticeEmail.register', { token, body: { type: 'internet', email: 'bill@corp.example' } }));
    const link = tokenOf(mailsTo(b, 'bill@corp.example', 'notice-email-confirm')[0]);
    assertOk(await call(b, 'noticeEmail.confirm', { body: { token: link, registeredNumber: corporate.registeredNumber.number } }));
    const [done] = mailsTo(b, 'bill@corp.example', 'notice-email-registered');
    assert.ok(done);
    assert.ok(!JSON.stringify(done).includes(corporate.registeredNumber.number));
  });

  for (const which of ['reissueEmail', 'noticeEmail'] as const) {
    const old = which === 'reissueEmail' ? established.reissueEmail.email : established.noticeEmail.email;
    const body =
      which === 'reissueEmail'
        ? { email: 'moved@taro.example', emailConfirm: 'moved@taro.example', questionId: 'first-pet', answer: 'Pochi' }
        : { type: 'internet' as const, email: 'moved@taro.example' };

    it(`mails the old ${which} address, masked new address and time included, when a change is confirmed`, async () => {
      const b = freshBackend();
      const token = await asTaro(b);
      assertOk(await call(b, `${which}.change`, { token, body }));
      const link = tokenOf(mailsTo(b, 'moved@taro.example').at(-1));
      const confirm =
        which === 'reissueEmail'
          ? { token: link, questionId: 'first-pet', answer: 'Pochi' }
          : { token: link, registeredNumber: established.registeredNumber.number };
      assertOk(await call(b, `${which}.confirm`, { body: confirm }));
      const [mail] = mailsTo(b, old, 'registration-changed');
      assert.ok(mail, `a registration-changed mail to ${old}`);
      assert.ok(mail.body.en.includes('mo***@taro.example') && !JSON.stringify(mail).includes('moved@taro.example'));
      assert.ok(mail.body.ja.includes(formatInstant(b.clock.now()).ja));
      assert.ok(!JSON.stringify(mail).toLowerCase().includes('pochi'));
    });

    it(`mails the ${which} address when its registration is deleted`, async () => {
      const b = freshBackend();
      const token = await asTaro(b);
      assertOk(await call(b, `${which}.delete`, { token }));
      const [mail] = mailsTo(b, old, 'registration-changed');
      assert.ok(mail);
      assert.match(mail.body.en, /was deleted/);
    });
  }
});
