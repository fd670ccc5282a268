// Two tabs' worth of clients against one reference backend. The backend keeps
// one session per account (a later login ends the earlier one) and ends the
// other sessions on a password change, so the other tab's next call fails
// cleanly with SessionExpiredError, once. Registrations racing for one new
// login ID: exactly one wins, the other is told the ID is taken.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBackend, DEMO_ACCOUNTS, type Backend } from '../../../mocks/index.js';
import { hashSecret, loginKey, sha256 } from '../../../mocks/secrets.js';
import {
  InvalidCredentialsError,
  SessionExpiredError,
  ValidationError,
  createClient,
  type WebBillingClient,
} from '../../../src/index.js';

const BASE = 'http://billing.test/api/v1';
const { established, postcard } = DEMO_ACCOUNTS;

function backend(): Backend {
  return createBackend({ now: '2026-11-20T10:00:00+09:00', onInternalError: () => {} });
}

function tab(b: Backend, onSessionExpired?: () => void): WebBillingClient {
  return createClient({ baseUrl: BASE, retry: 0, fetch: b.fetch, ...(onSessionExpired ? { onSessionExpired } : {}) });
}

describe('two clients on one backend', () => {
  it('a password change in one tab makes the other tab\'s next call fail with SessionExpiredError, once', async () => {
    const b = backend();
    let expiredA = 0;
    const a = tab(b, () => expiredA++);
    const other = tab(b);
    await a.auth.login({ loginId: established.loginId, password: established.password });
    await a.billing.history();
    await other.auth.login({ loginId: established.loginId, password: established.password });
    await other.credentials.changePassword({ currentPassword: established.password, newPassword: 'Momiji2026!', newPasswordConfirm: 'Momiji2026!' });
    await assert.rejects(a.billing.history(), SessionExpiredError);
    await assert.rejects(a.account.get(), SessionExpiredError);
    assert.equal(expiredA, 1);
    assert.equal(a.auth.current, undefined);
    await assert.rejects(a.auth.login({ loginId: established.loginId, password: established.password }), InvalidCredentialsError);
    await other.billing.history();
  });

  it('the backend ends every other session of the account on a password change, keeping the changer\'s', async () => {
    const b = backend();
    const changer = tab(b);
    await changer.auth.login({ loginId: established.loginId, password: established.password });
    // A second live session (another device), put straight into the store: logins would end it.
    const stolen = 'S'.repeat(43);
    const session = [...b.store.sessions.values()][0]!;
    b.store.sessions.set(await sha256(stolen), { ...session, failedChecks: 0 });
    const response = await b.fetch(`${BASE}/auth/session`, { headers: { authorization: `Bearer ${stolen}` } });
    assert.equal(response.status, 200);
    await changer.credentials.changePassword({ currentPassword: established.password, newPassword: 'Momiji2026!', newPasswordConfirm: 'Momiji2026!' });
    const after = await b.fetch(`${BASE}/auth/session`, { headers: { authorization: `Bearer ${stolen}` } });
    assert.equal(after.status, 401);
    await changer.auth.session();
  });

  it('two simultaneous first changes to the same new login ID: exactly one wins, the other hears login_id_taken', async () => {
    const b = backend();
    // A second postcard customer beside the seeded one.
    const seeded = b.store.accounts.get(postcard.loginId)!;
    b.store.accounts.set('second', { ...seeded, id: 'second', postcard: { loginId: 'ZX9Q2MB', password: hashSecret('p4ssW0rd') }, pending: { 'reissue-email': null, 'notice-email': null }, noticeMailsSent: new Set() });
    b.store.logins.set(loginKey('ZX9Q2MB'), { accountId: 'second', kind: 'postcard' });

    const first = tab(b);
    const second = tab(b);
    await first.auth.initialLogin({ initialLoginId: postcard.loginId, initialPassword: postcard.password });
    await second.auth.initialLogin({ initialLoginId: 'ZX9Q2MB', initialPassword: 'p4ssW0rd' });
    const choose = (c: WebBillingClient, initialLoginId: string, initialPassword: string) =>
      c.credentials.setup({ initialLoginId, initialPassword, newLoginId: 'sameid-01', newLoginIdConfirm: 'sameid-01', newPassword: 'Kawa2026pw', newPasswordConfirm: 'Kawa2026pw' });
    const results = await Promise.allSettled([choose(first, postcard.loginId, postcard.password), choose(second, 'ZX9Q2MB', 'p4ssW0rd')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.equal(lost.length, 1);
    assert.ok(lost[0]!.reason instanceof ValidationError);
    assert.deepEqual(lost[0]!.reason.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`), ['newLoginId:login_id_taken']);
    assert.equal([...b.store.logins.entries()].filter(([key]) => key === 'sameid-01').length, 1);
  });
});
