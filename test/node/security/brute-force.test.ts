// The account lock against guessing. The backend looks login IDs up by
// their NFKC form, trimmed, and case-sensitively (mocks/secrets.ts loginKey):
// `ｔａｒｏ２０２４`, ` taro2024 ` and `taro2024` are one ID and share one
// failure count; `TARO2024` is another ID with a count of its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_ACCOUNTS } from '../../../mocks/index.js';
import { assertError, assertOk, call, freshBackend, mailsTo, withoutRequestId } from '../mocks/helpers.js';

const { established, locked } = DEMO_ACCOUNTS;
const WRONG = 'wrong-Pass1';

describe('brute force', () => {
  it('counts full-width, space-padded and ideographic-space variants of a login ID towards the same lock', async () => {
    const b = freshBackend();
    const variants = ['ｔａｒｏ２０２４', ' taro2024', 'taro2024\t', '\u3000taro2024\u3000', 'ｔａｒｏ2024 '];
    const remaining: Array<number | string> = [];
    for (const loginId of variants) {
      const reply = await call(b, 'auth.login', { body: { loginId, password: WRONG } });
      remaining.push(reply.body.error.details?.remainingAttempts ?? reply.body.error.code);
    }
    assert.deepEqual(remaining, [4, 3, 2, 1, 'account_locked']);
    for (const loginId of [established.loginId, ...variants]) {
      assertError(await call(b, 'auth.login', { body: { loginId, password: established.password } }), 'account_locked');
    }
  });

  it('treats a login ID in another case as another ID: its failures do not lock the real one, and it never logs in', async () => {
    const b = freshBackend();
    for (let i = 0; i < 6; i++) await call(b, 'auth.login', { body: { loginId: 'TARO2024', password: WRONG } });
    assertError(await call(b, 'auth.login', { body: { loginId: 'TARO2024', password: established.password } }), 'account_locked');
    assertOk(await call(b, 'auth.login', { body: { loginId: established.loginId, password: established.password } }));
  });

  it('answers a locked account alike (status and body) for the right and a wrong password', async () => {
    const b = freshBackend();
    const right = await call(b, 'auth.login', { body: { loginId: locked.loginId, password: locked.password } });
    const wrong = await call(b, 'auth.login', { body: { loginId: locked.loginId, password: WRONG } });
    assertError(right, 'account_locked');
    assert.equal(right.status, wrong.status);
    assert.deepEqual(withoutRequestId(right), withoutRequestId(wrong));
  });

  it('unlocks with a password reissue after a lock; the old password then stops working', async () => {
    const b = freshBackend();
    for (let i = 0; i < 5; i++) await call(b, 'auth.login', { body: { loginId: established.loginId, password: WRONG } });
    assertError(await call(b, 'auth.login', { body: { loginId: established.loginId, password: established.password } }), 'account_locked');
    const { email, questionId, answer } = established.reissueEmail;
    assertOk(await call(b, 'passwordReissue.request', { body: { loginId: established.loginId, email, questionId, answer } }));
    const temporary = mailsTo(b, email, 'password-reissued')[0]?.temporaryPassword;
    assert.ok(temporary);
    assertError(await call(b, 'auth.login', { body: { loginId: established.loginId, password: established.password } }), 'invalid_credentials');
    const login = await call(b, 'auth.login', { body: { loginId: established.loginId, password: temporary } });
    assert.equal(login.body.stage, 'password-change-required');
  });

  it('keeps the reissue way out open while the account is locked by a stranger', async () => {
    const b = freshBackend();
    // A stranger locks the ID from their own client...
    for (let i = 0; i < 8; i++) {
      await call(b, 'auth.login', { body: { loginId: established.loginId, password: WRONG } });
    }
    // ...and the customer still gets a temporary password.
    const { email, questionId, answer } = established.reissueEmail;
    assertOk(await call(b, 'passwordReissue.request', { body: { loginId: established.loginId, email, questionId, answer } }));
    assert.equal(mailsTo(b, email, 'password-reissued').length, 1);
  });
});
