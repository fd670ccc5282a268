import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_ACCOUNTS, SNAPSHOT_VERSION, type Backend, type BackendSnapshot } from '../../../mocks/index.js';
import { asSetUpPostcard, asTaro, assertError, assertOk, call, DAY, freshBackend, HOUR, login, mailsTo, tokenOf } from './helpers.js';

const postcard = DEMO_ACCOUNTS.postcard;
const request = { email: 'hanako@example.jp', emailConfirm: 'hanako@example.jp', questionId: 'favorite-food', answer: 'Udon' };

/** Through JSON and back, as the demo portal keeps it in localStorage. */
const throughJson = (snapshot: BackendSnapshot): unknown => JSON.parse(JSON.stringify(snapshot));

/** The postcard customer's first change to hanako01, then a reissue email registered (pending, link mailed). */
async function changedAndRegistered(b: Backend): Promise<string> {
  const token = await asSetUpPostcard(b, 'hanako01', 'Hanako2026pw');
  assertOk(await call(b, 'reissueEmail.register', { token, body: request }));
  return tokenOf(mailsTo(b, request.email, 'reissue-email-confirm').at(-1));
}

describe('backend snapshot and restore', () => {
  it('carries a first change, a pending link, the clock and the outbox through JSON into a new backend', async () => {
    const old = freshBackend();
    const link = await changedAndRegistered(old);
    old.clock.advance(2 * HOUR);
    const snapshot = await old.snapshot();
    assert.equal(snapshot.version, SNAPSHOT_VERSION);

    // A new backend, as after a page load: created at another time, then restored.
    const restored = freshBackend({ now: '2027-03-01T00:00:00Z' });
    assert.equal(restored.restore(throughJson(snapshot)), true);

    assert.equal(restored.clock.now().getTime(), old.clock.now().getTime(), 'the clock is where it was');
    assert.deepEqual(restored.outbox.list(), old.outbox.list(), 'the same mails');
    assert.deepEqual(await restored.snapshot(), snapshot, 'the same state');

    // The new credentials work; the postcard's are gone for good.
    await login(restored, 'hanako01', 'Hanako2026pw');
    assertError(
      await call(restored, 'auth.initialLogin', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } }),
      'invalid_credentials',
    );
    assertError(await call(restored, 'auth.login', { body: { loginId: 'hanako01', password: 'wrong-Pass99' } }), 'invalid_credentials');

    // The mailed link confirms on the new backend (once), within its 24 hours counted from the old clock.
    const reply = await call(restored, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer: 'Udon' } });
    assert.deepEqual(reply.body, { state: 'registered', email: 'ha***@example.jp', questionId: 'favorite-food' });
    assertError(await call(restored, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer: 'Udon' } }), 'link_expired');

    // The outbox goes on numbering after the restored mails.
    const ids = restored.outbox.list().map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length, 'no mail id twice');
    assert.equal(mailsTo(restored, request.email, 'reissue-email-registered').length, 1);
  });

  it('keeps the 24-hour expiry of a restored link, and sends no monthly mail for the restored clock', async () => {
    const old = freshBackend();
    const link = await changedAndRegistered(old);
    const restored = freshBackend({ now: '2027-06-30T00:00:00Z' });
    assert.ok(restored.restore(throughJson(await old.snapshot())));
    assert.equal(restored.outbox.list().length, old.outbox.list().length, 'no mail for the jump of the clock');
    restored.clock.advance(DAY);
    assertError(await call(restored, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer: 'Udon' } }), 'link_expired');
  });

  it('puts the clock back to the snapshot\'s start on reset, with the seeded accounts', async () => {
    const old = freshBackend();
    await changedAndRegistered(old);
    const start = old.clock.now().getTime();
    old.clock.advance(HOUR);
    const restored = freshBackend({ now: '2027-03-01T00:00:00Z' });
    assert.ok(restored.restore(throughJson(await old.snapshot())));
    restored.reset();
    assert.equal(restored.clock.now().getTime(), start);
    assert.deepEqual(restored.outbox.list(), []);
    assertOk(await call(restored, 'auth.initialLogin', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } }));
  });

  it('restores through createBackend({ restore }) too, sessions included (the token itself is never in the snapshot)', async () => {
    const old = freshBackend();
    const token = await asTaro(old);
    const snapshot = await old.snapshot();
    assert.ok(!JSON.stringify(snapshot).includes(token), 'no session token in clear');
    assert.ok(!JSON.stringify(snapshot).includes(DEMO_ACCOUNTS.established.password), 'no password in clear');
    const restored = freshBackend({ restore: throughJson(snapshot) });
    assertOk(await call(restored, 'account.get', { token }));
  });

  for (const [what, change] of [
    ['an unknown version', (s: any) => ({ ...s, version: 999 })],
    ['an old version (none)', (s: any) => ({ ...s, version: undefined })],
    ['another seed', (s: any) => ({ ...s, seed: 42 })],
    ['a damaged one', (s: any) => ({ ...s, accounts: [['nobody', {}]] })],
    ['one with a missing account', (s: any) => ({ ...s, accounts: s.accounts.slice(1) })],
    ['not a snapshot at all', () => 'garbage'],
    ['null', () => null],
  ] as const) {
    it(`ignores ${what}: a fresh backend, nothing thrown`, async () => {
      const old = freshBackend();
      await changedAndRegistered(old);
      const input = change(throughJson(await old.snapshot()));
      const fresh = freshBackend();
      assert.equal(fresh.restore(input), false);
      assert.deepEqual(fresh.outbox.list(), []);
      assertOk(await call(fresh, 'auth.initialLogin', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } }));
      const started = freshBackend({ restore: input });
      assert.deepEqual(started.outbox.list(), []);
      assertError(await call(started, 'auth.login', { body: { loginId: 'hanako01', password: 'Hanako2026pw' } }), 'invalid_credentials');
    });
  }

  it('tells onChange listeners after each answered request, clock move and reset, until unsubscribed', async () => {
    const b = freshBackend();
    let calls = 0;
    const stop = b.onChange(() => void (calls += 1));
    assertError(await call(b, 'auth.login', { body: { loginId: 'taro2024', password: 'wrong-Pass1' } }), 'invalid_credentials');
    assert.equal(calls, 1, 'a refused login counts too');
    b.clock.advance(HOUR);
    assert.equal(calls, 2);
    b.reset();
    assert.equal(calls, 3);
    assert.ok(b.restore(throughJson(await b.snapshot())));
    assert.equal(calls, 3, 'not after restore');
    stop();
    await asTaro(b);
    assert.equal(calls, 3);
  });

  it('answers even when a listener throws', async () => {
    const b = freshBackend();
    const original = console.error;
    const reported: unknown[] = [];
    console.error = (...args: unknown[]) => void reported.push(args);
    try {
      b.onChange(() => {
        throw new Error('listener broke');
      });
      await asTaro(b);
    } finally {
      console.error = original;
    }
    assert.equal(reported.length, 1);
  });
});
