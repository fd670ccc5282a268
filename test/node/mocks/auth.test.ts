import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_ACCOUNTS } from '../../../mocks/index.js';
import { SESSION_IDLE_MINUTES } from '../../../src/contract/rules.js';
import { asTaro, assertError, assertOk, call, freshBackend, requestFor, send, withoutRequestId } from './helpers.js';

const MINUTE = 60_000;
const { postcard, established, locked } = DEMO_ACCOUNTS;

describe('login', () => {
  it('logs in with the postcard credentials at stage credential-setup-required, on both login endpoints', async () => {
    const b = freshBackend();
    const initial = await call(b, 'auth.initialLogin', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } });
    assert.equal(initial.body.stage, 'credential-setup-required');
    assert.equal(initial.body.loginId, postcard.loginId);
    const plain = await call(b, 'auth.login', { body: { loginId: postcard.loginId, password: postcard.password } });
    assert.equal(plain.body.stage, 'credential-setup-required');
  });

  it('issues 256-bit base64url tokens that expire after the idle timeout', async () => {
    const b = freshBackend();
    const reply = await call(b, 'auth.login', { body: { loginId: established.loginId, password: established.password } });
    assert.match(reply.body.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Date.parse(reply.body.expiresAt) - b.clock.now().getTime(), SESSION_IDLE_MINUTES * MINUTE);
    assert.equal(reply.body.stage, 'active');
  });

  it('refuses postcard credentials of the wrong shape with not_initial_credential', async () => {
    const b = freshBackend();
    const reply = await call(b, 'auth.initialLogin', { body: { initialLoginId: 'taro2024', initialPassword: 'short' } });
    assertError(reply, 'validation_failed', ['initialLoginId:not_initial_credential', 'initialPassword:not_initial_credential']);
  });

  it('does not accept chosen credentials on the postcard endpoint', async () => {
    const b = freshBackend();
    // A 7-character chosen ID with an 8-character password has the postcard shape but is not a postcard.
    const reply = await call(b, 'auth.initialLogin', { body: { initialLoginId: 'taro202', initialPassword: 'Sakura20' } });
    assertError(reply, 'invalid_credentials');
  });

  it('asks for missing login fields with required', async () => {
    const b = freshBackend();
    assertError(await call(b, 'auth.login', { body: { loginId: ' ', password: '' } }), 'validation_failed', ['loginId:required', 'password:required']);
  });

  it('finds login IDs typed in full-width characters (NFKC) but keeps them case-sensitive', async () => {
    const b = freshBackend();
    assertOk(await call(b, 'auth.login', { body: { loginId: 'ｔａｒｏ２０２４ ', password: established.password } }));
    assertError(await call(b, 'auth.login', { body: { loginId: 'TARO2024', password: established.password } }), 'invalid_credentials');
  });
});

describe('account lock', () => {
  it('locks the account after 5 failed logins, then refuses the right password too', async () => {
    const b = freshBackend();
    const remaining: number[] = [];
    for (let i = 0; i < 4; i++) {
      const reply = await call(b, 'auth.login', { body: { loginId: established.loginId, password: 'wrong-password1' } });
      assertError(reply, 'invalid_credentials');
      remaining.push(reply.body.error.details.remainingAttempts);
    }
    assert.deepEqual(remaining, [4, 3, 2, 1]);
    assertError(await call(b, 'auth.login', { body: { loginId: established.loginId, password: 'wrong-password1' } }), 'account_locked');
    assertError(await call(b, 'auth.login', { body: { loginId: established.loginId, password: established.password } }), 'account_locked');
  });

  it('answers the seeded locked account with 423 for right and wrong passwords alike', async () => {
    const b = freshBackend();
    const right = await call(b, 'auth.login', { body: { loginId: locked.loginId, password: locked.password } });
    const wrong = await call(b, 'auth.login', { body: { loginId: locked.loginId, password: 'Wrong2026' } });
    assertError(right, 'account_locked');
    assert.deepEqual(withoutRequestId(right), withoutRequestId(wrong));
  });

  it('answers an unknown login ID exactly like a known one with a wrong password, through to the lock', async () => {
    const b = freshBackend();
    for (let i = 0; i < 6; i++) {
      const known = await call(b, 'auth.login', { body: { loginId: established.loginId, password: 'nope-nope1' } });
      const unknown = await call(b, 'auth.login', { body: { loginId: 'nobody2024', password: 'nope-nope1' } });
      assert.equal(unknown.status, known.status);
      assert.deepEqual(withoutRequestId(unknown), withoutRequestId(known));
    }
  });

  it('resets the failure count after a successful login', async () => {
    const b = freshBackend();
    for (let i = 0; i < 4; i++) await call(b, 'auth.login', { body: { loginId: established.loginId, password: 'wrong-password1' } });
    await asTaro(b);
    const reply = await call(b, 'auth.login', { body: { loginId: established.loginId, password: 'wrong-password1' } });
    assert.equal(reply.body.error.details.remainingAttempts, 4);
  });
});

describe('sessions', () => {
  it('answers 401 session_expired without a token, with an unknown token, or a malformed header', async () => {
    const b = freshBackend();
    assertError(await call(b, 'auth.session'), 'session_expired');
    assertError(await call(b, 'auth.session', { token: 'x'.repeat(43) }), 'session_expired');
    const token = await asTaro(b);
    const basic = requestFor(b, 'auth.session');
    basic.headers.set('Authorization', `Basic ${token}`);
    assertError(await send(b, basic), 'session_expired');
  });

  it('ends the session on logout', async () => {
    const b = freshBackend();
    const token = await asTaro(b);
    assertOk(await call(b, 'auth.logout', { token }));
    assertError(await call(b, 'account.get', { token }), 'session_expired');
  });

  it('expires an idle session after 30 minutes and extends it on every call', async () => {
    const b = freshBackend();
    const token = await asTaro(b);
    b.clock.advance(29 * MINUTE);
    const session = await call(b, 'auth.session', { token });
    assert.equal(Date.parse(session.body.expiresAt), b.clock.now().getTime() + SESSION_IDLE_MINUTES * MINUTE);
    b.clock.advance(29 * MINUTE);
    assertOk(await call(b, 'account.get', { token }));
    b.clock.advance(SESSION_IDLE_MINUTES * MINUTE);
    assertError(await call(b, 'account.get', { token }), 'session_expired');
  });

  it('ends the earlier session when the account logs in again', async () => {
    const b = freshBackend();
    const first = await asTaro(b);
    const second = await asTaro(b);
    assertError(await call(b, 'auth.session', { token: first }), 'session_expired');
    assertOk(await call(b, 'auth.session', { token: second }));
  });

  it('lets a postcard session call session endpoints only; active-session endpoints answer 403', async () => {
    const b = freshBackend();
    const reply = await call(b, 'auth.initialLogin', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } });
    const token = reply.body.token as string;
    assertOk(await call(b, 'auth.session', { token }));
    assertOk(await call(b, 'credentials.loginIdAvailability', { token, query: { loginId: 'hanako01' } }));
    for (const id of ['account.get', 'account.lines', 'billing.history', 'reissueEmail.status', 'noticeEmail.status'] as const) {
      assertError(await call(b, id, { token }), 'credential_change_required');
    }
    assertOk(await call(b, 'auth.logout', { token }));
  });
});
