import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_ACCOUNTS } from '../../../mocks/index.js';
import { allPass, checkCredential, DEFAULT_CREDENTIAL_POLICY } from '../../../src/contract/rules.js';
import { asTaro, assertError, assertOk, call, freshBackend, mailsTo, withoutRequestId } from './helpers.js';

const { locked, established } = DEMO_ACCOUNTS;
const lockedRequest = {
  loginId: locked.loginId,
  email: locked.reissueEmail.email,
  questionId: locked.reissueEmail.questionId,
  answer: locked.reissueEmail.answer,
};

describe('password reissue', () => {
  it('answers 202 with the same body for an unknown ID, a wrong email, question or answer, and a full match', async () => {
    const b = freshBackend();
    const attempts = [
      { ...lockedRequest, loginId: 'nobody2024' },
      { ...lockedRequest, email: 'other@example.jp' },
      { ...lockedRequest, questionId: 'first-pet' },
      { ...lockedRequest, answer: 'Osaka' },
      { ...lockedRequest, loginId: DEMO_ACCOUNTS.postcard.loginId },
      lockedRequest,
    ];
    const replies = [];
    for (const body of attempts) replies.push(await call(b, 'passwordReissue.request', { body }));
    for (const reply of replies) {
      assert.equal(reply.status, 202);
      assert.deepEqual(withoutRequestId(reply), { accepted: true });
      assert.equal(reply.headers.get('content-type'), replies[0]!.headers.get('content-type'));
    }
    assert.equal(b.outbox.list().length, 1, 'only the full match sent a mail');
  });

  it('unlocks the locked account with a mailed temporary password that forces a password change', async () => {
    const b = freshBackend();
    assertError(await call(b, 'auth.login', { body: { loginId: locked.loginId, password: locked.password } }), 'account_locked');
    // Email in another case, answer in full width with spaces: still a match.
    assertOk(await call(b, 'passwordReissue.request', { body: { ...lockedRequest, email: 'LOCKED@example.jp', answer: ' ｔｏｋｙｏ ' } }));
    const [mail] = mailsTo(b, locked.reissueEmail.email, 'password-reissued');
    const temporary = mail?.temporaryPassword;
    assert.ok(temporary, 'the mail carries the temporary password');
    assert.ok(mail.body.ja.includes(temporary) && mail.body.en.includes(temporary));
    assert.equal(temporary.length, 12);
    assert.ok(allPass(checkCredential('password', temporary, DEFAULT_CREDENTIAL_POLICY, locked.loginId)));

    assertError(await call(b, 'auth.login', { body: { loginId: locked.loginId, password: locked.password } }), 'invalid_credentials');
    const login = await call(b, 'auth.login', { body: { loginId: locked.loginId, password: temporary } });
    assert.equal(login.body.stage, 'password-change-required');
    const token = login.body.token as string;
    assertError(await call(b, 'billing.history', { token }), 'credential_change_required');
    assertOk(await call(b, 'auth.session', { token }));

    const changed = await call(b, 'credentials.changePassword', {
      token,
      body: { currentPassword: temporary, newPassword: 'Unlocked2026', newPasswordConfirm: 'Unlocked2026' },
    });
    assert.deepEqual(changed.body, { stage: 'active' });
    assertOk(await call(b, 'billing.history', { token }));
    assertError(await call(b, 'auth.login', { body: { loginId: locked.loginId, password: temporary } }), 'invalid_credentials');
    assertOk(await call(b, 'auth.login', { body: { loginId: locked.loginId, password: 'Unlocked2026' } }));
  });

  it('unlocks an account locked by failed logins and ends its sessions', async () => {
    const b = freshBackend();
    const session = await asTaro(b);
    for (let i = 0; i < 5; i++) await call(b, 'auth.login', { body: { loginId: established.loginId, password: 'wrong-pass1' } });
    assertError(await call(b, 'auth.login', { body: { loginId: established.loginId, password: established.password } }), 'account_locked');
    const { email, questionId, answer } = established.reissueEmail;
    assertOk(await call(b, 'passwordReissue.request', { body: { loginId: established.loginId, email, questionId, answer } }));
    assertError(await call(b, 'auth.session', { token: session }), 'session_expired');
    const [mail] = mailsTo(b, email, 'password-reissued');
    const login = await call(b, 'auth.login', { body: { loginId: established.loginId, password: mail!.temporaryPassword! } });
    assert.equal(login.body.stage, 'password-change-required');
  });

  it('asks for every field, without telling whether anything matched', async () => {
    const b = freshBackend();
    assertError(await call(b, 'passwordReissue.request', { body: { loginId: '', email: 'nope', questionId: '', answer: '' } }), 'validation_failed', [
      'loginId:required',
      'email:invalid_format',
      'questionId:required',
      'answer:required',
    ]);
  });
});
