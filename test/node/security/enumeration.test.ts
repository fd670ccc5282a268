// No answer tells whether a login ID, an email or an answer exists or is
// right: login and password reissue answer an unknown ID, a wrong email and a
// wrong answer with the same status, the same headers and the same body
// (request ids aside). Alike is not enough (a backend answering 500 to all
// would be alike): each answer is also checked against what it must be.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_ACCOUNTS } from '../../../mocks/index.js';
import { DEFAULT_CREDENTIAL_POLICY } from '../../../src/contract/rules.js';
import { call, freshBackend, withoutRequestId, type Reply } from '../mocks/helpers.js';

const { established } = DEMO_ACCOUNTS;
const right = {
  loginId: established.loginId,
  email: established.reissueEmail.email,
  questionId: established.reissueEmail.questionId,
  answer: established.reissueEmail.answer,
};

function shape(reply: Reply): unknown {
  const headers = [...reply.headers.keys()].filter((h) => h !== 'x-request-id').sort();
  return { status: reply.status, headers, body: withoutRequestId(reply) };
}

/** Fails unless `reply` is the contract's error `code` with `status`, a message, and exactly `details` (if any). */
function assertError(reply: Reply, status: number, code: string, details?: Record<string, unknown>, what = code): void {
  assert.equal(reply.status, status, `${what}: status`);
  assert.match(reply.headers.get('content-type') ?? '', /^application\/json/, `${what}: content type`);
  const { error } = withoutRequestId(reply) as { error: { code: string; message: unknown; details?: unknown } };
  assert.equal(typeof error.message, 'string', `${what}: message`);
  assert.deepEqual(error, { code, message: error.message, ...(details ? { details } : {}) }, `${what}: body`);
}

const LOCK_THRESHOLD = DEFAULT_CREDENTIAL_POLICY.lockThreshold;

describe('enumeration', () => {
  it('answers password reissue alike for an unknown ID, a wrong email, a wrong question and a wrong answer', async () => {
    const b = freshBackend();
    const attempts = [
      { ...right, loginId: 'nobody-2099' },
      { ...right, email: 'someone@example.jp' },
      { ...right, questionId: 'favorite-food' },
      { ...right, answer: 'Tama' },
    ];
    const shapes = [];
    for (const body of attempts) {
      const reply = await call(b, 'passwordReissue.request', { body });
      // What a right request gets too: 202, accepted, and the mail (none here) says the rest.
      assert.equal(reply.status, 202);
      assert.deepEqual(withoutRequestId(reply), { accepted: true });
      shapes.push(shape(reply));
    }
    for (const s of shapes) assert.deepEqual(s, shapes[0]);
    assert.equal(b.outbox.list().length, 0);
  });

  it('answers login alike for an unknown ID and a known ID with a wrong password, every attempt up to the lock', async () => {
    const b = freshBackend();
    for (let i = 0; i < 6; i++) {
      const known = await call(b, 'auth.login', { body: { loginId: established.loginId, password: 'Wrong-2099' } });
      const unknown = await call(b, 'auth.login', { body: { loginId: 'nobody-2099', password: 'Wrong-2099' } });
      assert.deepEqual(shape(unknown), shape(known), `attempt ${i + 1}`);
      // 401 with the attempts left until the lock, then 423 account_locked (the unknown ID counts alike).
      if (i + 1 < LOCK_THRESHOLD) assertError(known, 401, 'invalid_credentials', { remainingAttempts: LOCK_THRESHOLD - (i + 1) }, `attempt ${i + 1}`);
      else assertError(known, 423, 'account_locked', undefined, `attempt ${i + 1}`);
    }
  });

  it('answers the postcard login alike for an unknown postcard ID and a wrong postcard password', async () => {
    const b = freshBackend();
    const known = await call(b, 'auth.initialLogin', { body: { initialLoginId: DEMO_ACCOUNTS.postcard.loginId, initialPassword: 'zzzz9999' } });
    const unknown = await call(b, 'auth.initialLogin', { body: { initialLoginId: 'ZZ99ZZ9', initialPassword: 'zzzz9999' } });
    assert.deepEqual(shape(unknown), shape(known));
    assertError(known, 401, 'invalid_credentials', { remainingAttempts: LOCK_THRESHOLD - 1 });
  });
});
