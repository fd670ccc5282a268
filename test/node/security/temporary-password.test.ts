// The mailed temporary password of a password reissue: it logs in only to
// change the password, for the hours the policy publishes, and dies at the
// change. Before issue 10 it logged in again and again, 30 days later too.
// The login-ID availability check, the one place where an ID's existence
// shows, answers only the sessions that choose an ID.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRateLimiter, DEMO_ACCOUNTS, type Backend } from '../../../mocks/index.js';
import { asTaro, assertError, call, freshBackend, HOUR, login, mailsTo } from '../mocks/helpers.js';

const taro = DEMO_ACCOUNTS.established;

async function reissue(b: Backend): Promise<string> {
  const { email, questionId, answer } = taro.reissueEmail!;
  assert.equal((await call(b, 'passwordReissue.request', { body: { loginId: taro.loginId, email, questionId, answer } })).status, 202);
  const password = mailsTo(b, email, 'password-reissued').at(-1)?.temporaryPassword;
  assert.ok(password, 'a temporary password was mailed');
  return password;
}

describe('temporary password', () => {
  it('publishes its lifetime in the policy (24 hours by default) and says it in the mail', async () => {
    const b = freshBackend();
    assert.equal((await call(b, 'credentials.policy')).body.temporaryPasswordHours, 24);
    await reissue(b);
    const mail = mailsTo(b, taro.reissueEmail!.email, 'password-reissued').at(-1)!;
    assert.match(mail.body.en, /logs in for 24 hours/);
    assert.match(mail.body.ja, /24時間有効/);
  });

  it('logs in until its lifetime ends, then is refused like a wrong password and counts toward the lock', async () => {
    const b = freshBackend();
    const password = await reissue(b);
    b.clock.advance(24 * HOUR - 1000);
    const early = await call(b, 'auth.login', { body: { loginId: taro.loginId, password } });
    assert.equal(early.body.stage, 'password-change-required');
    b.clock.advance(1000);
    const late = await call(b, 'auth.login', { body: { loginId: taro.loginId, password } });
    assertError(late, 'invalid_credentials');
    assert.equal(late.body.error.details.remainingAttempts, 4);
    const wrong = await call(b, 'auth.login', { body: { loginId: 'nobody2026', password: 'Wrong2026x' } });
    assert.deepEqual(Object.keys(late.body.error).sort(), Object.keys(wrong.body.error).sort());
    assert.equal(late.body.error.message, wrong.body.error.message);
    b.clock.advance(30 * 24 * HOUR);
    assertError(await call(b, 'auth.login', { body: { loginId: taro.loginId, password } }), 'invalid_credentials');
  });

  it('follows the published lifetime of a backend configured otherwise', async () => {
    const b = freshBackend({ policy: { ...(await call(freshBackend(), 'credentials.policy')).body, temporaryPasswordHours: 2 } });
    const password = await reissue(b);
    b.clock.advance(2 * HOUR);
    assertError(await call(b, 'auth.login', { body: { loginId: taro.loginId, password } }), 'invalid_credentials');
  });

  it('dies at the forced change, and a newer reissue ends the older one', async () => {
    const b = freshBackend();
    const older = await reissue(b);
    const password = await reissue(b);
    assertError(await call(b, 'auth.login', { body: { loginId: taro.loginId, password: older } }), 'invalid_credentials');
    const token = await login(b, taro.loginId, password);
    assert.equal(
      (await call(b, 'credentials.changePassword', { token, body: { currentPassword: password, newPassword: 'Fresh2026pw', newPasswordConfirm: 'Fresh2026pw' } })).body.stage,
      'active',
    );
    assertError(await call(b, 'auth.login', { body: { loginId: taro.loginId, password } }), 'invalid_credentials');
    b.clock.advance(48 * HOUR);
    assert.ok(await login(b, taro.loginId, 'Fresh2026pw'), 'the chosen password does not expire');
  });

  it('survives a snapshot and restore with its expiry', async () => {
    const b = freshBackend();
    const password = await reissue(b);
    const restored = freshBackend({ restore: await b.snapshot() });
    restored.clock.advance(24 * HOUR);
    assertError(await call(restored, 'auth.login', { body: { loginId: taro.loginId, password } }), 'invalid_credentials');
  });
});

describe('login-ID availability', () => {
  it('answers a postcard session and an active one, and counts unused postcard IDs as taken', async () => {
    const b = freshBackend();
    const postcard = DEMO_ACCOUNTS.postcard;
    const first = await call(b, 'auth.initialLogin', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } });
    const active = await asTaro(b);
    for (const token of [first.body.token as string, active]) {
      assert.equal((await call(b, 'credentials.loginIdAvailability', { token, query: { loginId: 'corp-admin1' } })).body.available, false);
      assert.equal((await call(b, 'credentials.loginIdAvailability', { token, query: { loginId: postcard.loginId } })).body.available, false);
      assert.equal((await call(b, 'credentials.loginIdAvailability', { token, query: { loginId: 'fresh2026id' } })).body.available, true);
    }
  });

  it('refuses a session without one, and one that must first change a reissued password', async () => {
    const b = freshBackend();
    assertError(await call(b, 'credentials.loginIdAvailability', { query: { loginId: 'taro2024' } }), 'session_expired');
    const temporary = await login(b, taro.loginId, await reissue(b));
    assertError(await call(b, 'credentials.loginIdAvailability', { token: temporary, query: { loginId: 'taro2024' } }), 'credential_change_required');
  });

  it('is throttled with the secret checks, not with the looser limit of all requests', async () => {
    const b = freshBackend({ rateLimit: createRateLimiter({ maxSecretChecks: 4, maxRequests: 1000 }) });
    const token = await asTaro(b); // one secret check
    const statuses = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await call(b, 'credentials.loginIdAvailability', { token, query: { loginId: `probe${i}id` } })).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    assert.equal((await call(b, 'account.get', { token })).status, 200, 'other reads go on');
  });
});
