// Parallel requests against one account or one link. Every check-then-act of
// the reference backend (the lock count, a single-use link, an answer limit,
// the first change, a registration, the temporary password) must hold when
// the requests arrive together: the backend answers them as if they had come
// one after another, in arrival order. Requests are fired at once, with the
// one that would win a race last, so each outcome below is exact. Found over
// HTTP with parallel fetch calls (issue 10); the last test repeats the lock
// race over real sockets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startHttpBackend } from '../../../mocks/http-server.js';
import { DEMO_ACCOUNTS, type Backend } from '../../../mocks/index.js';
import { asSetUpPostcard, asTaro, assertOk, call, freshBackend, login, mailsTo, tokenOf, type Reply } from '../mocks/helpers.js';

const taro = DEMO_ACCOUNTS.established;
const postcard = DEMO_ACCOUNTS.postcard;
const THRESHOLD = 5;

/** `"status code"` of each reply, counted: `{ '401 invalid_credentials': 4, … }`. */
function tally(replies: Reply[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of replies) {
    const key = r.status < 400 ? String(r.status) : `${r.status} ${r.body.error.code}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const wrongLogins = (n: number) => Array.from({ length: n }, (_, i) => ({ loginId: taro.loginId, password: `Wrong${i}pass` }));

describe('races: parallel requests on one account or link', () => {
  it('locks after exactly the threshold of parallel wrong passwords, and the right one sent with them does not get in', async () => {
    for (const wrong of [6, 10, 25]) {
      const b = freshBackend();
      const bodies = [...wrongLogins(wrong), { loginId: taro.loginId, password: taro.password }];
      const replies = await Promise.all(bodies.map((body) => call(b, 'auth.login', { body })));
      // The attempt that reaches the threshold already answers 423.
      assert.deepEqual(tally(replies), { '401 invalid_credentials': THRESHOLD - 1, '423 account_locked': wrong + 1 - (THRESHOLD - 1) }, `${wrong} wrong`);
      assert.deepEqual(
        replies.slice(0, THRESHOLD - 1).map((r) => r.body.error.details.remainingAttempts),
        [4, 3, 2, 1],
      );
      assert.equal(replies.at(-1)!.body.error.code, 'account_locked');
      assert.equal(b.store.sessions.size, 0, 'no session was made');
    }
  });

  it('locks an unknown login ID after exactly the same number of parallel tries', async () => {
    const b = freshBackend();
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(b, 'auth.login', { body: { loginId: 'nobody2026', password: `Guess${i}word` } })),
    );
    assert.deepEqual(tally(replies), { '401 invalid_credentials': THRESHOLD - 1, '423 account_locked': 12 - (THRESHOLD - 1) });
  });

  it('confirms a reissue-email link once when it is followed 20 times at once, and mails "registered" once', async () => {
    const b = freshBackend();
    const token = await asSetUpPostcard(b);
    const email = 'hanako@example.jp';
    assertOk(await call(b, 'reissueEmail.register', { token, body: { email, emailConfirm: email, questionId: 'favorite-food', answer: 'Udon' } }));
    const link = tokenOf(mailsTo(b, email, 'reissue-email-confirm').at(-1));
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer: 'Udon' } })),
    );
    assert.deepEqual(tally(replies), { '200': 1, '410 link_expired': 19 });
    assert.equal(mailsTo(b, email, 'reissue-email-registered').length, 1);
  });

  it('confirms a notice-email link once when it is followed 20 times at once', async () => {
    const b = freshBackend();
    const token = await asSetUpPostcard(b);
    const email = 'hanako-notice@example.jp';
    assertOk(await call(b, 'noticeEmail.register', { token, body: { type: 'mobile', email } }));
    const link = tokenOf(mailsTo(b, email, 'notice-email-confirm').at(-1));
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => call(b, 'noticeEmail.confirm', { body: { token: link, registeredNumber: postcard.registeredNumber.number } })),
    );
    assert.deepEqual(tally(replies), { '200': 1, '410 link_expired': 19 });
    assert.equal(mailsTo(b, email, 'notice-email-registered').length, 1);
  });

  it('judges at most the threshold of wrong link answers sent at once; the right one sent with them finds the link dead', async () => {
    const b = freshBackend();
    const token = await asSetUpPostcard(b);
    const email = 'hanako@example.jp';
    assertOk(await call(b, 'reissueEmail.register', { token, body: { email, emailConfirm: email, questionId: 'favorite-food', answer: 'Udon' } }));
    const link = tokenOf(mailsTo(b, email, 'reissue-email-confirm').at(-1));
    const answers = [...Array.from({ length: 19 }, (_, i) => `Soba${i}`), 'Udon'];
    const replies = await Promise.all(
      answers.map((answer) => call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer } })),
    );
    assert.deepEqual(tally(replies), { '400 validation_failed': THRESHOLD, '410 link_expired': 20 - THRESHOLD });
    assert.equal(replies.at(-1)!.body.error.code, 'link_expired');
    assert.equal((await call(b, 'reissueEmail.status', { token })).body.state, 'none');
  });

  it('ends the session after exactly the threshold of parallel wrong current passwords; the right one sent with them changes nothing', async () => {
    const b = freshBackend();
    const token = await asTaro(b);
    const bodies = [
      ...Array.from({ length: 24 }, (_, i) => ({ currentPassword: `Wrong${i}pass`, newPassword: 'Brand2026new', newPasswordConfirm: 'Brand2026new' })),
      { currentPassword: taro.password, newPassword: 'Brand2026new', newPasswordConfirm: 'Brand2026new' },
    ];
    const replies = await Promise.all(bodies.map((body) => call(b, 'credentials.changePassword', { token, body })));
    assert.deepEqual(tally(replies), { '401 invalid_credentials': THRESHOLD - 1, '401 session_expired': 25 - (THRESHOLD - 1) });
    assert.equal((await call(b, 'auth.session', { token })).body.error.code, 'session_expired');
    assert.ok(await login(b, taro.loginId, taro.password), 'the old password still logs in');
    assert.equal((await call(b, 'auth.login', { body: { loginId: taro.loginId, password: 'Brand2026new' } })).status, 401);
  });

  it('lets one of 20 parallel first changes through; the other IDs stay free and only the winner logs in', async () => {
    const b = freshBackend();
    const first = await call(b, 'auth.initialLogin', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } });
    const token = first.body.token as string;
    const ids = Array.from({ length: 20 }, (_, i) => `hanako${String(i).padStart(2, '0')}`);
    const replies = await Promise.all(
      ids.map((id) =>
        call(b, 'credentials.setup', {
          token,
          body: {
            initialLoginId: postcard.loginId,
            initialPassword: postcard.password,
            newLoginId: id,
            newLoginIdConfirm: id,
            newPassword: 'Hanako2026pw',
            newPasswordConfirm: 'Hanako2026pw',
          },
        }),
      ),
    );
    assert.deepEqual(tally(replies), { '200': 1, '409 conflict': 19 });
    assert.equal(replies[0]!.status, 200, 'the first to arrive wins');
    assert.ok(await login(b, ids[0]!, 'Hanako2026pw'));
    const active = await login(b, ids[0]!, 'Hanako2026pw');
    for (const id of ids.slice(1)) {
      assert.equal((await call(b, 'auth.login', { body: { loginId: id, password: 'Hanako2026pw' } })).status, 401, id);
      assert.equal((await call(b, 'credentials.loginIdAvailability', { token: active, query: { loginId: id } })).body.available, true, id);
    }
  });

  it('keeps one pending registration when 20 are made at once: only the newest link confirms', async () => {
    const b = freshBackend();
    const token = await asSetUpPostcard(b);
    const emails = Array.from({ length: 20 }, (_, i) => `hanako${i}@example.jp`);
    const replies = await Promise.all(
      emails.map((email) => call(b, 'reissueEmail.register', { token, body: { email, emailConfirm: email, questionId: 'favorite-food', answer: 'Udon' } })),
    );
    assert.deepEqual(tally(replies), { '202': 20 });
    assert.equal((await call(b, 'reissueEmail.status', { token })).body.pendingEmail, 'ha***@example.jp');
    const links = emails.map((email) => tokenOf(mailsTo(b, email, 'reissue-email-confirm').at(-1)));
    for (const link of links.slice(0, -1)) {
      assert.equal((await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer: 'Udon' } })).status, 410);
    }
    assertOk(await call(b, 'reissueEmail.confirm', { body: { token: links.at(-1)!, questionId: 'favorite-food', answer: 'Udon' } }));
    assert.ok([...b.store.accounts.values()].some((a) => a.reissueEmail?.email === emails.at(-1)), 'the newest address is the one registered');
  });

  it('mails one working temporary password per parallel reissue: only the newest logs in', async () => {
    const b = freshBackend();
    const request = { loginId: taro.loginId, email: taro.reissueEmail!.email, questionId: taro.reissueEmail!.questionId, answer: taro.reissueEmail!.answer };
    const replies = await Promise.all(Array.from({ length: 4 }, () => call(b, 'passwordReissue.request', { body: request })));
    assert.deepEqual(tally(replies), { '202': 4 });
    const passwords = mailsTo(b, taro.reissueEmail!.email, 'password-reissued').map((m) => m.temporaryPassword!);
    assert.equal(passwords.length, 4);
    assert.equal(new Set(passwords).size, 4);
    for (const password of passwords.slice(0, -1)) {
      assert.equal((await call(b, 'auth.login', { body: { loginId: taro.loginId, password } })).status, 401);
    }
    const newest = await call(b, 'auth.login', { body: { loginId: taro.loginId, password: passwords.at(-1)! } });
    assert.equal(newest.body.stage, 'password-change-required');
  });

  it('holds the lock over real sockets: 25 parallel wrong passwords then the right one from another client', async () => {
    const b: Backend = freshBackend();
    const server = await startHttpBackend({ port: 0, backend: b });
    try {
      const post = (body: unknown) =>
        fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const statuses = (await Promise.all(wrongLogins(25).map(post))).map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 401).length, THRESHOLD - 1);
      assert.equal(statuses.filter((s) => s === 423).length, 25 - (THRESHOLD - 1));
      assert.equal((await post({ loginId: taro.loginId, password: taro.password })).status, 423);
    } finally {
      await server.close();
    }
  });
});
